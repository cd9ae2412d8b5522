# Properties with inheritance: overriding only the setter via
# @Base.prop.setter, super() inside property getters and setters (through
# super().prop and Base.prop.fset), property copies being independent, and
# the 3.11 AttributeError messages for missing setters and deleters.
class Shape:
    def __init__(self, width):
        self._width = width

    @property
    def width(self):
        "the width"
        return self._width

    @width.setter
    def width(self, value):
        print("  Shape.width.setter", value)
        if value < 0:
            raise ValueError("width must be >= 0")
        self._width = value

    @property
    def area(self):
        return self._width * self._width

    @property
    def kind(self):
        return "shape"


class Square(Shape):
    @Shape.width.setter
    def width(self, value):
        print("  Square.width.setter", value)
        Shape.width.fset(self, round(value))

    @property
    def kind(self):
        return "square<" + super().kind + ">"


class Logged(Square):
    @property
    def width(self):
        print("  Logged.width getter")
        return super().width

    @width.setter
    def width(self, value):
        print("  Logged.width setter", value)
        super(Logged, type(self)).width.__set__(self, value * 2)


s = Shape(3)
s.width = 4
print(s.width, s.area, s.kind)
q = Square(2)
q.width = 5.6
print(q.width, q.area, q.kind, Square.width.__doc__)
lg = Logged(1)
lg.width = 3.2
print(lg.width, lg.area, lg.kind)
try:
    lg.width = -1
except ValueError as e:
    print("ValueError:", e)
print(Shape.width is Square.width, Shape.width.fget is Square.width.fget,
      Shape.width.fset is Square.width.fset, Logged.width.fdel)

for obj, attr in ((s, "area"), (q, "kind")):
    try:
        setattr(obj, attr, 1)
    except AttributeError as e:
        print("AttributeError:", e)
for obj, attr in ((s, "width"), (lg, "area")):
    try:
        delattr(obj, attr)
    except AttributeError as e:
        print("AttributeError:", e)


class Celsius:
    def __init__(self):
        self._t = 0.0

    def _get(self):
        return self._t

    def _set(self, v):
        self._t = float(v)

    def _del(self):
        print("  reset")
        self._t = 0.0

    temp = property(_get, _set, _del, "temperature in C")
    readonly = property(_get)


c = Celsius()
c.temp = 21
print(c.temp, Celsius.temp.__doc__, Celsius.readonly.__doc__)
del c.temp
print(c.temp)
print(c.readonly, Celsius.readonly.fset, Celsius.temp.fdel.__name__)

p1 = property(lambda self: 1)
p2 = p1.setter(lambda self, v: None)
p3 = p2.deleter(lambda self: None)
print(p1 is p2, p1.fset, p2.fset is p3.fset, p3.fdel is not None, p1.fget is p3.fget)


class Base:
    def __init__(self):
        self._items = []

    @property
    def items(self):
        return tuple(self._items)

    @items.setter
    def items(self, values):
        self._items = list(values)


class Sorted(Base):
    @Base.items.setter
    def items(self, values):
        super(Sorted, Sorted).items.fset(self, sorted(values))


class Counted(Sorted):
    sets = 0

    @Sorted.items.setter
    def items(self, values):
        type(self).sets += 1
        Sorted.items.fset(self, values)


obj = Counted()
obj.items = [3, 1, 2]
obj.items = "cab"
print(obj.items, Counted.sets, Base.items.fset is Sorted.items.fset)
plain = Base()
plain.items = [3, 1, 2]
print(plain.items)


class Shadow:
    x = property(lambda self: "property wins")


sh = Shadow()
sh.__dict__["x"] = "dict value"
print(sh.x, sh.__dict__)
Shadow.x = "plain class attr"
print(sh.x)
try:
    property(1, 2)(None)
except TypeError as e:
    print("TypeError:", e)
try:
    property(1).__get__(sh, Shadow)
except TypeError as e:
    print("TypeError:", e)
