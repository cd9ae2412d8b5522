# Attribute lookup: instance and class attributes, properties with setters
# and deleters, __getattr__/__setattr__, descriptors, __dict__, __slots__.
class Temperature:
    unit = "C"
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        """degrees Celsius"""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(100)
print(t.celsius, t.fahrenheit, t.unit, Temperature.unit, Temperature.celsius.__doc__)
t.celsius = 20
print(t.celsius, t.fahrenheit, sorted(vars(t)))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"), hasattr(t, "celsius"))
t.unit = "K"
print(t.unit, Temperature.unit, t.__dict__)
Temperature.unit = "F"
print(Temperature(1).unit)

class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        print("set", name)
        self._fields[name] = value
    def __delattr__(self, name):
        del self._fields[name]
r = Record(a=1, b=2)
r.c = 3
print(r.a, r.b, r.c, getattr(r, "zz", "default"))
del r.a
print(hasattr(r, "a"), sorted(r._fields))

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, type(Person.name).__name__, sorted(p.__dict__))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)

class Slotted:
    __slots__ = ["a", "b"]
s = Slotted()
s.a = 1
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)

class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
        self.__class__.last = self
for _ in range(3):
    Counter()
print(Counter.instances, Counter.last.__class__.__name__)
print(getattr(Counter, "missing", None), callable(Counter), callable(Counter()), callable(len))
try:
    Counter().nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter.nothing
except AttributeError as e:
    print("AttributeError:", e)
