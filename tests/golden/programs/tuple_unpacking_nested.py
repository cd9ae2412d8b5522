(a, b), c = (1, 2), 3
print(a, b, c)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
first, *_, last = range(10)
print(first, last)
a = b = c = 7
print(a, b, c)
a, b = b, a + b
print(a, b)
