# __getattr__ vs __getattribute__: fallback order, an AttributeError raised
# inside a property falling through to __getattr__, a delegating proxy
# (special methods bypass __getattr__, so len()/iteration need explicit
# forwarding), a read-only proxy with __setattr__/__delattr__, and a chained
# fallback through several dictionaries.
class Defaults:
    colour = "blue"

    def __init__(self):
        self.size = 3

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return "default-" + name

    @property
    def broken(self):
        raise AttributeError("inner failure")

    @property
    def fails(self):
        raise KeyError("not swallowed")


d = Defaults()
print(d.size, d.colour, d.anything, d.broken, getattr(d, "__secret", "none"))
try:
    d.fails
except KeyError as e:
    print("KeyError:", e)
print(hasattr(d, "_x"), hasattr(d, "y"))


class Audited:
    def __init__(self):
        self.value = 10

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  get", name)
        if name == "hidden":
            raise AttributeError("hidden is hidden")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        print("  fallback", name)
        return name.upper()

    def method(self):
        return self.value + 1


a = Audited()
print(a.value, a.method(), a.hidden, a.missing)
print(type(a).__name__, a.__class__.__name__)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1), p._log)
for op in (lambda: len(p), lambda: list(p), lambda: p[0], lambda: p + [1]):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
print(p.__len__(), p.__getitem__(1))


class ListProxy(Proxy):
    def __len__(self):
        return len(self._target)

    def __iter__(self):
        return iter(self._target)

    def __getitem__(self, i):
        return self._target[i]

    def __contains__(self, x):
        return x in self._target

    def __repr__(self):
        return "ListProxy(%r)" % (self._target,)


lp = ListProxy(["a", "b"])
print(len(lp), list(lp), lp[-1], "b" in lp, lp, lp.index("b"), lp._log)


class ReadOnly:
    __slots__ = ("_obj",)

    def __init__(self, obj):
        object.__setattr__(self, "_obj", obj)

    def __getattr__(self, name):
        return getattr(self._obj, name)

    def __setattr__(self, name, value):
        raise AttributeError("cannot set %r on a read-only view" % name)

    def __delattr__(self, name):
        raise AttributeError("cannot delete %r on a read-only view" % name)


class Config:
    def __init__(self):
        self.debug = False
        self.level = 2


cfg = Config()
ro = ReadOnly(cfg)
print(ro.debug, ro.level)
for action in (lambda: setattr(ro, "debug", True), lambda: delattr(ro, "level"), lambda: ro.nothing):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
cfg.level = 5
print(ro.level, cfg.debug)


class Chain:
    def __init__(self, *maps):
        object.__setattr__(self, "maps", maps)

    def __getattr__(self, name):
        for m in self.maps:
            if name in m:
                return m[name]
        raise AttributeError("%r not found in %d maps" % (name, len(self.maps)))

    def __setattr__(self, name, value):
        self.maps[0][name] = value

    def __dir__(self):
        return sorted(set().union(*self.maps))


local, glob = {"x": 1}, {"x": 100, "y": 200}
ch = Chain(local, glob)
print(ch.x, ch.y, getattr(ch, "z", "no z"))
ch.y = 2
print(ch.y, local, glob, dir(ch))
try:
    ch.z
except AttributeError as e:
    print("AttributeError:", e)


class Recursive:
    def __getattr__(self, name):
        if name == "data":
            raise AttributeError("data not initialised")
        return self.data[name]


try:
    Recursive().key
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__getattribute__(Defaults(), "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__getattribute__(cfg, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(cfg, 5)
except TypeError as e:
    print("TypeError:", e)
