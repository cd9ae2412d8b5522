# A module with __all__ (used by import_star_all.py): exports exactly the
# listed names, an underscore one included, and one made by __getattr__.
__all__ = ["public", "_listed_private", "made_later"]

public = "public"
_listed_private = "listed private"
not_listed = "not listed"


def __getattr__(name):
    if name == "made_later":
        return "made by __getattr__"
    raise AttributeError(name)
