class Meta(type):
    registry = []
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        Meta.registry.append(cls)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.tag = name.lower()
    def __call__(cls, *a, **k):
        print("creating", cls.__name__, a, k)
        return super().__call__(*a, **k)
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __getitem__(cls, k):
        return k * 2

class Base(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x
    def describe(self):
        return "instance"

class Child(Base, flag=True):
    pass

print(type(Base), type(Child), isinstance(Base, type), isinstance(Base, Meta))
print(Base.tag, Child.tag, Meta.registry)
b = Child(5)
print(b.x, type(b).__name__)
print(Base.describe(b), Child.upper_name, len(Child), list(Child), Child[21])
print(repr(Base), str(Child))
print(Base.mro(), int.mro(), type.mro(Meta))
print(Child.__mro__)
try:
    Child.nope
except AttributeError as e:
    print(e)
Child.added = 3
print(Child.added, b.added)
class Plain: pass
print(callable(Plain), Plain.mro() == [Plain, object])

class Other(type): pass
try:
    class Bad(Base, metaclass=Other): pass
except TypeError as e:
    print("TypeError:", e)

class Sub(Meta): pass
class Derived(Base, metaclass=Sub): pass
print(type(Derived).__name__)

class ABCish(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=ABCish): pass
class Mallard:
    def quack(self): pass
print(isinstance(Mallard(), Duck), isinstance(3, Duck), issubclass(Mallard, Duck), issubclass(int, (Duck, str)))

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return LoggingDict()
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, dict(ns))
class LoggingDict(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("set", k)
        super().__setitem__(k, v)
class O(metaclass=Ordered, x=1):
    a = 1
    b = a + 1
    def f(self): return 1
print(O.b)

class WithKw:
    def __init_subclass__(cls, /, color=None, **kw):
        super().__init_subclass__(**kw)
        cls.color = color
class Red(WithKw, color="red"): pass
print(Red.color)
try:
    class Bad2(WithKw, size=3): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad3(foo=1): pass
except TypeError as e:
    print("TypeError:", e)
X = type("X", (Base,), {"v": 1})
print(type(X).__name__, X.v, X.tag)
print(Meta("Y", (), {}).tag)
try:
    Meta(1)
except TypeError as e:
    print("TypeError:", e)
try:
    class S(type):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
def fmeta(name, bases, ns):
    return 42
class F(metaclass=fmeta): pass
print(F)
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Single):
    def __init__(self): print("init once")
print(Conf() is Conf())
print(hash(Base) == hash(Base), Base == Base, {Base: 1}[Base])
