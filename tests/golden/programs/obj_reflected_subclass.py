# A right operand of a subclass goes first: reflected arithmetic and comparisons.
class D(dict):
    def __ror__(self, other):
        return "D.__ror__"
print({} | D(), D() | {}, {"a": 1} | D(b=2) if False else "")
class L(list):
    def __radd__(self, other):
        return "L.__radd__"
print([] + L(), L([1]) + [2])
class Plain(list):
    pass
print([1] + Plain([2]), type([1] + Plain([2])).__name__)
class Base:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("Base.__lt__", type(self).__name__, type(other).__name__)
        return self.v < other.v
    def __gt__(self, other):
        print("Base.__gt__", type(self).__name__, type(other).__name__)
        return self.v > other.v
    def __eq__(self, other):
        print("Base.__eq__", type(self).__name__, type(other).__name__)
        return self.v == other.v
    __hash__ = object.__hash__
class Sub(Base):
    def __gt__(self, other):
        print("Sub.__gt__")
        return NotImplemented
class Sub2(Base):
    pass
print(Base(1) < Sub(2))
print(Base(1) < Sub2(2))
print(Base(1) == Sub2(1))
print(Sub(1) < Base(2))
x = {}
x |= D()
print(type(x).__name__)
