# Metaclass patterns: a registry metaclass inherited by subclasses, a
# metaclass __call__ caching instances per argument tuple (flyweight) and
# enforcing keyword-only construction, a metaclass adding __init__/__repr__/
# __eq__ from a `fields` tuple plus validation at class creation, metaclass
# methods visible on classes but not instances, and a class decorator doing
# the same job for comparison.
class RegistryMeta(type):
    registry = {}

    def __new__(mcs, name, bases, ns, **kwargs):
        cls = super().__new__(mcs, name, bases, ns)
        if bases:  # skip the root
            key = kwargs.get("key", name.lower())
            mcs.registry[key] = cls
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)

    def lookup(cls, key):
        return cls.registry[key]


class Shape(metaclass=RegistryMeta):
    sides = 0


class Triangle(Shape):
    sides = 3


class Square(Shape, key="quad"):
    sides = 4


class Cube(Square):
    pass


print(sorted(RegistryMeta.registry), Shape.lookup("quad").__name__, type(Cube).__name__)
print([(k, v.sides) for k, v in sorted(RegistryMeta.registry.items())])
try:
    Triangle().lookup("quad")
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(Shape, "lookup"), hasattr(Shape(), "lookup"), "lookup" in dir(Shape), isinstance(Cube, RegistryMeta))


class Flyweight(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls._instances = {}
        cls.created = 0

    def __call__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("%s() takes positional arguments only, got %s" % (cls.__name__, ", ".join(sorted(kwargs))))
        try:
            return cls._instances[args]
        except KeyError:
            pass
        inst = super().__call__(*args)
        cls.created += 1
        cls._instances[args] = inst
        return inst


class Colour(metaclass=Flyweight):
    def __init__(self, r, g, b):
        print("  init Colour", r, g, b)
        self.rgb = (r, g, b)


class Shade(Colour):
    pass


red1, red2, blue = Colour(255, 0, 0), Colour(255, 0, 0), Colour(0, 0, 255)
print(red1 is red2, red1 is blue, Colour.created, len(Colour._instances))
dark = Shade(255, 0, 0)
print(dark is red1, type(dark).__name__, Shade.created, Colour.created, Shade(255, 0, 0) is dark)
for call in (lambda: Colour(r=1, g=2, b=3), lambda: Colour(1, 2), lambda: Colour([1], 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class RecordMeta(type):
    def __new__(mcs, name, bases, ns):
        fields = ns.get("fields", ())
        if len(set(fields)) != len(fields):
            raise TypeError("duplicate field in %s: %r" % (name, fields))
        for f in fields:
            if f in ns:
                raise TypeError("field %r of %s clashes with a class attribute" % (f, name))
        if fields:
            def __init__(self, *args):
                if len(args) != len(fields):
                    raise TypeError("%s takes %d arguments (%d given)" % (name, len(fields), len(args)))
                for f, v in zip(fields, args):
                    setattr(self, f, v)

            def __repr__(self):
                return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields))

            def __eq__(self, other):
                if type(other) is not type(self):
                    return NotImplemented
                return all(getattr(self, f) == getattr(other, f) for f in fields)

            ns.setdefault("__init__", __init__)
            ns.setdefault("__repr__", __repr__)
            ns["__eq__"] = __eq__
            ns["__hash__"] = lambda self: hash(tuple(getattr(self, f) for f in fields))
        return super().__new__(mcs, name, bases, ns)


class Record(metaclass=RecordMeta):
    pass


class Pair(Record):
    fields = ("left", "right")


class Named(Record):
    fields = ("name",)

    def __repr__(self):
        return "<" + self.name + ">"


p = Pair(1, "two")
print(p, p == Pair(1, "two"), p == Pair(2, "two"), p == (1, "two"), len({p, Pair(1, "two")}))
print(Named("x"), Named("x") == Named("x"), sorted(k for k in vars(Pair) if k.startswith("__") and k != "__module__" and k != "__doc__"))
for bad in (lambda: Pair(1), lambda: type("Dup", (Record,), {"fields": ("a", "a")}),
            lambda: RecordMeta("Clash", (Record,), {"fields": ("x",), "x": 0})):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def record(*fields):
    def deco(cls):
        def __init__(self, *args):
            for f, v in zip(fields, args):
                setattr(self, f, v)
        cls.__init__ = __init__
        cls.__repr__ = lambda self: "%s%r" % (cls.__name__, tuple(getattr(self, f) for f in fields))
        return cls
    return deco


@record("x", "y")
class Point:
    pass


class Point3(Point):
    pass


print(Point(1, 2), type(Point).__name__, Point3(4, 5), type(Pair).__name__, type(Pair).__mro__[1].__name__)
