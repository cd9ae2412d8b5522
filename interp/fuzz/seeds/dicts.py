d = {"b": 1, "a": 2}
d["c"] = 3; d["b"] = 10
print(d, len(d), d["a"], "b" in d, "z" in d, d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.items())
del d["a"]; print(d, d.pop("b"), d, d.pop("q", "default"), d.setdefault("n", 5), d)
d.update({"x": 1}, y=2); print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict({"m": 1}), {**d, "z": 0})
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"})
e = {k: k * k for k in range(4)}; print(e, sorted(e, reverse=True))
for k in d:
    print(k, d[k])
print(d == {"c": 3, "n": 5, "x": 1, "y": 2}, d != {})
