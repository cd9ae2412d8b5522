# Special methods: operators (with reflected and in-place forms), comparisons,
# hashing, containers, iteration, calls, truth, NotImplemented.
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __bool__(self):
        return bool(self.x or self.y)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a, abs(b))
print(a == Vec(1, 2), a != b, a < b, b > a, sorted([b, a]))
print(len({a, Vec(1, 2), b}), bool(Vec(0, 0)), bool(a))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a.z = 5
except AttributeError as e:
    print("AttributeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __call__(self, *args, **kw):
        return ("called", args, sorted(kw.items()))

acc = Acc()
acc += 5
acc += 6
acc += 7
acc[0] = 50
del acc[1]
print(len(acc), acc[0], acc[-1], 7 in acc, 6 in acc, list(acc), acc(1, 2, k=3))
print(bool(Acc()), [x for x in acc])

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
print(list(Countdown(4)), sum(Countdown(10)), max(Countdown(3)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __format__(self, spec):
        return format(str(self), spec)
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return Money(self.cents + other)
    def __int__(self):
        return self.cents
m = Money(1234)
print(str(m), f"[{m:>10}]", sum([Money(1), Money(2)], 0), repr(m)[:14])
print(1 + m)

class Weird:
    def __eq__(self, o):
        return "eq!"
print(Weird() == 3, Weird() != 3)
try:
    hash(Weird())
except TypeError as e:
    print("TypeError:", e)
