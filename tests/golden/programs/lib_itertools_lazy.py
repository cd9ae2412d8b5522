# itertools laziness, watched through a logging iterator: what each tool
# pulls from its inputs and when; huge products and permutations started
# without building them; r larger than the pool; accumulate, zip_longest,
# compress, takewhile/dropwhile, filterfalse(None) and starmap on the way.
import itertools as it
import operator


class Log:
    def __init__(self, name, items):
        self.name, self.items, self.i = name, list(items), 0
        self.pulled = []

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            self.pulled.append("end")
            raise StopIteration
        x = self.items[self.i]
        self.i += 1
        self.pulled.append(x)
        return x


src = Log("s", range(10))
tw = it.takewhile(lambda x: x < 3, src)
print(src.pulled, list(tw), src.pulled)
src = Log("s", range(6))
dw = it.dropwhile(lambda x: x < 3, src)
print(next(dw), src.pulled, list(dw), src.pulled)
data, sel = Log("d", "abcdef"), Log("s", [1, 0, 1])
print(list(it.compress(data, sel)), data.pulled, sel.pulled)
a, b = Log("a", [1, 2, 3]), Log("b", "xy")
print(list(it.zip_longest(a, b, fillvalue="-")), a.pulled, b.pulled)
a, b = Log("a", [1, 2, 3]), Log("b", "xy")
print(list(zip(a, b)), a.pulled, b.pulled)
src = Log("s", [1, 2, 3, 4])
acc = it.accumulate(src, operator.mul, initial=10)
print(next(acc), src.pulled, next(acc), src.pulled, list(acc))
print(list(it.accumulate(Log("s", []), initial=0)), list(it.accumulate([5], initial=None)), list(it.accumulate([1, 2], func=operator.sub)))
src = Log("s", "aabbbc")
grp = it.groupby(src)
k, g = next(grp)
print(k, src.pulled)
k, g = next(grp)
print(k, src.pulled, list(g), src.pulled)
src = Log("s", range(3))
t1, t2 = it.tee(src, 2)
print(src.pulled, next(t1), src.pulled, next(t2), src.pulled, list(t2), src.pulled)
src = Log("s", range(3))
print(it.tee(src, 0), src.pulled)
src = Log("s", range(4))
ps = it.pairwise(src)
print(src.pulled, next(ps), src.pulled)
src = Log("s", "ab")
cy = it.cycle(src)
print([next(cy) for _ in range(5)], src.pulled)
src = Log("s", range(100))
sl = it.islice(src, 2, 9, 3)
print(list(sl), src.pulled)
src = Log("s", [(2, 3), [3, 2], (10,)])
print(list(it.starmap(pow, it.islice(src, 2))), src.pulled)
print(list(it.filterfalse(None, [0, 1, "", "x", None, [], [0], 0.0])), list(it.filterfalse(lambda s: s.isdigit(), "a1b2")))

big = it.product(range(10), repeat=12)
print(next(big), next(big), [next(big) for _ in range(9)][-1])
bigp = it.permutations(range(100), 50)
print(next(bigp)[:5], next(bigp)[-3:])
print(list(it.permutations("abc", 4)), list(it.combinations("abc", 4)), list(it.permutations("ab", 0)),
      list(it.combinations_with_replacement("ab", 3)))
print(list(it.product("ab", "12", repeat=2))[:6], len(list(it.product(range(3), range(4), repeat=2))))
print(list(it.product([], repeat=0)), list(it.product("a", [], "b")), list(it.product("xy", repeat=1)))
cwr = it.combinations_with_replacement(range(30), 4)
print(next(cwr), sum(1 for _ in cwr))
print(sum(1 for _ in it.combinations(range(20), 4)), sum(1 for _ in it.permutations(range(8), 3)))
perm = it.permutations(Log("p", "abc"))
print(next(perm))
