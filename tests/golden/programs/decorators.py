# Decorators: on functions (with and without arguments, stacked, applied
# bottom-up), functools.wraps keeping the name and docstring, a class used
# as a decorator, decorators on methods and on classes, and a decorator
# that registers instead of wrapping.
import functools

calls = []


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate


@trace
@repeat(3)
def greet(name):
    """Says hello."""
    return "hi " + name


print(greet("ann"), greet.__name__, greet.__doc__, calls)
print(greet.__wrapped__.__name__, greet.__wrapped__("bob"))


class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.count = 0

    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.count, square.__name__)

registry = {}


def register(name):
    def add(cls_or_fn):
        registry[name] = cls_or_fn
        return cls_or_fn
    return add


@register("shape")
class Shape:
    def __init__(self, sides):
        self.sides = sides

    @trace
    def describe(self):
        return "%d sides" % self.sides

    @staticmethod
    @trace
    def unit():
        return Shape(1)


def add_repr(cls):
    cls.__repr__ = lambda self: "<%s %r>" % (cls.__name__, vars(self))
    return cls


@add_repr
@register("point")
class Point:
    def __init__(self, x):
        self.x = x


print(sorted(registry), registry["shape"] is Shape, Shape(4).describe(), Shape.unit().sides)
print(Point(2), registry["point"] is Point, calls[-2:])


def memo(fn):
    cache = {}

    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), len(fib.cache))
