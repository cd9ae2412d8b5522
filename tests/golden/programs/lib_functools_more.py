# functools beyond the basics: reduce with an initial value, partial of a
# partial (flattened), lru_cache's eviction order, statistics, typed keys
# and cache_clear, wraps copying name/doc/annotations/__dict__,
# cached_property, total_ordering from __gt__ or __le__, cmp_to_key.
import functools
from functools import cmp_to_key, lru_cache, partial, reduce, total_ordering, wraps

print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), reduce(max, [4], 0), reduce(max, [], "empty"))
print(reduce(lambda a, b: [a, b], [1, 2, 3], None), reduce(lambda a, b: a * 10 + b, (1, 2, 3)))
try:
    reduce(max, iter([]))
except TypeError as e:
    print("TypeError:", e)


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p1 = partial(f, 1)
p2 = partial(p1, 2, d=7)
print(p2(), p2(c=0), p2(d=9, c=5), p2.func is f, p2.args, p2.keywords, type(p2).__name__)
print(partial(max, 3, key=abs)(-7, 5), repr(partial(max, 3, key=abs)), partial(int, "ff", 16)())
print(partial(p2, 3)(), partial(f, d=0)(1, 2), partial(f, 1, 2, d=1)(d=2))
for bad in (lambda: partial(5), lambda: partial(f, e=1)(1, 2), lambda: partial(f, 1, 2, 3)(4, 5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

calls = []


@lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    square(x)
print(calls, square.cache_info(), square.cache_parameters())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, tuple(info), info == (3, 6, 3, 3), isinstance(info, tuple))
square.cache_clear()
print(square.cache_info(), square(6), square.cache_info(), square.__wrapped__(7), square.__name__)


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(2), kind(2.0), kind.cache_info(), kind.cache_parameters())


@lru_cache(maxsize=None)
def ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


print(ways(200, (1, 2, 5, 10, 20, 50, 100, 200)), ways.cache_info().maxsize, ways.cache_info().currsize > 100)


@lru_cache(maxsize=0)
def nocache(x):
    return -x


print(nocache(1), nocache(1), nocache.cache_info())


@functools.cache
def fact(n):
    return n * fact(n - 1) if n else 1


print(fact(30), fact.cache_info())
try:
    kind([1])
except TypeError as e:
    print("TypeError:", e)


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


def orig(x: int, y: str = "s") -> str:
    "original doc"
    return str(x) + y


orig.extra = 42
w = logged(orig)
print(w(1), w.__name__, w.__qualname__, w.__doc__, w.__annotations__, w.extra, w.__wrapped__ is orig, w.__module__)
print(logged(logged(orig)).__wrapped__.__wrapped__ is orig, functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, "area" in c.__dict__)
c.r = 10
print(c.area)
del c.area
print(c.area, c.computed, type(Circle.area).__name__)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __gt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts > other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(1, 2), Version(1, 10), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), min(vs), Version(1) < Version(2), Version(1) <= Version(1), Version(2) >= Version(3))
try:
    Version(1) < 5
except TypeError as e:
    print("TypeError:", e)


@total_ordering
class Le:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __le__(self, o):
        return self.v <= o.v


print(Le(1) < Le(2), Le(2) > Le(1), Le(2) >= Le(2), Le(1) > Le(1), Le(3) < Le(3))
try:
    total_ordering(type("NoOrder", (), {}))
except ValueError as e:
    print("ValueError:", e)

by_len_then_alpha = cmp_to_key(lambda a, b: (len(a) - len(b)) or ((a > b) - (a < b)))
print(sorted(["bb", "a", "ccc", "ab", "b"], key=by_len_then_alpha), max(["bb", "a", "ab"], key=by_len_then_alpha))
K = cmp_to_key(lambda a, b: b - a)
print(K(1) < K(2), K(1) == K(1), K(2) >= K(3), K(5).obj, sorted([3, 1, 2], key=K))
try:
    hash(K(1))
except TypeError as e:
    print("TypeError", type(e).__name__)
