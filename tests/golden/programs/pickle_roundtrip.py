# pickle: round trips of built-in values, shared and recursive structure,
# instances, classes and functions by name, exceptions; the errors for what
# cannot be pickled. gillab's bytes are its own, so only results are printed.
import io
import math
import pickle
import socket
import threading
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from pickle import dumps, loads, PicklingError, UnpicklingError


def rt(x):
    return loads(dumps(x))


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, "|", str(e)[:60])


print("protocols", pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(issubclass(PicklingError, pickle.PickleError), issubclass(UnpicklingError, pickle.PickleError))

# ---- atoms ----
for x in [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -65536, 2**31, -2**31 - 1,
          2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 + 1, 2**200, -(10**50)]:
    y = rt(x)
    print("atom", repr(y), type(y).__name__, y == x)
big = 3**20000
print("huge int", rt(big) == big, rt(-big) == -big, rt([big, 1])[0] == big)
for x in [0.0, 1.5, -2.25, 0.1, 1 / 3, 1e300, 5e-324, 1.7976931348623157e308, 2**0.5, 1e16, 123456789.125,
          float("inf"), -float("inf")]:
    y = rt(x)
    print("float", repr(y), y == x, type(y).__name__)
z = rt(-0.0)
print("neg zero", repr(z), math.copysign(1.0, z))
print("nan", math.isnan(rt(float("nan"))))
for s in ["", "abc", "h\u00e9llo w\u00f6rld", "\u2603 snow", "\U0001d11e clef \U0001f600", "a\x00b\x00", "\n\t\r ",
          "\\ \" '", "tab\tnl\n"]:
    y = rt(s)
    print("str", ascii(y), y == s, len(y))
long_s = "xyz\u00e9" * 5000
print("long str", rt(long_s) == long_s, len(rt(long_s)))
print("strs", rt(["a\x00", "b", "", "\x00"]) == ["a\x00", "b", "", "\x00"])
for b in [b"", b"abc", b"\x00\xff\n\r", bytes(range(256))]:
    y = rt(b)
    print("bytes", type(y).__name__, y == b, len(y))
print("ellipsis", rt(...) is ..., rt(NotImplemented) is NotImplemented)

# ---- containers ----
print("tuple", rt(()), rt((1,)), rt((1, "a", 2.5, None, True)), rt(((1, 2), (3, (4, 5)))))
print("list", rt([]), rt([1, [2, [3, []]], "x"]))
d = {"b": 1, "a": 2, 3: "c", (1, 2): [4], None: None, 2.5: b"x"}
m = rt(d)
print("dict", m == d, list(m.keys()) == list(d.keys()), m[(1, 2)], m[3])
print("set", sorted(rt({3, 1, 2})), type(rt(set())).__name__, len(rt(set())))
fs = rt(frozenset(["a", "b", (1, 2)]))
print("frozenset", type(fs).__name__, fs == frozenset(["a", "b", (1, 2)]))
print("nested", rt({"k": [(1, {"x": {2, 3}}), frozenset([4])]}) == {"k": [(1, {"x": {2, 3}}), frozenset([4])]})
r = rt(range(1, 10, 3))
print("range", repr(r), list(r), repr(rt(range(5))), list(rt(range(10, 0, -3))))
many = [(i, str(i), i * 0.5) for i in range(1000)]
print("many", rt(many) == many)
wide = list(range(300)) + ["s%d" % i for i in range(300)]
print("wide", rt(wide) == wide, rt(tuple(wide)) == tuple(wide), rt(dict.fromkeys(wide)) == dict.fromkeys(wide)
      if hasattr(dict, "fromkeys") else True)

# ---- shared and recursive references ----
# gillab has no cycle collector yet: every cyclic result is kept here, so
# that the leak checker (ASan builds) reports only reference-counting bugs.
kept_cycles = []
l = [1]
l.append(l)
m = rt(l)
kept_cycles.append(m)
print("self list", m[1] is m, m[0], len(m))
a = [1, 2]
m = rt([a, a, (a,)])
print("shared list", m[0] is m[1], m[2][0] is m[0])
t = (1, 2)
m = rt([t, t])
print("shared tuple", m[0] is m[1], m[0])
dd = {}
dd["me"] = dd
m = rt(dd)
kept_cycles.append(m)
print("self dict", m["me"] is m, list(m))
inner = []
tt = (inner, 5)
inner.append(tt)
m = rt(tt)
kept_cycles.extend([m, l, dd, inner])  # the originals too: some names are reused below
print("tuple cycle", m[0][0] is m, m[1], type(m).__name__)
sh = {"x": 1}
m = rt({"a": sh, "b": [sh], "c": (sh, sh)})
print("shared dict", m["a"] is m["b"][0], m["c"][0] is m["c"][1], m["a"] is m["c"][0])
b1 = b"shared"
m = rt([b1, b1])
print("shared bytes", m[0] == m[1])


# ---- instances ----
class Point:
    inits = 0

    def __init__(self, x, y):
        Point.inits += 1
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
before = Point.inits
q = rt(p)
print("instance", q, q == p, q is not p, type(q) is Point, "inits", Point.inits - before, sorted(vars(q)))
pts = rt([p, p, Point(1, 2)])
print("shared instance", pts[0] is pts[1], pts[2])
p.me = p
q = rt(p)
print("self instance", q.me is q)
del p.me


class Stateful:
    def __init__(self, value):
        self.value = value
        self.cache = {"big": value * 2}

    def __getstate__(self):
        print("  getstate called")
        return {"value": self.value}

    def __setstate__(self, state):
        print("  setstate called with", state)
        self.value = state["value"]
        self.cache = "rebuilt"


s2 = rt(Stateful(21))
print("stateful", s2.value, s2.cache)


class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


r2 = rt(Reduced(1, [2, 3]))
print("reduce", type(r2).__name__, r2.a, r2.b)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1

    def total(self):
        return self.a + getattr(self, "b", 100)


sl = rt(Slotted())
print("slots", sl.a, hasattr(sl, "b"), sl.total())


class Outer:
    class Inner:
        def __init__(self):
            self.v = "inner"

        def get(self):
            return self.v


oi = rt(Outer.Inner())
print("nested class", type(oi).__qualname__, oi.get(), rt(Outer.Inner) is Outer.Inner)


class MyList(list):
    def first(self):
        return self[0]


ml = MyList([5, 6])
ml.tag = "t"
m = rt(ml)
print("list subclass", type(m).__name__, list(m), m.tag, m.first())


class MyDict(dict):
    def keys_sorted(self):
        return sorted(self)


md = MyDict(b=2, a=1)
m = rt(md)
print("dict subclass", type(m).__name__, m.keys_sorted(), m["a"])

Pair = namedtuple("Pair", "left right")
np_ = rt(Pair(1, "r"))
print("namedtuple", np_, type(np_).__name__, np_.left, np_.right)
dq = rt(deque([1, "a", (2,)], 5))
print("deque", type(dq).__name__, list(dq), dq.maxlen)
od = rt(OrderedDict([("b", 1), ("a", 2)]))
print("OrderedDict", type(od).__name__, list(od.items()))
dd = defaultdict(list)
dd["x"].append(1)
r = rt(dd)
r["y"].append(2)
print("defaultdict", type(r).__name__, sorted(r.items()), r.default_factory is list)
c = rt(Counter("abracadabra"))
print("Counter", type(c).__name__, sorted(c.items()))
print("object", type(rt(object())).__name__)


# ---- functions, classes, builtins by reference ----
def helper(x):
    return x * 2


print("function", rt(helper) is helper, rt(helper)(21))
print("class", rt(Point) is Point, rt(Stateful) is Stateful)
print("builtin types", rt(int) is int, rt(str) is str, rt(dict) is dict, rt(ValueError) is ValueError,
      rt(object) is object, rt(type(None)) is type(None))
print("builtin functions", rt(len) is len, rt(math.sqrt) is math.sqrt, rt(max)([3, 9, 4]))
print("bound method", rt(Point(1, 2).norm2)())
print("in containers", rt([helper, Point, len, (int, str)]) == [helper, Point, len, (int, str)])

# ---- exceptions ----
e = rt(ValueError("bad value"))
print("ValueError", type(e).__name__, e.args, str(e))
e = rt(KeyError("k"))
print("KeyError", type(e).__name__, e.args, str(e))
e = rt(OSError(2, "No such file", "f.txt"))
print("OSError", type(e).__name__, e.errno, e.strerror, e.filename, e.args)
e = rt(ZeroDivisionError())
print("no args", type(e).__name__, e.args)


class MyError(Exception):
    pass


err = MyError("boom", 7)
err.code = 42
e = rt(err)
print("user error", type(e).__name__, e.args, e.code, isinstance(e, Exception))
e = rt([MyError("in list"), RuntimeError("x")])
print("errors in list", [type(x).__name__ for x in e], [x.args for x in e])


# ---- what cannot be pickled ----
def outer():
    def inner():
        pass

    class Local:
        pass

    return inner, Local


fn_inner, Local = outer()
lam = lambda: 0
try:
    dumps(lam)
except PicklingError as ex:
    msg = str(ex)
    print("lambda PicklingError", msg.startswith("Can't pickle <function <lambda> at 0x"),
          msg.endswith(": attribute lookup <lambda> on __main__ failed"))
show_error("nested function", lambda: dumps(fn_inner))
show_error("local class", lambda: dumps(Local))
show_error("local instance", lambda: dumps(Local()))
show_error("lock", lambda: dumps(threading.Lock()))
show_error("lock in list", lambda: dumps([1, {"k": threading.Lock()}]))
holder = Point(1, 2)
holder.lock = threading.Lock()
show_error("lock attribute", lambda: dumps(holder))
show_error("event", lambda: dumps(threading.Event()))


def gen():
    yield 1


show_error("generator", lambda: dumps(gen()))
show_error("module", lambda: dumps(math))
sock = socket.socket()
show_error("socket", lambda: dumps(sock))
sock.close()
show_error("protocol 6", lambda: dumps(1, 6))
print("protocols ok", [rt_p for rt_p in range(-1, 6) if loads(dumps([1, "a"], rt_p)) == [1, "a"]])

# ---- bad input to loads ----
show_error("empty", lambda: loads(b""))
show_error("str input", lambda: loads("abc"))
data = dumps([1, 2, "three", (4.0, b"five")])
show_error("truncated", lambda: loads(data[:3]))
print("good after all", loads(data))

# ---- files, Pickler, Unpickler ----
f = io.BytesIO()
pickle.dump({"first": 1}, f)
pickle.dump(["second", 2.0], f)
pickle.Pickler(f).dump(Point(7, 8))
f.seek(0)
print("stream", pickle.load(f), pickle.load(f), pickle.Unpickler(f).load())


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name == "len":
            return len
        raise UnpicklingError("global '%s.%s' is forbidden" % (module, name))


print("restricted ok", Restricted(io.BytesIO(dumps([len, 1]))).load()[0] is len)
show_error("restricted", lambda: Restricted(io.BytesIO(dumps(Point(1, 1)))).load())
