# collections (deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap), heapq, bisect.
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
import heapq, bisect
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d[0], d[-1], d.maxlen, list(reversed(d)), 3 in d)
d.rotate(2); print(d); d.rotate(-1); print(d, d.popleft(), d.pop(), d)
e = deque(); e.extend("abc"); e.extendleft("xy"); print(e, e.count("a"), e.index("b"))
dd = defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dd, dict(dd), dd["z"], len(dd))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:5], c.total())
c.update("aaz"); c.subtract({"b": 1}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) | Counter(a=5), Counter(a=3, b=2) & Counter(a=1))
od = OrderedDict(a=1, b=2, c=3); od.move_to_end("a"); print(od, od.popitem(), od.popitem(last=False), od)
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], tuple(p), p == (1, 2), p._asdict(), p._replace(x=5), Point._fields, Point._make([7, 8]))
x, y = p; print(x + y, len(p), isinstance(p, tuple), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3(1, 2, 3))
try:
    Point(1)
except TypeError as err:
    print("TypeError:", err)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), sorted(cm))
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6]; heapq.heapify(data); print(data, heapq.nsmallest(3, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), heapq.heapreplace(data, 10), data, heapq.heappushpop(data, 0))
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 3)); bisect.insort(a, 5); print(a)
