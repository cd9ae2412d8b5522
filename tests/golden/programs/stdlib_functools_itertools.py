# functools, itertools, operator, copy and string, each as CPython 3.11 prints them.
import functools, itertools, operator, copy, string
from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering
print(reduce(operator.add, range(10)), reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
p = partial(int, base=2); print(p("1010"), partial(max, 3)(1, 5))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) + 1
    return inner
@deco
def g(x):
    "doc of g"
    return x
print(g(1), g.__name__, g.__doc__, g.__wrapped__(1))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable(["ab", "c"])))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 2)))
print(list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)))
print([(k, list(g)) for k, g in itertools.groupby("aaabbcdd")], [k for k, _ in itertools.groupby([1, 1, 2, 1])])
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.pairwise([1, 2, 3])), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.repeat(7, 3)))
a, b = itertools.tee([1, 2, 3]); print(list(a), list(b), list(itertools.filterfalse(None, [0, 1, 0, 2])))
print(list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("xyz"), operator.attrgetter("__class__.__name__")(3), operator.methodcaller("upper")("hi"))
print(sorted([("b", 2), ("a", 1)], key=operator.itemgetter(1)), operator.neg(3), operator.contains([1], 1))
x = [[1, 2], {"a": [3]}]
y = copy.deepcopy(x); z = copy.copy(x)
y[0].append(9); print(x, y, z[0] is x[0], y[1] is x[1])
class Pt:
    def __init__(self, a): self.a = a
q = copy.deepcopy(Pt([1])); print(q.a, type(q).__name__)
r = [1]; r.append(r); rr = copy.deepcopy(r); print(rr[1] is rr, len(rr))
print(string.ascii_uppercase[:5], string.punctuation[:5])
