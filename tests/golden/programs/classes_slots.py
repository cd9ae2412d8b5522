# __slots__: no __dict__, assignment limited to the slots, inheritance
# (a subclass without __slots__ gets a __dict__), slots with defaults via
# class attributes being an error, and __slots__ as a string.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(1, 2)
print(p, hasattr(p, "__dict__"), Point.__slots__)
p.x += 10
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p)


class Point3(Point):
    __slots__ = "z"

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


q = Point3(1, 2, 3)
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
try:
    q.w = 0
except AttributeError as e:
    print("AttributeError:", e)


class Loose(Point):
    pass


r = Loose(0, 0)
r.extra = "ok"
print(r.extra, r.__dict__, r.x)

try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
print(sorted(k for k in Point.__dict__ if not k.startswith("__") or k == "__slots__"))
