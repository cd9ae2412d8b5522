a = [5, 3, 8, 1]
b = a
b += [9]
print(a is b, a)
a[1:3] if False else None
print(a * 0, [] * 5, [1] == [1.0], [1, [2, 3]] == [1, [2, 3]], [3] > [2, 9])
nested = [[1, 2], [3, 4]]
print([x for row in nested for x in row], sum(nested, []) if False else len(nested))
print(list(map(str, a)), ",".join(map(str, a)), sorted(a, key=lambda v: (v % 2, v)))
x = [1, 2, 3]
x.extend(range(2))
x.extend("ab")
print(x, x.index("a"), x.count(1))
