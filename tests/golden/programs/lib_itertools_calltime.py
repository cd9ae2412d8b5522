# itertools argument checking at call time (before the first next), the
# reprs of count and repeat, repeat's length hint, tee of a tee and tee
# copies, groupby groups going stale, and the lazy parts staying lazy.
import copy
import itertools as it


def attempt(label, make):
    try:
        result = make()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "-> created", type(result).__name__ in ("generator", "count", "repeat", "tuple",
                                                              "_tee", "chain", "islice", "product"))


attempt("islice stop -1", lambda: it.islice([], -1))
attempt("islice stop 1.5", lambda: it.islice([], 1.5))
attempt("islice start -2", lambda: it.islice("abc", -2, 4))
attempt("islice start str", lambda: it.islice("abc", "a", 4))
attempt("islice step 0", lambda: it.islice("abc", 0, 3, 0))
attempt("islice step float", lambda: it.islice("abc", 0, 3, 1.0))
attempt("islice 1 arg", lambda: it.islice("abc"))
attempt("islice 5 args", lambda: it.islice("abc", 1, 2, 3, 4))
attempt("islice kw", lambda: it.islice("abc", stop=2))
attempt("islice not iterable", lambda: it.islice(5, 2))
attempt("repeat times str", lambda: it.repeat(1, "a"))
attempt("repeat times float", lambda: it.repeat(1, 2.0))
attempt("count str", lambda: it.count("a"))
attempt("count step str", lambda: it.count(1, "x"))
attempt("combinations -1", lambda: it.combinations([], -1))
attempt("combinations str", lambda: it.combinations([], "2"))
attempt("cwr -1", lambda: it.combinations_with_replacement("ab", -1))
attempt("permutations -1", lambda: it.permutations("ab", -1))
attempt("permutations 1.0", lambda: it.permutations("ab", 1.0))
attempt("product repeat -1", lambda: it.product("ab", repeat=-1))
attempt("product not iterable", lambda: it.product("ab", 3))
attempt("tee n -1", lambda: it.tee("ab", -1))
attempt("tee n str", lambda: it.tee("ab", "2"))
attempt("tee not iterable", lambda: it.tee(3))
for name, make in [("cycle", lambda: it.cycle(1)), ("accumulate", lambda: it.accumulate(1)),
                   ("groupby", lambda: it.groupby(1)), ("starmap", lambda: it.starmap(pow, 1)),
                   ("zip_longest", lambda: it.zip_longest([], 1)), ("pairwise", lambda: it.pairwise(1)),
                   ("compress data", lambda: it.compress(1, [])), ("compress selectors", lambda: it.compress([], 1)),
                   ("takewhile", lambda: it.takewhile(bool, 1)), ("dropwhile", lambda: it.dropwhile(bool, 1)),
                   ("filterfalse", lambda: it.filterfalse(None, 1)), ("from_iterable", lambda: it.chain.from_iterable(1))]:
    attempt(name, make)

# chain itself is lazy about its arguments, as in CPython.
c = it.chain([1], 2)
print("chain(…, 2) created; first", next(c))
try:
    next(c)
except TypeError as e:
    print("chain second:", e)
lazy = it.chain.from_iterable([[1], 5])
print(next(lazy))
try:
    next(lazy)
except TypeError as e:
    print("from_iterable:", e)
try:
    next(it.starmap(pow, [3]))
except TypeError as e:
    print("starmap:", e)
try:
    it.chain([1], x=2)
except TypeError as e:
    print("chain kw:", e)
print(hasattr(it, "batched"), hasattr(it, "pairwise"), hasattr(it, "accumulate"))

# count and repeat reprs follow the iteration.
c = it.count(5)
print(repr(c), next(c), next(c), repr(c))
c = it.count(1.5, 2)
print(repr(c), next(c), repr(c))
print(repr(it.count()), repr(it.count(0, 1.0)), repr(it.count(-3, -1)), repr(it.count(2 ** 70)), repr(it.count(1, True)))
c = it.count(10, 5)
print(list(zip(c, "ab")), repr(c))
for x in c:
    if x > 30:
        break
print(x, repr(c), next(c))
r = it.repeat("a", 3)
print(repr(r), r.__length_hint__(), next(r), repr(r), r.__length_hint__(), list(r), repr(r), r.__length_hint__())
print(repr(it.repeat("a")), repr(it.repeat([1], -5)), repr(it.repeat(None, times=2)), list(it.repeat(7, times=2)))
try:
    it.repeat(0).__length_hint__()
except TypeError as e:
    print("repeat hint:", e)
print(type(it.count()).__name__, type(it.repeat(1)).__name__)

# tee: the first result of tee(t) is t itself; copies share one buffer.
a, b = it.tee(iter([1, 2, 3, 4]))
print(next(a), type(a).__name__)
p, q = it.tee(a)
print(p is a, q is a, next(p), list(q), list(a), list(b))
x, y = it.tee(range(3))
z = copy.copy(x)
print(next(x), list(z), list(x), list(y), it.tee("ab", 0), len(it.tee("ab", 5)))
t1, t2, t3 = it.tee(it.count(), 3)
print(next(t1), next(t1), next(t2), next(t3), next(t3), next(t3), next(t2))
src = iter("abc")
u, v = it.tee(src)
print(next(u), next(src), list(v), list(u))

# groupby: advancing the outer iterator empties the previous group.
g = it.groupby("aaabbbcc")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), next(g2))
k3, g3 = next(g)
print(k3, list(g2), list(g3))
print(list(g), list(g3))
pairs = [(k, g) for k, g in it.groupby([1, 1, 2, 3, 3], key=lambda n: n % 2)]
print([k for k, _ in pairs], [list(g) for _, g in pairs])
print([(k, list(v)) for k, v in it.groupby([], key=abs)], [(k, "".join(v)) for k, v in it.groupby("AaBb", str.lower)])

# islice consumes exactly what CPython does.
r = iter(range(20))
print(list(it.islice(r, 10, 5)), next(r))
r = iter(range(20))
print(list(it.islice(r, 3)), next(r), list(it.islice(r, 2, None, 5)))
r = iter(range(10))
print(list(it.islice(r, 1, 8, 3)), next(r))
print(list(it.islice(range(10), None, None, None)), list(it.islice("abcdefg", 1, None, 2)), list(it.islice("ab", 5, None)))
print(list(it.islice(it.count(), 0, 12, 4)), list(it.islice(it.repeat("z"), 3)), list(it.islice("abc", True, None)))
