# collections.Counter as a multiset: inclusion comparisons (<, <=, >, >=)
# and == where a missing element counts zero, in-place operators that keep
# only positive counts (and accept plain dicts), most_common with 0,
# negative and None n, fromkeys refused, total/elements, update and
# subtract from Counters, OrderedDicts, ChainMaps, iterables and keywords,
# and reprs sorted by count.
from collections import ChainMap, Counter, OrderedDict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = Counter(a=3, b=1)
b = Counter(a=3, b=2, c=0)
print(a < b, a <= b, a > b, a >= b, b > a, b >= a)
print(a == Counter(a=3, b=1, c=0), Counter() == Counter(x=0), Counter(x=0) != Counter())
print(Counter(a=1) < Counter(a=1), Counter(a=1) <= Counter(a=1), Counter(a=2) > Counter(a=1, b=1))
print(Counter(a=-1) <= Counter(), Counter() <= Counter(a=-1), Counter(a=2) >= Counter(a=1, b=0))
print(Counter("ab") < Counter("abc") < Counter("aabbcc"), Counter("abc") <= Counter("cba"))
show("lt dict:", lambda: Counter() < {})
show("ge int:", lambda: Counter() >= 3)
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1, b=0) == {"a": 1})
print(Counter(a=1) != Counter(a=1, b=0), Counter(a=1) != 1, Counter() == {}, Counter("aab") == Counter("aba"))

for op in ("+=", "-=", "|=", "&="):
    c = Counter(a=3, b=-1, c=0, d=2)
    alias = c
    other = Counter(a=1, b=2, d=-2, e=-5, f=4)
    if op == "+=":
        c += other
    elif op == "-=":
        c -= other
    elif op == "|=":
        c |= other
    else:
        c &= other
    print(op, c, c is alias)
c = Counter(a=1)
c += {"a": 1, "b": 2}
c -= {"b": 5}
print(c)


def iadd_list():
    x = Counter()
    x += [1]


show("+= list:", iadd_list)
print(+Counter(a=2, b=0, c=-3), -Counter(a=2, b=0, c=-3), +Counter(), -Counter(a=1))

w = Counter("abracadabra")
print(w.most_common(), w.most_common(2), w.most_common(0))
print(w.most_common(-1), w.most_common(-5), w.most_common(None), w.most_common(99))
show("fromkeys:", lambda: Counter.fromkeys("abc"))
show("fromkeys v:", lambda: Counter.fromkeys("abc", 1))
print(w.total(), Counter().total(), Counter(a=-2, b=5).total())
print(list(w.elements()), list(Counter(a=2, b=-1, c=0, d=1).elements()), list(Counter().elements()))

w.subtract("aaa")
print(w)
w.subtract({"z": 2})
w.subtract(Counter(r=5))
w.subtract(b=1, q=-1)
print(w, w.total())
u = Counter()
u.update("hello")
u.update({"h": 2})
u.update(Counter(l=-3))
u.update(o=4, x=1)
u.update([("a", 1)])
u.update(OrderedDict(e=2))
u.update(ChainMap({"x": 1}, {"y": 2}))
print(u)
u.update()
u.update(None)
u.subtract()
print(u, len(u))
print(Counter(OrderedDict(a=2, b=1)), Counter(ChainMap({"a": 2}, {"b": 1})), Counter({"x": "s"}))
print(Counter(iterable=1), Counter(self=2))
show("two args:", lambda: Counter("a", "b"))
show("not iterable:", lambda: Counter(3))

print(repr(Counter()), repr(Counter(a=1, b=3, c=2)), repr(Counter({"x": 0, "y": -1, "z": 1})))
print(Counter({"a": 1.5, "b": 2}), str(Counter("aab")), Counter({(1, 2): 2, None: 3}))


class Bag(Counter):
    pass


print(Bag("aab"), Bag(), type(Bag("a") + Bag("b")).__name__, type(Bag("a").copy()).__name__)
x = Counter("aab")
del x["zz"]
del x["a"]
print(x, x["a"], "a" in x)
print(Counter(a=1) + Counter(a=-1), Counter(a=1) - Counter(a=1), Counter(a=1) | Counter(a=-3), Counter(a=1) & Counter(b=1))
for label, f in [("+ int:", lambda: Counter(a=1) + 1), ("| list:", lambda: Counter(a=1) | []),
                 ("& None:", lambda: Counter(a=1) & None), ("- str:", lambda: Counter(a=1) - "x"),
                 ("hash:", lambda: hash(Counter()))]:
    show(label, f)
