# collections containers in use: an OrderedDict LRU cache (move_to_end,
# popitem(last=False)), deque sliding windows, rotation and maxlen
# eviction, nested defaultdicts, namedtuple subclasses, defaults and
# errors, and ChainMap as nested variable scopes.
from collections import ChainMap, OrderedDict, defaultdict, deque, namedtuple


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            print("evict", self.data.popitem(last=False))


cache = LRU(3)
for k in "abc":
    cache.put(k, k.upper())
cache.get("a")
cache.put("d", "D")
cache.put("b", "B2")
cache.put("e", "E")
print(cache.data, list(cache.data.keys()), cache.get("c"))

od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b", last=False)
od.move_to_end("a")
print(od, list(reversed(od)), od.popitem(), od.popitem(False), od.popitem(last=True))
od.update(z=1, b=2)
print(od, od.setdefault("q", 9), list(od), od.copy(), type(od.copy()).__name__, OrderedDict())
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
for bad in (lambda: od.move_to_end("missing"), lambda: OrderedDict().popitem()):
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)

window = deque(maxlen=3)
averages = []
for x in [10, 20, 30, 40, 50, 60]:
    window.append(x)
    averages.append(sum(window) / len(window))
print(averages, window, window.maxlen)
d = deque(range(6))
d.rotate(8)
print(d)
d.rotate(-13)
print(d, d[0], d[-1], d[2])
d.reverse()
d.remove(3)
d.insert(1, "i")
print(d, d.index(5), d.count(0), 4 in d, len(d), list(reversed(d)))
full = deque("ab", maxlen=2)
full.appendleft("z")
full.extend("xy")
print(full, deque(maxlen=0), deque("abc", 5).copy(), deque([1, 2]) == deque([1, 2]), deque([1]) < deque([1, 0]))
e = deque("xy", 4)
e.extendleft("abc")
print(e, e.pop(), e.popleft(), e)
e.clear()
print(e, bool(e))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1, 2], 2).insert(0, 5),
            lambda: deque(maxlen=-1), lambda: deque([1]).index(7)):
    try:
        bad()
    except (IndexError, ValueError) as e2:
        print(type(e2).__name__, e2)

tree = lambda: defaultdict(tree)
root = tree()
root["usr"]["local"]["bin"] = "tools"
root["usr"]["share"]
root["etc"]


def plain(node):
    return {k: plain(v) if isinstance(v, defaultdict) else v for k, v in node.items()}


print(plain(root), len(root["usr"]), "var" in root)
matrix = defaultdict(lambda: defaultdict(int))
for r, c in [(0, 1), (1, 2), (0, 1), (2, 0)]:
    matrix[r][c] += 1
print({r: dict(cols) for r, cols in sorted(matrix.items())}, matrix[5][5], sorted(matrix))
groups = defaultdict(list)
for name in ["ann", "bob", "al", "bea", "cy"]:
    groups[name[0]].append(name)
print(groups, defaultdict(int, a=1), groups.default_factory, defaultdict(set).get("k"), defaultdict(list).copy())
nf = defaultdict(None, {"a": 1})
try:
    nf["b"]
except KeyError as e3:
    print("KeyError", e3, nf)
try:
    defaultdict(5)
except TypeError as e3:
    print("TypeError:", e3)

Card = namedtuple("Card", ["rank", "suit"])
Point3 = namedtuple("Point3", "x y z", defaults=(0, 0))


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


hand = [Card("Q", "h"), Card("2", "s"), Card("A", "h")]
print(sorted(hand), [c.rank for c in hand if c.suit == "h"], hand[0]._asdict(), Card._make("Ks"))
print(Point3(1), Point3(1, 2), Point3(x=5, z=1), Point3._field_defaults, Point3.__doc__, Point3.__match_args__)
v = Vec(3, -4) + Vec(1, 1)
print(v, v.norm, v._replace(y=0), isinstance(v, tuple), v[::-1], tuple(v) * 2, Vec._fields)
print(namedtuple("R", ["a", "b", "a", "_x", "1b"], rename=True)._fields, namedtuple("E", "")(), Card.__module__)
for bad in (lambda: Card("A"), lambda: Card("A", "s", rank="K"), lambda: Card("A", suit="s", x=1),
            lambda: Card("A", "s")._replace(colour="red"), lambda: Card._make("ABC"), lambda: namedtuple("T", "a _b"),
            lambda: namedtuple("T", "a a"), lambda: namedtuple("9T", "a"), lambda: namedtuple("T", "a", defaults=[1, 2])):
    try:
        bad()
    except (TypeError, ValueError) as e4:
        print(type(e4).__name__, e4)

builtins_scope = {"len": "builtin", "print": "builtin"}
globals_scope = {"x": "global", "f": "global"}
scope = ChainMap({"x": "local"}, globals_scope, builtins_scope)
print(scope["x"], scope["len"], list(scope), len(scope), scope.get("nope", "-"), "f" in scope, dict(scope))
inner = scope.new_child({"y": "inner"})
inner["x"] = "shadow"
print(inner.maps[0], scope["x"], inner.parents["x"], inner.parents.parents["x"], sorted(inner.items()))
del inner["x"]
print(inner["x"], bool(ChainMap()), bool(ChainMap({}, {"a": 1})), ChainMap(), ChainMap({"a": 1}, {}))
try:
    del inner["len"]
except KeyError as e5:
    print("KeyError", e5)
try:
    scope["missing"]
except KeyError as e5:
    print("KeyError", e5)
