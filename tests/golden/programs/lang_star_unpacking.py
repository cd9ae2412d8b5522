# Star-unpacking in assignment targets and displays: starred target positions,
# nested targets, unpacking arbitrary iterables, for-loop targets,
# attribute/subscript targets, and the ValueError/TypeError messages for
# mismatches.
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
a, *mid, z = range(6)
head, *empty = (42,)
print(first, rest, init, last, a, mid, z, head, empty)
print(type(rest).__name__, type(init).__name__)

(p, q), *others, (r, *s) = [(1, 2), 3, 4, [5, 6, 7]]
print(p, q, others, r, s)
[x, [y, *ys]], w = [[0, "abc"], "w"]
print(x, y, ys, w)

# unpacking any iterable: dict (keys), set of one, generator, string, iterator
k1, k2 = {"alpha": 1, "beta": 2}
(only,) = {99}
g1, *g_rest = (n * n for n in range(4))
c1, c2, c3 = "xyz"
it = iter([10, 20, 30])
i1, *i_rest = it
print(k1, k2, only, g1, g_rest, c1 + c2 + c3, i1, i_rest)

# star in for-loop targets
for idx, (lead, *tail) in enumerate(["ab", "cde", "f"]):
    print(idx, lead, tail)
for *pre, final in [(1, 2, 3), (4,)]:
    print(pre, final)

# targets can be attributes and subscripts, assigned left to right
class NS:
    pass

ns = NS()
box = [None, None, None]
ns.a, box[0], *box[1:] = "one", "two", "three", "four"
print(ns.a, box)
d = {}
d["x"], (d["y"], *d["rest"]) = 1, [2, 3, 4]
print(sorted(d.items()))

# star in displays and calls
lst = [*range(3), *"ab", *{}]
tpl = (*lst, *[9])
st = {*"aab", *[1]} == {"a", "b", 1}
dd = {**{"a": 1}, "b": 2, **{"a": 3}}
print(lst, tpl, st, dd)
print(*[1, 2], *(), sep="-")
swap = [1, 2]
swap[0], swap[1] = swap[1], swap[0]
print(swap)

# error messages
def u1(): a, b = [1, 2, 3]
def u2(): a, b, c = [1, 2]
def u3(): a, *b, c = [1]
def u4(): a, b = 5
def u5(): a, b = None
def u6(): (a,) = []
def u7(): a, *b = []
def u8(): [a, b] = 'abc'
def u9(): a, b = iter(range(10))
def u10(): *a, b, c, d = (1, 2)
def u11(): [x for x, y in [(1, 2), (3,)]]
def u12(): {k: v for k, v in ["ab", "cde"]}

for fn in (u1, u2, u3, u4, u5, u6, u7, u8, u9, u10, u11, u12):
    try:
        fn()
        print("ok?", fn.__name__)
    except (ValueError, TypeError) as e:
        print(f"{fn.__name__:4} -> {type(e).__name__}: {e}")

# unpacking a custom iterable invokes __iter__ once
class Counted:
    def __init__(self, n):
        self.n = n
        self.pulled = 0

    def __iter__(self):
        for i in range(self.n):
            self.pulled += 1
            yield i

cnt = Counted(3)
try:
    u, v = cnt
except ValueError as e:
    print(e, "pulled", cnt.pulled)
cnt2 = Counted(5)
u, *v = cnt2
print(u, v, cnt2.pulled)

# starred assignment to a single star target needs a list/tuple
*solo, = "ab"
print(solo)
[*all_items] = range(3)
print(all_items)
