# Attribute reads and method calls at one call site each, while the classes,
# instances and modules they go through change under them: every change must
# be seen at once (the VM caches what each LOAD_ATTR / LOAD_METHOD found).
import sys
import types


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def call_norm(p):
    return p.norm()


p = Point(1, 2)
print([read_x(p) for _ in range(3)], [call_norm(p) for _ in range(3)])

# A data descriptor added to the class later wins over the instance dict.
Point.x = property(lambda self: "property x")
print(read_x(p))
del Point.x
print(read_x(p))

# The method replaced, deleted (the base's is found), shadowed by the instance.
class Base:
    def norm(self):
        return "base norm"


class Derived(Base):
    def norm(self):
        return "derived norm"


d = Derived()
print(call_norm(d))
Derived.norm = lambda self: "replaced norm"
print(call_norm(d))
del Derived.norm
print(call_norm(d))
Base.norm = lambda self: "new base norm"
print(call_norm(d))
d.norm = lambda: "instance norm"
print(call_norm(d))
del d.norm
print(call_norm(d))

# One site, several types in turn; dicts with their keys in other orders.
class Other:
    def __init__(self):
        self.y = "other y"
        self.x = "other x"

    def norm(self):
        return "other norm"


class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "slot x"

    def norm(self):
        return "slotted norm"


objs = [Point(5, 6), Other(), Slotted(), types.SimpleNamespace(x="ns x", norm=lambda: "ns norm")]
for _ in range(2):
    print([read_x(o) for o in objs], [call_norm(o) for o in objs])

# Missing, then present, then deleted again; __getattr__ as the fallback.
class Lazy:
    def __getattr__(self, name):
        return "computed " + name


lz = Lazy()
print(read_x(lz))
lz.x = "stored"
print(read_x(lz))
del lz.x
print(read_x(lz))
q = Point(0, 0)
del q.x
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)

# Module attributes: rebound, deleted, answered by the module's __getattr__.
import heapq as mod  # any module: its attributes are set and deleted here
mod.x = "module x"
mod.norm = lambda: "module norm"
print(read_x(mod), call_norm(mod))
mod.x = "module x again"
mod.norm = lambda: "module norm again"
print(read_x(mod), call_norm(mod))
del mod.x
try:
    read_x(mod)
except AttributeError as e:
    print("AttributeError:", e)
mod.__getattr__ = lambda name: "module getattr " + name
print(read_x(mod))
del mod.__getattr__
this = sys.modules[__name__]
print(read_x(this) if hasattr(this, "x") else "no x in __main__")
x = "main x"
print(read_x(this))

# A class attribute (not a descriptor) read through the instance, then shadowed.
class Counter:
    x = "class x"


c = Counter()
print(read_x(c))
c.x = "instance x"
print(read_x(c))
Counter.x = "class x changed"
print(read_x(c), read_x(Counter()))


# One site meets many classes (a base class's methods on eight subclasses'
# instances), then some of those classes change.
class Shape:
    def get_name(self):
        return self.name

    def set_name(self, v):
        self.name = v


def make_shape_class(i):
    class S(Shape):
        pass
    S.__name__ = "S%d" % i
    return S


shape_classes = [make_shape_class(i) for i in range(8)]
shapes = [k() for k in shape_classes]
for _ in range(3):
    for s in shapes:
        s.set_name(type(s).__name__)
    print([s.get_name() for s in shapes])
shape_classes[3].name = property(lambda self: "property on S3", lambda self, v: print("S3 setter got", v))
shape_classes[5].__setattr__ = lambda self, n, v: object.__setattr__(self, n, "via __setattr__ " + v)
shape_classes[6].get_name = lambda self: "own get_name"
for s in shapes:
    s.set_name("renamed " + type(s).__name__)
print([s.get_name() for s in shapes])
del shape_classes[3].name
print([s.get_name() for s in shapes])


class SlottedShape(Shape):
    __slots__ = ("name",)


class GetattrShape(Shape):
    def __getattr__(self, n):
        return "getattr " + n


class GetattributeShape(Shape):
    def __getattribute__(self, n):
        return "getattribute " + n if n == "name" else object.__getattribute__(self, n)


odd = [SlottedShape(), GetattrShape(), GetattributeShape()]
try:
    odd[0].get_name()
except AttributeError as e:
    print("AttributeError:", e)
print([s.get_name() for s in odd[1:]])
for s in odd:
    s.set_name("set " + type(s).__name__)
print([s.get_name() for s in odd + shapes[:2]])

# An error raised while the instance dict is searched (a key whose hash
# collides with the name's, with an __eq__ that raises) comes out of a
# cached read of a class constant as it does from the first read.
class Colliding:
    def __hash__(self):
        return hash("k")

    def __eq__(self, other):
        raise ValueError("__eq__ called")


class WithK:
    k = "class k"


def read_k_of(o):
    return o.k


wk = WithK()
print(read_k_of(wk), read_k_of(wk))
wk.__dict__[Colliding()] = 0
for _ in range(2):
    try:
        print(read_k_of(wk))
    except ValueError as e:
        print("ValueError:", e)
