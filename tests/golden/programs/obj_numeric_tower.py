# Numeric classes: a Vector2 with every binary operator, its reflected
# form and its in-place form (each call traced), in-place methods returning
# NotImplemented falling back to the binary ones, a Money type refusing
# mixed currencies, the exact TypeError texts for each operator symbol, and
# the conversion hooks used by int(), float() and round().
import math

TRACE = []


def traced(name, op, reflected=False):
    def method(self, other):
        TRACE.append(name)
        if isinstance(other, Vector2):
            ox, oy = other.x, other.y
        elif isinstance(other, (int, float)):
            ox = oy = other
        else:
            return NotImplemented
        if reflected:
            return Vector2(op(ox, self.x), op(oy, self.y))
        return Vector2(op(self.x, ox), op(self.y, oy))
    method.__name__ = name
    return method


class Vector2:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Vector2) and (self.x, self.y) == (other.x, other.y)

    __hash__ = None

    def __matmul__(self, other):
        TRACE.append("__matmul__")
        return self.x * other.x + self.y * other.y if isinstance(other, Vector2) else NotImplemented

    def __neg__(self):
        return Vector2(-self.x, -self.y)

    def __pos__(self):
        return Vector2(+self.x, +self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __invert__(self):
        return Vector2(self.y, self.x)

    def __bool__(self):
        return bool(self.x or self.y)


OPS = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "truediv": lambda a, b: a / b, "floordiv": lambda a, b: a // b, "mod": lambda a, b: a % b,
    "pow": lambda a, b: a ** b, "lshift": lambda a, b: a << b, "rshift": lambda a, b: a >> b,
    "and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b,
}
for _name, _op in OPS.items():
    setattr(Vector2, "__%s__" % _name, traced("__%s__" % _name, _op))
    setattr(Vector2, "__r%s__" % _name, traced("__r%s__" % _name, _op, reflected=True))
for _name in ("add", "mul", "or"):
    setattr(Vector2, "__i%s__" % _name, traced("__i%s__" % _name, OPS[_name]))


def show(label, value):
    print(label, value, TRACE)
    TRACE.clear()


a, b = Vector2(6, 9), Vector2(4, 2)
show("a+b", a + b)
show("a-1", a - 1)
show("1-a", 1 - a)
show("2/b", 2 / b)
show("a//b a%b", (a // b, a % b))
show("7//b", 7 // b)
show("a**2 2**b", (a ** 2, 2 ** b))
show("a<<1 256>>b", (a << 1, 256 >> b))
show("a&3 3|a 5^a", (a & 3, 3 | a, 5 ^ a))
show("a@b", a @ b)
show("pow(b,2)", pow(b, 2))
c = a
c += b
show("c+= (iadd)", (c, c is a))
c -= 1
show("c-= (no isub)", (c, c is a))
c *= 2
show("c*= (imul)", c)
c |= 1
show("c|= (ior)", c)
show("unary", (-a, +a, abs(Vector2(3, 4)), ~a, bool(Vector2(0, 0)), not a))
for op in (lambda: a + "x", lambda: "x" - a, lambda: a @ 3, lambda: a < b, lambda: a // "x",
           lambda: pow(a, 2, 3), lambda: a ** None, lambda: {a}):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
TRACE.clear()


class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount, self.currency = amount, currency

    def __repr__(self):
        return "%s %d.%02d" % (self.currency, *divmod(self.amount, 100))

    def _same(self, other):
        return isinstance(other, Money) and other.currency == self.currency

    def __add__(self, other):
        if other == 0:
            return self
        return Money(self.amount + other.amount, self.currency) if self._same(other) else NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        return Money(self.amount - other.amount, self.currency) if self._same(other) else NotImplemented

    def __isub__(self, other):
        print("  __isub__ declines")
        return NotImplemented

    def __mul__(self, k):
        return Money(round(self.amount * k), self.currency) if isinstance(k, (int, float)) else NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if self._same(other):
            return self.amount / other.amount
        if isinstance(other, (int, float)):
            return Money(round(self.amount / other), self.currency)
        return NotImplemented

    def __int__(self):
        return self.amount // 100

    def __float__(self):
        return self.amount / 100

    def __round__(self, ndigits=None):
        return Money(round(self.amount, -2), self.currency) if ndigits is None else self


m = Money(1999)
print(m + Money(1), sum([Money(250), Money(50)]), 3 * m, m * 0.5, m / 4, m / Money(500))
m2 = m
m2 -= Money(999)
print(m2, m, m2 is m)
print(int(m), float(m), round(m), round(m, 1), math.floor(float(m)), math.ceil(float(m)))
def isub_str():
    global m
    m -= "x"


for op in (lambda: m + Money(1, "USD"), lambda: m - 1, lambda: m * m, lambda: 1 / m, isub_str,
           lambda: m % 3, lambda: -m):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
