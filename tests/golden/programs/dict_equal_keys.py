d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[2] = 2; d[2.5] = 2.5; d[(1, 2)] = "t"; d["s"] = "str"; d[None] = None
print(d)
del d[1]
print(d, 1 in d, 1.0 in d, True in d)
print({0: "a", 0.0: "b", False: "c"}, {-1: 1, -2: 2})
