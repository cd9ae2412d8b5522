# operator: the getters' reprs and constructor errors, index and
# length_hint by the rules of CPython, concat's sequence check, every
# in-place function on mutable and immutable values, call, the sequence
# helpers and their errors, and the __dunder__ aliases.
import operator as op


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("mc", lambda: op.methodcaller("f", 1, k=2))
show("mc2", lambda: op.methodcaller("strip"))
show("mc3", lambda: op.methodcaller("x", "a", b=[1], c=None))
show("mc int", lambda: op.methodcaller(1))
show("mc none", lambda: op.methodcaller())
show("mc call", lambda: op.methodcaller("split", ",", maxsplit=1)("a,b,c"))
show("mc name kw", lambda: op.methodcaller("format", name="x")("{name}!"))
show("ag", lambda: op.attrgetter("a", "b.c"))
show("ag1", lambda: op.attrgetter("real"))
show("ag int", lambda: op.attrgetter(1))
show("ag mixed", lambda: op.attrgetter("a", 2))
show("ag none", lambda: op.attrgetter())
show("ag dotted", lambda: op.attrgetter("real.imag", "imag")(3))
show("ag missing", lambda: op.attrgetter("real.nope")(3))
show("ig", lambda: op.itemgetter(1))
show("ig2", lambda: op.itemgetter(1, "a", (2, 3)))
show("ig none", lambda: op.itemgetter())
show("ig slice", lambda: op.itemgetter(slice(1, None), 0)("abc"))
show("ig err", lambda: op.itemgetter(5)([1]))

show("index int", lambda: op.index(7))
show("index bool", lambda: op.index(True))
show("index float", lambda: op.index(3.5))
show("index str", lambda: op.index("3"))


class Idx:
    def __index__(self):
        return 4


class BadIdx:
    def __index__(self):
        return "4"


show("index obj", lambda: op.index(Idx()))
show("index bad", lambda: op.index(BadIdx()))


class Hint:
    def __init__(self, value):
        self.value = value

    def __length_hint__(self):
        return self.value


class LenFails:
    def __len__(self):
        raise TypeError("no len")

    def __length_hint__(self):
        return 9


show("lh list", lambda: op.length_hint([1, 2, 3]))
show("lh dict", lambda: op.length_hint({1: 2}))
show("lh int", lambda: op.length_hint(5))
show("lh int default", lambda: op.length_hint(5, 7))
show("lh default str", lambda: op.length_hint([], "a"))
show("lh hint", lambda: op.length_hint(Hint(6)))
show("lh notimpl", lambda: op.length_hint(Hint(NotImplemented), 3))
show("lh negative", lambda: op.length_hint(Hint(-1)))
show("lh str", lambda: op.length_hint(Hint("x")))
show("lh len fails", lambda: op.length_hint(LenFails()))

show("concat lists", lambda: op.concat([1], [2]))
show("concat str", lambda: op.concat("a", "b"))
show("concat int", lambda: op.concat(1, 2))
show("concat dict", lambda: op.concat({}, {}))
show("concat mixed", lambda: op.concat([1], (2,)))
show("concat tuple", lambda: op.concat((1,), (2,)))

lst = [1]
res = op.iconcat(lst, [2, 3])
print("iconcat", res is lst, lst)
show("iconcat int", lambda: op.iconcat(1, 2))
lst = [1, 2]
print("iadd", op.iadd(lst, [3]) is lst, lst, op.iadd(1, 2), op.iadd("a", "b"), op.iadd((1,), (2,)))
s = {1, 2}
print("ior", op.ior(s, {3}) is s, sorted(s), op.ior(5, 2), op.iand(s, {2, 3}) is s, sorted(s), op.iand(6, 3))
print("ixor", op.ixor(s, {3, 9}) is s, sorted(s), op.ixor(5, 1), op.isub(s, {9}) is s, sorted(s), op.isub(10, 4))
print("imul", op.imul([0], 3), op.imul("ab", 2), op.imul(3, 4), op.imod(17, 5), op.imod("%s!", "x"))
print("ipow", op.ipow(2, 10), op.ipow(2.0, -1), op.ilshift(1, 10), op.irshift(1024, 3), op.ifloordiv(-7, 2), op.itruediv(7, 2))
d = {"a": 1}
print("dict ior", op.ior(d, {"b": 2}) is d, d)
show("imatmul", lambda: op.imatmul(1, 2))
show("isub err", lambda: op.isub("a", "b"))

print("call", op.call(max, 1, 3, key=lambda x: -x), op.call(dict, a=1), op.call(len, "abcd"))
print("truth", op.truth([]), op.truth([0]), op.not_(0), op.is_(None, None), op.is_not(1, None))
print("contains", op.contains("abc", "b"), op.contains([1, 2], 3), op.contains({1: 2}, 1))
nan = float("nan")
print("countOf", op.countOf([1, 1.0, True, 2], 1), op.countOf([nan, nan], nan), op.countOf("banana", "a"),
      op.countOf(iter([3, 3]), 3))
print("indexOf", op.indexOf([5, 6, 7], 7), op.indexOf("abc", "c"), op.indexOf(iter("xyz"), "y"), op.indexOf([nan], nan))
show("indexOf missing", lambda: op.indexOf([1, 2], 3))
show("indexOf int", lambda: op.indexOf(1, 1))
show("countOf int", lambda: op.countOf(1, 1))
show("contains int", lambda: op.contains(1, 1))
print("dunders", op.__add__(1, 2), op.__not__(0), op.__iadd__([1], [2]), op.__concat__("a", "b"),
      op.__getitem__("abc", 1), op.__lt__(1, 2), op.__inv__(5), op.__index__(Idx()), op.__call__(abs, -3))
print("same", op.__add__ is op.add, op.__iconcat__ is op.iconcat, op.invert is op.inv, op.__invert__ is op.inv)
table = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(table, key=op.itemgetter(1, 0)), max(table, key=op.itemgetter(1)), list(map(op.itemgetter(0), table)))
