print(None, True, False, 0, -1, 1.5, "s", b"b", [1], (1,), {1: 2}, set(), {1}, range(2), ...)
print(repr(None), repr(...), str([None, "a"]), str(("x",)), [1.0, 2.50, -0.0])
print(int, float, str, list, dict, type(None), print, len)
