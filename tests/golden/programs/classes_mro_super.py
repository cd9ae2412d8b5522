# Multiple inheritance: C3 linearisation (the classic diamond and a deeper
# example), cooperative super() through the MRO, super() with arguments,
# and the TypeError for an inconsistent hierarchy.
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Diamond")

    def hello(self):
        return "Diamond>" + super().hello()


d = Diamond()
print([c.__name__ for c in Diamond.__mro__])
print(d.trail, d.hello())
print(super(Left, d).hello(), super(Diamond, d).hello())


class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


print([c.__name__ for c in Z.__mro__])
print(Z.mro() == list(Z.__mro__), issubclass(Z, (E, int)), isinstance(Z(), (str, K3)))

try:
    class X(A, B): pass
    class Y(B, A): pass
    class Bad(X, Y): pass
except TypeError as e:
    print("TypeError:", e)


class Mixin:
    def describe(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))


class Pair(Mixin):
    def __init__(self, a, b):
        self.a, self.b = a, b


print(Pair(1, "x").describe())
