print([x * x for x in range(6)], [x for x in range(10) if x % 3 == 0])
print([(i, j) for i in range(3) for j in range(i)], [c.upper() for c in "abc"])
print({k: v for k, v in zip("abc", range(3))}, [[j for j in range(i)] for i in range(4)])
x = 10
print([x for x in range(3)], x)
def f(n):
    return [i * n for i in range(3)]
print(f(5), sum(x for x in [1]) if False else sum([x for x in range(101)]))
print([y for y in [1, 2, 3] if (z := y * 2) > 2], z)
