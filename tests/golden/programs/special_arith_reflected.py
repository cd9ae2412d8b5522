# Arithmetic special methods: forward, reflected (__radd__ when the left
# operand returns NotImplemented or lacks the method, and first when the
# right operand is a subclass that overrides it), in-place (__iadd__, and
# the fallback to __add__), unary operators, and the TypeError when both
# sides give NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print("  radd", type(other).__name__)
        return self.__add__(other)

    def __mul__(self, k):
        return Money(self.cents * k) if isinstance(k, int) else NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents)

    def __abs__(self):
        return Money(abs(self.cents))

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents if isinstance(other, Money) else NotImplemented


print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5), sum([Money(1), Money(2)], Money(0)))
print(sum([Money(1), Money(2)]))
print(Money(3) * 4, 4 * Money(3), -Money(2), abs(Money(-9)))
print(sorted([Money(3), Money(1), Money(2)]), Money(1) == Money(1), Money(1) != Money(2))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" * Money(2)
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) < 5
except TypeError as e:
    print("TypeError:", e)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
m = Money(1)
m2 = m
m += 5  # no __iadd__: __add__ makes a new object
print(m, m2, m is m2)


class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


print(Base() + Derived(), Derived() + Base(), 1 + Base())


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))

    def __pow__(self, n, mod=None):
        return Vec(*(x ** n if mod is None else pow(x, n, mod) for x in self.xs))

    def __floordiv__(self, k):
        return Vec(*(x // k for x in self.xs))

    def __mod__(self, k):
        return Vec(*(x % k for x in self.xs))

    def __lshift__(self, k):
        return Vec(*(x << k for x in self.xs))

    def __and__(self, other):
        return Vec(*(a & b for a, b in zip(self.xs, other.xs)))

    def __invert__(self):
        return Vec(*(~x for x in self.xs))

    def __repr__(self):
        return "Vec%r" % (self.xs,)


v = Vec(1, 2, 3)
print(v @ Vec(4, 5, 6), v ** 2, pow(v, 3, 5), v // 2, v % 2, v << 2, v & Vec(3, 3, 3), ~v)
v @= Vec(1, 1, 1)
print(v)
