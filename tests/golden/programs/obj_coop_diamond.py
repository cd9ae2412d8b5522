# Cooperative multiple inheritance: **kwargs threaded through a diamond by
# super().__init__, each class consuming its own keywords, leftovers
# reaching object.__init__ (TypeError), super() in classmethods, __new__
# and __repr__ along the MRO, and a mixin inserted between two classes.
class Root:
    def __init__(self, **kwargs):
        print("  Root.__init__ leftover", sorted(kwargs))
        super().__init__(**kwargs)

    def describe(self):
        return ["Root"]

    @classmethod
    def chain(cls):
        return ["Root@" + cls.__name__]


class Named(Root):
    def __init__(self, name, **kwargs):
        print("  Named.__init__", name)
        self.name = name
        super().__init__(**kwargs)

    def describe(self):
        return ["Named:" + self.name] + super().describe()

    @classmethod
    def chain(cls):
        return ["Named"] + super().chain()


class Sized(Root):
    def __init__(self, size=1, **kwargs):
        print("  Sized.__init__", size)
        self.size = size
        super().__init__(**kwargs)

    def describe(self):
        return ["Sized:%d" % self.size] + super().describe()

    @classmethod
    def chain(cls):
        return ["Sized"] + super().chain()


class Widget(Named, Sized):
    def __init__(self, colour="grey", **kwargs):
        print("  Widget.__init__", colour)
        self.colour = colour
        super().__init__(**kwargs)

    def describe(self):
        return ["Widget:" + self.colour] + super().describe()

    @classmethod
    def chain(cls):
        return ["Widget"] + super().chain()


print([k.__name__ for k in Widget.__mro__])
w = Widget(name="knob", size=3, colour="red")
print(w.describe())
print(Widget.chain(), Sized.chain())
w2 = Widget(name="dial")
print(w2.describe(), sorted(vars(w2).items()))
try:
    Widget(name="x", weight=5)
except TypeError as e:
    print("TypeError:", e)
try:
    Widget(size=2)
except TypeError as e:
    print("TypeError:", e)


class Tracer:
    def __init__(self, *args, **kwargs):
        print("  Tracer before", type(self).__name__)
        super().__init__(*args, **kwargs)
        print("  Tracer after")


class TracedWidget(Named, Tracer, Sized):
    pass


print([k.__name__ for k in TracedWidget.__mro__])
tw = TracedWidget(name="t", size=7)
print(tw.describe())
print(super(Named, tw).describe(), super(Sized, tw).describe())


class Counted:
    created = []

    def __new__(cls, *args, **kwargs):
        inst = super().__new__(cls)
        Counted.created.append(cls.__name__)
        return inst


class Point(Counted):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return super().__repr__()[:-1] + ", %r)" % self.z


print(Point(1, 2), Point3(1, 2, 3), Counted.created)


class Plain:
    pass


for call in (lambda: Plain(1), lambda: Root(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class A:
    def go(self):
        return "A"


class B(A):
    def go(self):
        return "B>" + super().go()


class C(A):
    def go(self):
        return "C>" + super().go()


class D(B, C):
    def go(self):
        return "D>" + super().go()


d = D()
print(d.go(), super(B, d).go(), super(C, d).go(), C.go(d))
sup = super(D, d)
print(type(sup).__name__, sup.go())
try:
    super(D, A())
except TypeError as e:
    print("TypeError:", e)
try:
    super(B, d).missing
except AttributeError as e:
    print("AttributeError:", e)
