# Methods and built-ins real programs use: int's bit and byte methods,
# float's exact forms, range and slice objects, dict.fromkeys/popitem/|,
# dir(), __import__, zip(strict=True), and CPython's messages for misuse.
import sys


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


for n in (0, 1, 255, 256, -1, -256, 2**64 - 1, -(2**100), True):
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (5).to_bytes(), (-1).to_bytes(2, "big", signed=True))
print((2**70).to_bytes(10, byteorder="little"), (0).to_bytes(0, "big"), (-128).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"), int.from_bytes(bytes=b"\x80", byteorder="big", signed=True))
n = 2**200 + 12345
print(int.from_bytes(n.to_bytes(26, "little"), "little") == n)
attempt("to_bytes overflow:", lambda: (256).to_bytes(1, "big"))
attempt("to_bytes negative:", lambda: (-1).to_bytes(1, "big"))
attempt("to_bytes signed overflow:", lambda: (128).to_bytes(1, "big", signed=True))
attempt("byteorder:", lambda: (1).to_bytes(1, "middle"))
attempt("length:", lambda: (1).to_bytes(-1, "big"))
attempt("from_bytes range:", lambda: int.from_bytes([256], "big"))

for x in (1.5, -0.1, 3.0, 0.0, -0.0, 1e300, 5e-324, 2.2250738585072014e-308, float("inf"), float("nan")):
    attempt("float %r:" % x, lambda: (x.is_integer(), x.hex()))
    attempt("  ratio:", lambda: x.as_integer_ratio())

r = range(1, 10, 3)
print(r.start, r.stop, r.step, range(5).start, range(5).step)
print(range(3) == range(3), range(0) == range(5, 2), range(1, 10, 3) == range(1, 11, 3), range(2) != range(3))
print(range(1, 2, 5) == range(1, 2, 7), hash(range(0)) == hash(range(4, 1)), len({range(3), range(0, 3, 1)}))

s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, slice(3), [0, 1, 2, 3, 4, 5][s], "abcdef"[slice(None, None, -1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
attempt("slice():", lambda: slice())

d = dict.fromkeys("abc")
print(d, dict.fromkeys([1, 2], 0), {}.fromkeys("xy", []))


class Tracking(dict):
    pass


print(type(Tracking.fromkeys("ab")).__name__, Tracking.fromkeys("ab", 1))
d = {"a": 1, "b": 2, "c": 3}
print(d.popitem(), d.popitem(), d)
d["z"] = 26
print(d.popitem(), d.popitem(), d)
attempt("popitem empty:", lambda: d.popitem())
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("w", 0)]
print(a)
attempt("dict | list:", lambda: {"k": 1} | [("a", 1)])

attempt("list * list:", lambda: [1] * [2])
attempt("str * float:", lambda: "ab" * 2.5)
attempt("float * tuple:", lambda: 2.0 * (1,))
attempt("int * dict:", lambda: 3 * {})


class Point:
    kind = "point"

    def __init__(self):
        self.x = 1
        self.y = 2

    def norm(self):
        return 0


print([n for n in dir(Point()) if not n.startswith("__")])
print([n for n in dir(Point) if not n.startswith("__")])
print("path" in dir(sys), "argv" in dir(sys))


def local_names(q):
    w = 1
    return dir()


print(local_names(0))


class Custom:
    def __dir__(self):
        return ["b", "a", "c"]


print(dir(Custom()))

math = __import__("math")
print(math.sqrt(16), __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__)
attempt("__import__ missing:", lambda: __import__("no_such_module_here"))

print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)))
attempt("zip shorter:", lambda: list(zip([1, 2, 3], [1], strict=True)))
attempt("zip longer:", lambda: list(zip([1], [1, 2], strict=True)))
attempt("zip third:", lambda: list(zip([1, 2], [1, 2], [1], strict=True)))

print(hash(""), hash(b""), sorted({"", "a", "b"}))
s = "héllo wörld"
print(s.startswith("llo", 2), s.startswith("wö", 6), s.endswith("hé", 0, 2), s.startswith("x", 99), s.startswith("", 11))
print(s.endswith(("x", "rld"), -3), s.startswith(("he", "hé"), 0, 2), "abc".endswith("b", None, 2), "abc".startswith("c", -1))
attempt("startswith bad start:", lambda: "abc".startswith("a", "x"))


class Drifting:
    calls = 0

    def __hash__(self):
        Drifting.calls += 1
        return Drifting.calls


d = {1: "one"}
d[Drifting()] = "drifting"
print(d.popitem()[1], d.popitem(), d)
big = {i: i for i in range(100000)}
while big:
    big.popitem()
print("drained", len(big))
attempt("__import__ globals:", lambda: __import__("json", 5, None, (), 1))
attempt("__import__ level:", lambda: __import__("json", None, None, (), -1))
print(__import__("json", 5).__name__)
attempt("from_bytes str item:", lambda: int.from_bytes([1, "a"], "big"))
