add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda: "no args")(), (lambda *a: len(a))(1, 2, 3))
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
fs = {name: (lambda n: lambda x: x ** n)(p) for name, p in [("sq", 2), ("cube", 3)]}
print(fs["sq"](4), fs["cube"](2))
