def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, 2, a=3), h(*[1, 2], **{"k": 5}), h(*"ab", *(1,)))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print((lambda *a, **k: (a, k))(1, x=2), (lambda x, y=3: x * y)(2))
