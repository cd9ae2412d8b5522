# collections.ChainMap: lookups through the chain (asking each mapping, so a
# defaultdict answers), writes and deletes on the first mapping with
# CPython's KeyError messages, pop/popitem/clear, new_child with a mapping
# or keywords, parents, copy, ==, the KeysView/ItemsView/ValuesView views
# and their set operations, |, |=, iteration order, len and reprs.
from collections import ChainMap, Counter, OrderedDict, defaultdict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


base = {"a": 1, "b": 2}
mid = {"b": 20, "c": 30}
top = {"c": 300, "d": 400}
cm = ChainMap(top, mid, base)
print(cm, len(cm), list(cm), cm["a"], cm["b"], cm["c"], cm.get("z"), cm.get("z", 0), "a" in cm, "z" in cm)
print(cm.keys(), cm.values(), cm.items())
print(list(cm.keys()), list(cm.values()), list(cm.items()))
print(cm.keys() == {"a", "b", "c", "d"}, "a" in cm.keys(), ("b", 20) in cm.items(), ("b", 2) in cm.items())
print(400 in cm.values(), 2 in cm.values(), len(cm.items()), len(cm.values()))
print(sorted(cm.keys() & {"a", "x"}), sorted(cm.keys() | {"x"}), sorted(cm.keys() - {"a"}), sorted(cm.keys() ^ {"a", "x"}))
print(cm.keys() <= {"a", "b", "c", "d", "e"}, cm.keys() > {"a"}, cm.items() >= {("a", 1)}, cm.keys().isdisjoint("xy"))
show("missing:", lambda: cm["zz"])
cm["e"] = 5
print(top, cm.maps[0] is top)
del cm["e"]
show("del a:", lambda: cm.__delitem__("a"))


def del_zz():
    del cm["zz"]


show("del zz:", del_zz)
print(cm.pop("d"), top)
show("pop a:", lambda: cm.pop("a"))
print(cm.pop("a", "dflt"))
print(cm.popitem(), top)
show("popitem:", lambda: cm.popitem())
top.update(c=300, d=400)
flat = {"a": 1, "b": 20, "c": 300, "d": 400}
print(cm == ChainMap(flat), cm == flat, cm != {}, flat == cm, cm == 5, cm != 5, cm == OrderedDict(flat))

ch = cm.new_child()
ch["a"] = "child"
print(ch, ch["a"], cm["a"], ch.parents == cm, ch.parents, ch.maps[1:] == cm.maps)
ch2 = cm.new_child({"x": 1}, y=2)
print(ch2, cm.new_child(z=9))
print(ch2.parents.parents, ch2.parents.parents.parents.parents)
cp = cm.copy()
cp["new"] = 1
print(cp.maps[0] is top, "new" in cm, cp.maps[1] is mid, type(cp).__name__)
empty = ChainMap()
print(empty, len(empty), bool(empty), bool(cm), list(empty), empty.maps)
show("popitem empty:", lambda: empty.popitem())
cm2 = ChainMap({"k": 1}, {"j": 2})
cm2.clear()
print(cm2, bool(cm2), bool(ChainMap({}, {"j": 2})))

print(cm | {"zz": 0}, {"zz": 0} | ChainMap({"a": 1}, {"a": 2, "b": 3}))
orred = ChainMap({"p": 1})
orred |= {"q": 2}
orred |= [("r", 3)]
print(orred)
show("| int:", lambda: ChainMap() | 5)
show("hash:", lambda: hash(ChainMap()))
show("reversed:", lambda: reversed(ChainMap()))
print(ChainMap.fromkeys("ab"), ChainMap.fromkeys("ab", 0))
rec = ChainMap()
rec["me"] = rec
print(rec)

dd = defaultdict(int)
withdd = ChainMap(dd, {"n": 7})
print(withdd["n"], withdd["missing"], dd)
withc = ChainMap(Counter(), {"q": 2})
print(withc["q"], withc["nope"], withc.get("nope"))


class Dflt(ChainMap):
    def __missing__(self, key):
        return "<%s>" % key


print(Dflt({"a": 1})["b"], Dflt({"a": 1}).get("b"), repr(Dflt({"a": 1})), type(Dflt().new_child()).__name__)
print(ChainMap({"a": 1}, OrderedDict(b=2)))
cm3 = ChainMap({"a": 1})
cm3.update({"b": 2}, c=3)
cm3.update([("d", 4)])
print(cm3.setdefault("a", 9), cm3.setdefault("z", 9), cm3)
print(dict(ChainMap({"a": 1}, {"b": 2})), Counter(ChainMap({"a": 1}, {"b": 2})), sorted(ChainMap({"b": 1}, {"a": 2})))
print(list(ChainMap({"b": 1, "a": 1}, {"c": 1, "a": 2}, {"d": 1, "c": 3})))

scopes = ChainMap({"x": 1})
inner = scopes.new_child()
inner["x"] = 2
inner["y"] = 3
print(inner["x"], scopes["x"], sorted(inner.items()), inner.maps, inner.parents is scopes)
