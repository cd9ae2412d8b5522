a, b, c = 1, 2, 3
print(a < b < c, a < c < b, a == 1 == 1.0, 1 < 2 > 1, a is a, a is not b)
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "B" < "a")
print(1 in [1, 2], 3 not in (1, 2), "ell" in "hello", 2 in range(1, 5), 5 in range(1, 5))
print(None is None, not None, not 0, not "", not [0])
