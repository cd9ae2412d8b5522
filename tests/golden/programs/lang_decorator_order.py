# Decorator semantics: decorator expressions evaluated top-down before the
# function is created and applied bottom-up, arbitrary expressions as
# decorators (PEP 614), decorators replacing functions with non-callables,
# decorators on methods combined with classmethod/property, and class
# decorators that return a new class.
order = []

def make(tag):
    order.append(f"evaluate {tag}")

    def deco(fn):
        order.append(f"apply {tag} to {getattr(fn, '__name__', type(fn).__name__)}")

        def wrapped(*args, **kwargs):
            order.append(f"enter {tag}")
            result = fn(*args, **kwargs)
            order.append(f"exit {tag}")
            return f"{tag}({result})"
        wrapped.__name__ = f"{tag}_{fn.__name__}"
        return wrapped
    return deco

@make("outer")
@make("middle")
@make("inner")
def base(x):
    order.append("body")
    return x

print(order)
order.clear()
print(base(1), base.__name__)
print(order)
order.clear()

# PEP 614: any expression is allowed as a decorator
decorators = {"shout": lambda f: lambda *a: f(*a).upper(), "twice": lambda f: lambda *a: f(*a) * 2}

@decorators["shout"]
@(lambda f: f)
@decorators.get("twice")
def word(w):
    return w + "!"

print(word("hey"))

# a decorator can return a non-function
@len
@str
def weird():
    pass

print(type(weird).__name__, weird > 10)

def as_constant(fn):
    return fn()

@as_constant
def ANSWER():
    return 42

print(ANSWER)

# decorator with optional arguments (works with or without parentheses)
def tagged(fn=None, *, label="default"):
    if fn is None:
        return lambda f: tagged(f, label=label)
    fn.label = label
    return fn

@tagged
def t1():
    pass

@tagged(label="custom")
def t2():
    pass

print(t1.label, t2.label)

# stacking with classmethod / staticmethod / property
def logged(fn):
    def inner(*args):
        order.append(f"call {fn.__name__} with {len(args)} args")
        return fn(*args)
    inner.__name__ = fn.__name__
    return inner

class Thing:
    count = 0

    @classmethod
    @logged
    def create(cls):
        cls.count += 1
        return cls()

    @staticmethod
    @logged
    def helper(a, b):
        return a + b

    @property
    @logged
    def name(self):
        return "thing"

    @logged
    def method(self, x):
        return x * 2

obj = Thing.create()
print(Thing.count, Thing.helper(2, 3), obj.name, obj.method(4), order)
order.clear()
print(type(Thing.__dict__["create"]).__name__, type(Thing.__dict__["name"]).__name__)

# class decorator returning a different class
def singleton(cls):
    instance = cls()

    class Wrapper:
        def __call__(self):
            return instance

        def __repr__(self):
            return f"<singleton {cls.__name__}>"
    return Wrapper()

@singleton
class Config:
    def __init__(self):
        self.loaded = True

print(Config, Config() is Config(), Config().loaded)

# decorator raising at definition time: the name is never bound
def reject(fn):
    raise ValueError(f"rejected {fn.__name__}")

try:
    @reject
    def never():
        pass
except ValueError as e:
    print(type(e).__name__, e)
print("never" in globals())

# decorator that is not callable
try:
    @42
    def bad():
        pass
except TypeError as e:
    print(type(e).__name__, e)

# decorated function's defaults/closures are unaffected
def counter_deco(fn):
    calls = 0

    def inner(*a):
        nonlocal calls
        calls += 1
        return fn(*a), calls
    return inner

@counter_deco
def add(a, b=10):
    return a + b

print(add(1), add(1, 2), add(5))
