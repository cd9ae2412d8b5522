# Descriptors: data vs non-data precedence over the instance __dict__,
# __set_name__ (and when it is not called), a typed/ranged validator, a
# lazy cached attribute (hand-written and functools.cached_property), and
# __slots__ members as data descriptors through inheritance (private
# names mangled, an empty-slots mixin, a __weakref__ slot).
import functools
import weakref


class NonData:
    def __get__(self, obj, owner=None):
        return "nondata(%s)" % ("class" if obj is None else type(obj).__name__)


class Data:
    def __get__(self, obj, owner=None):
        return "data(%s)" % ("class" if obj is None else type(obj).__name__)

    def __set__(self, obj, value):
        print("  Data.__set__", value)
        obj.__dict__["d_shadow"] = value


class SetOnly:
    def __set__(self, obj, value):
        print("  SetOnly.__set__", value)


class Host:
    nd = NonData()
    d = Data()
    so = SetOnly()


h = Host()
print(h.nd, h.d, Host.nd, Host.d)
h.__dict__["nd"] = "instance nd"
h.__dict__["d"] = "instance d"
print(h.nd, h.d)
h.d = 5
h.so = 6
print(sorted(h.__dict__), type(h.so).__name__)
print(type(Host.so).__name__)
del h.nd
print(h.nd)


class Named:
    def __set_name__(self, owner, name):
        print("  __set_name__", owner.__name__, name)
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "<unset %s>" % self.public)

    def __set__(self, obj, value):
        setattr(obj, self.private, value)


print("defining Rec")


class Rec:
    a = Named()
    b = Named()


r = Rec()
r.a = 1
print(r.a, r.b, sorted(vars(r)), Rec.a.public)
late = Named()
Rec.c = late  # assigned after class creation: no __set_name__
print(hasattr(late, "public"))
late.__set_name__(Rec, "c")
r.c = 3
print(r.c)


class Typed:
    def __init__(self, kind, lo=None, hi=None):
        self.kind, self.lo, self.hi = kind, lo, hi

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError("%r has no value for %r" % (type(obj).__name__, self.name)) from None

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s, not %s" % (self.name, self.kind.__name__, type(value).__name__))
        if self.lo is not None and value < self.lo or self.hi is not None and value > self.hi:
            raise ValueError("%s=%r out of range [%s, %s]" % (self.name, value, self.lo, self.hi))
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        print("  deleting", self.name)
        obj.__dict__.pop(self.name, None)


class Item:
    name = Typed(str)
    qty = Typed(int, 0, 100)
    price = Typed(float, 0.0)

    def __init__(self, name, qty, price):
        self.name, self.qty, self.price = name, qty, price


it = Item("bolt", 10, 0.25)
print(it.name, it.qty, it.price, sorted(it.__dict__))
for attr, val in (("qty", "ten"), ("qty", 101), ("price", -1.0), ("name", None), ("price", 3)):
    try:
        setattr(it, attr, val)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
del it.qty
try:
    it.qty
except AttributeError as e:
    print("AttributeError:", e)


class Lazy:
    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value  # non-data: next lookup finds the dict
        return value


class Report:
    computed = 0

    def __init__(self, n):
        self.n = n

    @Lazy
    def total(self):
        "sum of squares"
        Report.computed += 1
        print("  computing total for", self.n)
        return sum(i * i for i in range(self.n))

    @functools.cached_property
    def label(self):
        print("  computing label")
        return "report-%d" % self.n


rp = Report(10)
print(rp.total, rp.total, Report.computed, Report.total.__doc__)
del rp.total
print(rp.total, Report.computed)
print(rp.label, rp.label, "label" in rp.__dict__, type(Report.label).__name__)
rp.label = "manual"
print(rp.label)


class Slotted:
    __slots__ = ("x", "__secret")

    def peek(self):
        return self.__secret


class Mixin:
    __slots__ = ()


class More(Slotted, Mixin):
    __slots__ = ("y", "__weakref__")


m = More()
m.x, m.y, m._Slotted__secret = 1, 2, 3
print(type(Slotted.__dict__["x"]).__name__, "x" in More.__dict__, More.y.__get__(m), m.x, m.peek())
print(sorted(k for k in Slotted.__dict__ if k not in ("__module__", "__doc__", "peek")), hasattr(m, "__dict__"))
Slotted.x.__set__(m, 10)
print(m.x, weakref.ref(m)() is m)
for action in (lambda: setattr(m, "z", 3), lambda: Slotted().x, lambda: weakref.ref(Slotted())):
    try:
        action()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    class NoSlots:
        pass
    NoSlots.__slots__ = ("q",)
    ns = NoSlots()
    ns.anything = 1
    print("late __slots__ ignored:", ns.anything)
except AttributeError as e:
    print("AttributeError:", e)
for ns in ({"__slots__": ("p",), "p": 1}, {"__slots__": (1,)}):
    try:
        type("Slots", (NoSlots,), ns)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
