# property with getter, setter and deleter (decorator and call forms),
# staticmethod and classmethod (called on the class, an instance and a
# subclass), and a property inherited and overridden.
class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f, doc="degrees Fahrenheit")

    @staticmethod
    def freezing():
        return 0

    @classmethod
    def describe(cls):
        return "%s in %s" % (cls.__name__, cls.scale)

    @classmethod
    def from_f(cls, f):
        t = cls(0)
        t.fahrenheit = f
        return t


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.freezing(), t.freezing(), Temperature.describe(), t.describe())
print(type(Temperature.__dict__["freezing"]).__name__, type(Temperature.__dict__["describe"]).__name__)
print(Temperature.fahrenheit.__doc__, isinstance(Temperature.celsius, property))


class Kelvin(Temperature):
    scale = "K"

    @property
    def celsius(self):
        return round(super().celsius, 2)


k = Kelvin.from_f(50)
print(type(k).__name__, k.celsius, Kelvin.describe())
try:
    k.celsius = 3
except AttributeError as e:
    print("AttributeError:", e)


class ReadOnly:
    @property
    def value(self):
        return 42


try:
    ReadOnly().value = 1
except AttributeError as e:
    print("AttributeError:", e)
