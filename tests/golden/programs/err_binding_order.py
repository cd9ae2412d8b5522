# The order and wording of argument-binding errors.
def f(a, b, c=1):
    pass
def g(a, *, k):
    pass
def h(a, b, **kw):
    pass
def one(a):
    pass
def none():
    pass
def kwo(a, *, x=1, y=2):
    pass
calls = [
    lambda: f(1, 2, 3, 4, z=1),
    lambda: f(1, 2, 3, 4, a=1),
    lambda: f(1, 2, 3, 4),
    lambda: g(1, 2, k=3),
    lambda: g(1, 2),
    lambda: h(1, 2, 3, q=4),
    lambda: one(1, 2),
    lambda: none(1),
    lambda: kwo(1, 2, x=3),
    lambda: kwo(1, 2, x=3, y=4),
    lambda: kwo(1, 2, 3, y=4),
    lambda: f(),
    lambda: f(1, c=2, d=3),
]
for c in calls:
    try:
        c()
        print("ok")
    except TypeError as e:
        print(e)
