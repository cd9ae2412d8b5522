# types.MappingProxyType: a read-only view of a mapping.
import types
d = {"a": 1, "b": 2}
p = types.MappingProxyType(d)
print(p, repr(p), type(p).__name__, len(p), p["a"], "a" in p, p.get("z", 0))
print(list(p), list(p.keys()), list(p.values()), list(p.items()), list(reversed(p)))
d["c"] = 3
print(p["c"], p == {"a": 1, "b": 2, "c": 3}, p.copy(), p | {"d": 4}, {"z": 0} | p)
for bad in [lambda: p.__setitem__("x", 1), lambda: types.MappingProxyType([1, 2]), lambda: types.MappingProxyType(5)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
