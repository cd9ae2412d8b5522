# itertools at its edges: groupby with key functions and stale groups,
# accumulate with initial, product/combinations with repeat and r at the
# limits, tee interleaving, islice steps and how much it consumes,
# zip_longest, pairwise, starmap, compress, cycle, and argument errors.
import itertools as it
import operator

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot", "akee"]
for key, group in it.groupby(words, key=lambda w: w[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in it.groupby(sorted(words, key=len), key=len)])
print([(k, list(g)) for k, g in it.groupby([1, 3, 5, 2, 4, 7], key=lambda n: n % 2)])
groups = list(it.groupby("aaabbc"))
print([k for k, _ in groups], [list(g) for _, g in groups])
g = it.groupby("xxyy")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
print(list(it.groupby([])), list(it.groupby([], key=len)))

print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=7)), list(it.accumulate([])))
print(list(it.accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)), list(it.accumulate([3, 1, 4, 1, 5], min)))
print(list(it.accumulate("abc")), list(it.accumulate([1, 2, 3, 4], operator.mul, initial=1)))
print(list(it.accumulate([2, 3], lambda a, b: a ** b, initial=2)))

print(list(it.product("ab", repeat=3))[:5], len(list(it.product(range(3), repeat=4))))
print(list(it.product()), list(it.product(repeat=0)), list(it.product("ab", [])), list(it.product([1, 2], "x", (True,))))
print(list(it.combinations_with_replacement("abc", 3))[-4:], list(it.combinations_with_replacement("ab", 0)),
      list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("", 0)))
print(list(it.combinations("abcd", 0)), list(it.combinations("ab", 3)), list(it.combinations(range(5), 5)))
print(list(it.permutations("ab", 3)), list(it.permutations([], 0)), len(list(it.permutations(range(5)))),
      list(it.permutations(range(3)))[-2:])

a, b, c = it.tee(iter(range(5)), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
src = iter("xyz")
t1, t2 = it.tee(src)
print(next(t1), next(src), list(t1), list(t2))
print(it.tee([1], 0), len(it.tee("ab", 4)))

nat = it.count(1)
print(list(it.islice(nat, 2, 10, 3)), next(nat))
r = iter(range(20))
print(list(it.islice(r, 1, 6, 3)), next(r))
r = iter(range(20))
print(list(it.islice(r, 0, 5, 2)), next(r))
print(list(it.islice("abcdef", None)), list(it.islice("abcdef", 3, None)), list(it.islice("abcdef", None, None, 4)),
      list(it.islice("abc", 10, 20)), list(it.islice("abcdef", 2, 2)))
print(list(it.islice(it.count(0.5, 0.25), 5)), list(it.islice(it.count(10, -3), 4)))

print(list(it.zip_longest("abc", [1], (True, False), fillvalue=0)), list(it.zip_longest()), list(it.zip_longest([], [])))
print(list(it.zip_longest(range(2), range(4))))
print(list(it.pairwise("a")), list(it.pairwise("")), list(it.pairwise(range(5))), ["".join(p) for p in it.pairwise("hello")])
print(list(it.starmap(operator.sub, [(5, 2), (10, 20)])), list(it.starmap(lambda *a: len(a), [(), (1,), "abc"])))
print(list(it.takewhile(str.isupper, "ABcDE")), list(it.dropwhile(str.isupper, "ABcDE")), list(it.takewhile(bool, [])),
      list(it.dropwhile(lambda x: True, [1, 2])))
print(list(it.chain.from_iterable(range(n) for n in range(4))), list(it.chain()), list(it.chain("a", [], "bc")))
print(list(it.compress(range(10), [1, 0, 1])), list(it.compress("abc", it.cycle([0, 1]))), list(it.compress("ab", [])))
print(list(it.islice(it.cycle("abc"), 2, 11)), list(it.cycle([])), list(it.islice(it.cycle(range(2)), 0, 7, 2)))
print(list(it.repeat("x", 0)), list(it.repeat("x", -3)), list(zip(it.repeat(None), "ab")))
print(list(it.filterfalse(lambda x: x % 3, range(10))), sum(1 for _ in it.permutations(range(6), 3)))

for bad in (lambda: it.islice("abc", 0, 3, 0), lambda: it.islice("abc", 1, 2, 3, 4),
            lambda: it.islice("abc", -2, 4), lambda: it.islice("abc", 0, 2, -1)):
    try:
        list(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
