t = (1, "a", 2.5)
print(t, len(t), t[1], t[-1], t[0:2], t + (3,), t * 2, (1,), ())
a, b, c = t
print(a, b, c)
x, *rest = range(5)
*init, last = "abcd"
first, *mid, end = [1, 2, 3, 4, 5]
print(x, rest, init, last, first, mid, end)
print((1, 2) == (1, 2), (1, 2) < (1, 3), hash((1, 2)) == hash((1, 2)), tuple([1, 2]), tuple("ab"))
