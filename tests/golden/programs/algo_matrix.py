def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) if False else sum([a[i][k] * b[k][j] for k in range(len(b))]) for j in range(len(b[0]))] for i in range(len(a))]
m = [[1, 2], [3, 4]]
print(matmul(m, m), matmul([[1, 0], [0, 1]], m))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(ident, [list(r) for r in zip(*m)])
