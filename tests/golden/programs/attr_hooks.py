# __getattr__ (only for missing attributes), __getattribute__ (every
# lookup), __setattr__ and __delattr__ (with object's versions doing the
# work), dir() with a custom __dir__, and getattr/hasattr/setattr/delattr.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError("no field %r" % name) from None

    def __setattr__(self, name, value):
        self.log.append(("set", name))
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self._fields[name] = value

    def __delattr__(self, name):
        self.log.append(("del", name))
        del self._fields[name]

    def __dir__(self):
        return sorted(self._fields)


r = Record(a=1, b=2)
r.c = 3
print(r.a, r.c, getattr(r, "b"), getattr(r, "zzz", "default"), hasattr(r, "zzz"))
del r.a
print(hasattr(r, "a"), dir(r))
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
r._private = 5
print(r._private, r.log)


class Counting:
    def __init__(self):
        self.hits = 0
        self.x = 10

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)


c = Counting()
c.x
c.x
print(c.hits, c.x, c.hits)


class Frozen:
    __slots__ = ("v",)

    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError("Frozen is immutable")


f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e, f.v)
setattr(r, "d", 4)
delattr(r, "d")
print(r.log[-2:])
