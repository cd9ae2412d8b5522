def make(n, *, scale=2):
    def f(x, y=n):
        return (x + y) * scale
    return f
print(make(1)(2), make(1, scale=3)(2, 5))
def kwonly(*, a, b=2):
    return a, b
print(kwonly(a=1), kwonly(b=3, a=0))
