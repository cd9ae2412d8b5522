# __getattribute__ defined in Python: every read goes through it (methods
# too), an AttributeError from it falls back to __getattr__, subclasses
# inherit it, super().__getattribute__ reaches object's lookup; and the
# descriptor protocol's methods on the built-in descriptors.
log = []


class Traced:
    kind = "traced"

    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        log.append(name)
        if name.startswith("secret"):
            raise AttributeError(name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "fallback:" + name

    def method(self):
        return self.x + 1


t = Traced()
print(t.x, t.kind, t.method(), t.secret_key, t.nope)
print(log)


class Child(Traced):
    def method(self):
        return "child " + str(super().method())


log.clear()
c = Child()
print(c.method(), c.secret)
print(log)


class Strict:
    def __getattribute__(self, name):
        if name == "forbidden":
            raise AttributeError("no access to " + name)
        return object.__getattribute__(self, name)


s = Strict()
s.value = 3
print(s.value, getattr(s, "forbidden", "default"), hasattr(s, "forbidden"))
try:
    s.forbidden
except AttributeError as e:
    print("AttributeError:", e)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        target = object.__getattribute__(self, "_target")
        return getattr(target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p.index(2), object.__getattribute__(p, "_target"))


# The descriptor protocol, called by hand.
class Box:
    __slots__ = ("slot",)

    @property
    def prop(self):
        return "prop of " + type(self).__name__

    @prop.setter
    def prop(self, v):
        print("prop set to", v)

    def plain(self):
        return "plain"

    @staticmethod
    def static():
        return "static"

    @classmethod
    def klass(cls):
        return "class " + cls.__name__


b = Box()
prop = Box.__dict__["prop"]
slot = Box.__dict__["slot"]
print(prop.__get__(b, Box), prop.__get__(None, Box) is prop)
prop.__set__(b, 42)
slot.__set__(b, "in the slot")
print(slot.__get__(b, Box), b.slot)
slot.__delete__(b)
print(hasattr(b, "slot"))
print(Box.__dict__["plain"].__get__(b, Box)(), Box.__dict__["static"].__get__(None, Box)(),
      Box.__dict__["klass"].__get__(b, Box)())
for d in (prop, slot, Box.__dict__["plain"], Box.__dict__["static"], Box.__dict__["klass"]):
    kind = type(d)
    print(kind.__name__, hasattr(kind, "__get__"), hasattr(kind, "__set__"), hasattr(kind, "__delete__"))
try:
    prop.__delete__(b)
except AttributeError as e:
    print("AttributeError:", e)
try:
    slot.__set__(42, 1)
except TypeError as e:
    print("TypeError:", e)
