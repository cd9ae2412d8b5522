# collections: Counter arithmetic and most_common, OrderedDict moves and
# popitem, defaultdict factories, deque rotation and maxlen, namedtuple's
# _replace/_asdict/_fields/_make and defaults, ChainMap lookups.
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6])
d = Counter(a=3, b=1)
print(sorted((c + d).items()), sorted((c - d).items()), sorted((c & d).items()), sorted((c | d).items()))
c.update("aaa")
c.subtract({"b": 5})
print(c["a"], c["b"], sorted(+c), -Counter(x=-2))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), sum(Counter("hello").values()), Counter("hello").total())

o = OrderedDict.fromkeys("abcd", 0)
o.move_to_end("a")
o.move_to_end("d", last=False)
print(list(o), o.popitem(), o.popitem(last=False), list(o))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))

graph = defaultdict(list)
for x, y in [(1, 2), (1, 3), (2, 3)]:
    graph[x].append(y)
counts = defaultdict(int)
for w in "the cat the hat".split():
    counts[w] += 1
print(dict(graph), dict(counts), graph[99], 99 in graph, defaultdict(lambda: "?")["k"])

q = deque(range(5), maxlen=5)
q.append(5)
q.appendleft(-1)
print(q, q.maxlen)
q.rotate(2)
print(q)
q.rotate(-3)
print(q, q.popleft(), q.pop(), list(reversed(q)), q.count(2), q.index(3))
q.extendleft([10, 20])
print(q)

Point = namedtuple("Point", "x y")
P3 = namedtuple("P3", ["x", "y", "z"], defaults=[0])
p = Point(1, 2)
print(p, p.x + p.y, p._replace(y=5), p._asdict(), Point._fields, Point._make([7, 8]), P3(1, 2), P3._field_defaults)
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), p[1], len(p))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)

defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], sorted(cm), len(cm), cm.get("nope", "-"))
cm["color"] = "blue"
print(user, defaults, cm.maps[0] is user, sorted(cm.new_child({"x": 1}).items()))
