a = list(range(10))
a[2:5] = ["x", "y"]; print(a)
a[:0] = [-1, -2]; print(a)
a[len(a):] = (7, 8); print(a)
a[::2] = "ABCDEFG"[:len(a[::2])]; print(a)
del a[1:3]; print(a)
del a[::3]; print(a)
a[5:2] = [99]; print(a)
a[:] = a; print(a)
a[:] = (i * i for i in range(4)); print(a)
b = [1, 2, 3, 4, 5, 6]
del b[::-2]; print(b)
b[::-1] = [7, 8, 9]; print(b)
b[-2:] = []; print(b)
try:
    b[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    b[1:2] = 5
except TypeError as e:
    print(e)
perm = [3, 1, 2, 0]
k = perm[0]
perm[:k + 1] = perm[k::-1]; print(perm)
