# Inheritance: single and multiple (C3 MRO), super() with and without
# arguments, classmethods and staticmethods through subclasses, subclassing
# built-ins, isinstance/issubclass with tuples, __init_subclass__, type().
class Animal:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Animal.registry.append(cls.__name__)
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes {self.sound()}"
    def sound(self):
        return "a sound"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def kingdom():
        return "animalia"

class Dog(Animal):
    def sound(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
class Cat(Animal):
    def sound(self):
        return "meow"

print(Dog("Rex").speak(), Cat.create("Tom").speak(), Puppy("Bit", 1).speak())
print(Puppy.kingdom(), Dog.create("D").__class__.__name__, Animal.registry)
print(isinstance(Puppy("a", 1), (Cat, Dog)), issubclass(Puppy, Animal), issubclass(Cat, (Dog, int)))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__, Puppy.__base__)

class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super(D, self).who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class E(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s == [1, 2, 3], isinstance(s, list), sum(s), s[1:])

class DefaultDict(dict):
    def __init__(self, default, *args, **kw):
        super().__init__(*args, **kw)
        self.default = default
    def __missing__(self, key):
        return self.default
    def __getitem__(self, key):
        if key in self:
            return super().__getitem__(key)
        return self.__missing__(key)
d = DefaultDict(0, a=1)
d["b"] = 2
print(d["a"], d["b"], d["zz"], sorted(d.items()), len(d), d.default)

class Base:
    def __init__(self):
        self.log = ["Base"]
class Mixin:
    def describe(self):
        return type(self).__name__ + ":" + ",".join(self.log)
class Both(Mixin, Base):
    def __init__(self):
        super().__init__()
        self.log.append("Both")
print(Both().describe())

Point = type("Point", (), {"x": 1, "describe": lambda self: f"Point x={self.x}"})
print(Point().describe(), Point.__name__, type(Point()))

class Meta:
    pass
obj = object()
print(type(obj).__name__, isinstance(obj, object), isinstance(3, object), issubclass(bool, int))

class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in [Sq(3), Shape()]:
    try:
        print(sh.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(Sq.area(Sq(4)), Sq(2).area.__name__, Sq.__dict__["area"].__name__)
