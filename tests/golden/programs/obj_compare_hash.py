# Rich comparison: functools.total_ordering next to hand-written methods,
# reflected comparisons (a > b falling back to b.__lt__), NotImplemented leading to
# TypeError or identity for ==, sort stability with keys and reverse; and
# the __hash__/__eq__ contract in sets and dicts (defining __eq__ removes
# __hash__, equal objects collapsing, a mutated key getting lost).
import functools

CALLS = []


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        CALLS.append("eq")
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        CALLS.append("lt")
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


class Manual:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "M%d" % self.key

    def __lt__(self, other):
        CALLS.append("M.lt")
        return self.key < other.key if isinstance(other, Manual) else NotImplemented

    def __gt__(self, other):
        CALLS.append("M.gt")
        return self.key > other.key if isinstance(other, Manual) else NotImplemented


a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
CALLS.clear()
print(sorted([Version("2.0"), a, b, Version("0.9")]), max(a, b), min([b, a]))
print(sorted(n for n in ("__le__", "__ge__", "__gt__", "__lt__") if n in Version.__dict__))
CALLS.clear()
print(a == "1.2", a != "1.2", CALLS)
CALLS.clear()
for op in (lambda: a < "1.2", lambda: a >= 3, lambda: Manual(1) <= Manual(2), lambda: Manual(1) < 5):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e, CALLS)
    CALLS.clear()
print(Manual(1) > Manual(0), Manual(3) < Manual(2), CALLS)
CALLS.clear()


class Anything:
    def __eq__(self, other):
        return True

    def __lt__(self, other):
        return "yes"


print(1 == Anything(), [1, 2] == [Anything(), 2], Anything() in [5], (Anything() < 3), 3 > Anything())
x = Anything()
print(x != x, [x] == [x], Anything.__hash__)

records = [("pear", 3), ("apple", 3), ("fig", 1), ("kiwi", 2), ("plum", 1), ("date", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records), key=lambda r: -r[1]))
by_len = sorted(records, key=lambda r: len(r[0]))
print(by_len, sorted(records, key=lambda r: (len(r[0]), r[1]))[0])
print(sorted([Manual(2), Manual(1), Manual(2), Manual(0)]), CALLS.count("M.lt") > 0)
CALLS.clear()


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "P(%d,%d)" % (self.x, self.y)


print(Point.__hash__, Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3))
for op in (lambda: {Point(0, 0)}, lambda: {Point(0, 0): 1}, lambda: hash(Point(0, 0))):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)


class HPoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))


class Parent:
    def __hash__(self):
        return 7


class EqChild(Parent):
    def __eq__(self, other):
        return True


class Keeps(Parent):
    __hash__ = Parent.__hash__

    def __eq__(self, other):
        return True


s = {HPoint(1, 2), HPoint(1, 2), HPoint(2, 1)}
print(len(s), HPoint(1, 2) in s, HPoint(3, 3) in s, sorted(s, key=lambda p: p.x))
print(EqChild.__hash__, hash(Keeps()), len({Keeps(), Keeps()}), hash(Parent()))

d = {HPoint(0, 0): "origin"}
k = HPoint(5, 5)
d[k] = "five"
k.x = 6
print(len(d), HPoint(5, 5) in d, HPoint(6, 5) in d, k in d, [v for kk, v in d.items() if kk is k])


class Collide:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n % 3 == other.n % 3

    def __repr__(self):
        return "C%d" % self.n


seen = {}
for n in range(7):
    seen.setdefault(Collide(n), []).append(n)
print(seen, Collide(10) in seen)
print({1: "int", 1.0: "float", True: "bool"}, {0, 0.0, False, -0.0}, hash(1) == hash(1.0) == hash(True))
