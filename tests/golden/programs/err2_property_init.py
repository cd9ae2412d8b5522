# Errors raised from object machinery: __init__ validation, a property
# getter and setter, a classmethod constructor, __getitem__, and an
# AttributeError raised inside a property (which does not fall back to
# __getattr__ when there is none). The uncaught error comes from a property
# evaluated inside a method called from __init__ of a subclass.
class Temperature:
    def __init__(self, celsius):
        if not isinstance(celsius, (int, float)):
            raise TypeError(f"celsius must be a number, not {type(celsius).__name__}")
        self._celsius = celsius

    @property
    def kelvin(self):
        return self._celsius + 273.15

    @kelvin.setter
    def kelvin(self, value):
        if value < 0:
            raise ValueError(f"{value} K is below absolute zero")
        self._celsius = value - 273.15

    @classmethod
    def parse(cls, text):
        number, unit = text[:-1], text[-1]
        return cls(float(number)) if unit == "C" else cls.from_f(float(number))

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    def __repr__(self):
        return f"Temperature({self._celsius:.1f})"


class Series:
    def __init__(self, readings):
        self.readings = [Temperature.parse(r) for r in readings]

    def __getitem__(self, i):
        return self.readings[i]

    @property
    def mean(self):
        return sum(t._celsius for t in self.readings) / len(self.readings)


s = Series(["20C", "68F", "-5C"])
print(s.readings, round(s.mean, 2), s[1].kelvin)
t = Temperature(10)
t.kelvin = 300
print(t, round(t.kelvin, 2))
for attempt in (lambda: Temperature("hot"), lambda: setattr(t, "kelvin", -1),
                lambda: Temperature.parse("12X3F"), lambda: s[7], lambda: Series([]).mean,
                lambda: t.fahrenheit, lambda: Temperature.kelvin.fset(t, -2)):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Report(Series):
    def __init__(self, title, readings):
        super().__init__(readings)
        self.title = title
        self.summary = self.describe()

    def describe(self):
        return f"{self.title}: mean {self.mean:.1f} over {len(self.readings)}"

    @property
    def mean(self):
        spread = self.readings[-1]._celsius - self.readings[0].degrees
        return super().mean + spread


print(Report.__mro__[1].__name__)
r = Report("week", ["1C", "2C"])
print("not reached", r.summary)
