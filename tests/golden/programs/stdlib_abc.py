# abc: abstract methods (plain, property, class and static) block
# instantiation until every one is overridden, with CPython's message.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


for cls, args in ((Shape, ()), (Half, ()), (Square, (3,))):
    try:
        s = cls(*args)
        print(s.describe(), s.perimeter())
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Square.__abstractmethods__))
print(isinstance(Square(1), Shape), issubclass(Square, ABC))


class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        ...


class Concrete(Named):
    @property
    def name(self):
        return "concrete"


try:
    Named()
except TypeError as e:
    print("TypeError:", e)
print(Concrete().name)


class Plain(ABC):
    def ok(self):
        return "no abstract methods"


print(Plain().ok())


class Factory(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Maker(Factory):
    @classmethod
    def make(cls):
        return cls.__name__

    @staticmethod
    def kind():
        return "static"


try:
    Factory()
except TypeError as e:
    print("TypeError:", e)
print(Maker.make(), Maker().kind())
