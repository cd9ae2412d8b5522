"""A helper module."""
print("loading helper_mod", __name__)
VALUE = 42
def double(x):
    return 2 * x
class Thing:
    def __repr__(self):
        return "Thing()"
