"""abc: ABC and abstractmethod — a class with abstract methods left cannot
be instantiated, with CPython 3.11's TypeError.

Written for gillab after PEP 3119 and CPython's Lib/abc.py, without a
metaclass (gillab has none but type): ABC computes __abstractmethods__ in
__init_subclass__ and refuses instantiation in __new__. Differences:
ABCMeta is `type` itself, so `class C(metaclass=ABCMeta)` is accepted but
gets no instantiation check (derive from ABC for that); register() records
a virtual subclass without making isinstance()/issubclass() see it;
abstractclassmethod, abstractstaticmethod and abstractproperty (deprecated
since 3.3) are functions returning the built-in descriptor, not subclasses.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
           "abstractproperty", "get_cache_token"]

ABCMeta = type


def abstractmethod(funcobj):
    """Marks a method abstract: a subclass of ABC that does not override
    it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# The three deprecated spellings (3.3) are functions here, not subclasses:
# gillab cannot subclass classmethod, staticmethod or property.
def abstractclassmethod(callable):
    return classmethod(abstractmethod(callable))


def abstractstaticmethod(callable):
    return staticmethod(abstractmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    return property(abstractmethod(fget) if fget is not None else None, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False) for f in (value.fget, value.fset, value.fdel))
    inner = getattr(value, "__func__", None)
    return inner is not None and getattr(inner, "__isabstractmethod__", False)


def _compute_abstract_methods(cls):
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


class ABC:
    """Derive from ABC to make a class abstract while any of its
    @abstractmethod methods is not overridden."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _compute_abstract_methods(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__")
        if abstracts is None:
            _compute_abstract_methods(cls)
            abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "" if len(names) == 1 else "s", ", ".join(names)))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Records subclass as virtual (isinstance does not consult it)."""
        registry = cls.__dict__.get("_abc_registry")
        if registry is None:
            registry = []
            cls._abc_registry = registry
        registry.append(subclass)
        return subclass


ABC.__abstractmethods__ = frozenset()


def get_cache_token():
    return 0
