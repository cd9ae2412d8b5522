# collections.OrderedDict and defaultdict beyond the basics: move_to_end
# both ways, popitem(last=), equality that is order-sensitive only between
# two OrderedDicts, | and |= (with pairs too), reversed() of the dict and
# its views, the odict_* view reprs and set operations, recursive reprs,
# subclasses, and defaultdict's positional-only factory, copies and |.
import copy
from collections import OrderedDict, defaultdict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


od = OrderedDict.fromkeys("abcde", 0)
print(od, type(od).__name__, OrderedDict(), repr(OrderedDict(a=1)))
od.move_to_end("b")
print(list(od))
od.move_to_end("d", last=False)
print(list(od), od)
od.move_to_end("d", False)
od.move_to_end("e", True)
print(list(od))
show("move missing:", lambda: od.move_to_end("zz"))
show("move missing first:", lambda: od.move_to_end("zz", last=False))
print(od.popitem(), od.popitem(last=False), od.popitem(False), od)
e = OrderedDict()
show("popitem empty:", lambda: e.popitem())
show("popitem empty first:", lambda: e.popitem(last=False))

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == {"x": 1, "y": 2}, a != dict(b))
print(a == OrderedDict(x=1, y=2), a == 5, a != 5, a == OrderedDict(x=1))
print(a | b, b | a, a | {"z": 3}, type(a | {"z": 3}).__name__)
c = OrderedDict(a)
c |= {"w": 0}
c |= [("v", 9)]
c |= b
print(c)
print(list(reversed(a)), list(reversed(a.keys())), list(reversed(a.values())), list(reversed(a.items())))
print(a.keys(), a.values(), a.items())
print(type(a.keys()).__name__, type(a.values()).__name__, type(a.items()).__name__)
print(len(a.items()), "x" in a.keys(), ("x", 1) in a.items(), ("x", 2) in a.items(), 2 in a.values(), 7 in a.values())
print(a.keys() == {"x", "y"}, a.keys() == b.keys(), a.items() == b.items(), a.keys() != {"x"})
print(sorted(a.keys() & {"x", "q"}), sorted(a.keys() | {"q"}), sorted(a.keys() - {"x"}), sorted(a.keys() ^ {"x", "q"}))
print(a.keys() <= {"x", "y", "z"}, a.keys() < {"x", "y"}, a.keys().isdisjoint(["q"]), sorted(a.items() & {("x", 1)}))
keys = a.keys()
a["late"] = 3
print(keys, len(keys))
del a["late"]

r = OrderedDict()
r["self"] = r
print(r)
print(OrderedDict(a=[1, 2], b=(3,)), str(OrderedDict(k="v")))
cp = a.copy()
cp["n"] = 0
print(a, cp, type(cp).__name__, copy.copy(a), copy.deepcopy(a))


class MyOD(OrderedDict):
    pass


m = MyOD(p=1)
print(m, m | {"q": 2}, type(m | {"q": 2}).__name__, m.copy(), type(m.copy()).__name__)
print(a.setdefault("z", 5), a.pop("x"), a, a.get("y"))
for k, v in a.items():
    print(" ", k, v)
d = OrderedDict()
d["one"] = 1
d["two"] = 2
d["one"] = 11
print(d)
del d["one"]
d["one"] = 1
print(d, OrderedDict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])))

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, len(dd), "c" in dd, dd.get("c"), dict(dd))
print(defaultdict(default_factory=int), defaultdict(), defaultdict(None, {"x": 1}))
show("no factory:", lambda: defaultdict(None)["k"])
show("bad factory:", lambda: defaultdict(1))
show("str factory:", lambda: defaultdict("abc"))
cd = dd.copy()
cd["a"].append(2)
cd["c"] = []
print(cd, dd, type(cd).__name__, cd.default_factory is list)
print(dd | {"z": []}, (dd | {"z": []}).default_factory, copy.copy(dd), copy.deepcopy(dd))
di = defaultdict(int)
di |= {"q": 1}
di |= [("r", 2)]
print(di)
dd.default_factory = set
dd["s"].add(3)
print(dd)
r2 = defaultdict(None)
r2["me"] = r2
print(r2)


class MyDD(defaultdict):
    pass


md = MyDD(int)
md["x"] += 1
print(md, type(md.copy()).__name__, type(md | {}).__name__, defaultdict.fromkeys("ab"))
