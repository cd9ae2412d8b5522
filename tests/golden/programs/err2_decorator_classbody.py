# Errors at definition time: a decorator factory validating its argument,
# a decorator that fails when applied, a wrapper failing at call time, a
# class body computing a table, __init_subclass__ rejecting a subclass, and
# finally a class body whose statement fails inside a registering decorator.
import functools

REGISTRY = {}


def register(kind):
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, got {kind!r}")

    def decorate(obj):
        if kind in REGISTRY:
            raise KeyError(kind)
        REGISTRY[kind] = obj
        return obj
    return decorate


def checked(*types):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for i, (arg, t) in enumerate(zip(args, types)):
                if not isinstance(arg, t):
                    raise TypeError(f"{fn.__name__}() argument {i} must be {t.__name__}")
            return fn(*args)
        return wrapper
    return decorate


@register("adder")
@checked(int, int)
def add(a, b):
    return a + b


print(add(2, 3), add.__name__, sorted(REGISTRY))
for call in (lambda: add(2, "3"), lambda: register(5), lambda: register("adder")(len)):
    try:
        call()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)


class Plugin:
    names = []

    def __init_subclass__(cls, /, prefix="", **kw):
        super().__init_subclass__(**kw)
        if not prefix:
            raise ValueError(f"{cls.__name__} needs a prefix")
        Plugin.names.append(prefix + cls.__name__)


class Alpha(Plugin, prefix="x_"):
    squares = {n: n * n for n in range(4)}
    total = sum(squares.values())


print(Plugin.names, Alpha.squares, Alpha.total)
try:
    class Beta(Plugin):
        pass
except ValueError as e:
    print("class rejected:", e)
print("Beta" in globals())


@register("table")
class Table:
    columns = ("id", "name", "size")
    widths = [len(c) for c in columns]
    index = {c: i for i, c in enumerate(columns)}
    key_column = columns[index["size"] + 1]
