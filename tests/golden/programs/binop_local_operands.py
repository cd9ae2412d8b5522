# `a OP b` on two local variables compiles to borrowed operand loads
# (LOAD_FAST_BORROW, LOAD_FAST_BORROW_2, BINARY_OP with borrowed operands):
# no reference is taken for either. Every way out of those three
# instructions must leave the counts right: a normal result, an operator
# that raises, an operand that is unbound (first or second), the same
# variable on both sides, in-place operators, operators that run Python
# code which rebinds other names, and generators suspended around them.
# Under ASan with leak checking a count off by one either way is a report.


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + other.x)

    def __sub__(self, other):
        if other.x == 0:
            raise ValueError("zero")
        return Vec(self.x - other.x)

    def __mul__(self, other):
        global last
        last = Vec(self.x * other.x)  # rebinds a global while the operands are borrowed
        return last

    def __repr__(self):
        return "Vec(%r)" % (self.x,)


last = None


def arithmetic(a, b):
    c = a + b
    d = c * c
    e = d - a
    return a, b, c, d, e


def raising(a, z):
    try:
        return a - z
    except ValueError as err:
        return "ValueError: %s, operands still %r %r" % (err, a, z)


def unbound_first(flag):
    if flag:
        p = 1.5
    q = 2.5
    return p * q


def unbound_second(flag):
    p = [1, 2]
    if flag:
        q = [3]
    return p + q


def floats(n):
    x = 0.5
    y = 1.25
    total = 0.0
    for i in range(n):
        t = x * y
        total = total + t
        x = t - x
    return total


def inplace(a, b):
    a += b
    return a


def gen(a, b):
    for _ in range(3):
        s = a + b
        yield s
        a = s


print(arithmetic(Vec(2), Vec(3)))
print(arithmetic(2.5, 4.0))
print(raising(Vec(5), Vec(0)))
print(raising(Vec(5), Vec(1)))
for fn in (unbound_first, unbound_second):
    for flag in (True, False):
        try:
            print(fn.__name__, flag, fn(flag))
        except UnboundLocalError as err:
            print(fn.__name__, flag, "UnboundLocalError:", err)
        except TypeError as err:
            print(fn.__name__, flag, "TypeError:", err)
print(round(floats(1000), 6))
lst = [1]
print(inplace(lst, [2]), lst, inplace((1,), (2,)), inplace(1.5, 2.25))
print(list(gen(1.5, 2.0)), list(gen("x", "y")))
g = gen(Vec(1), Vec(2))
print(next(g))
g.close()
print(last)
