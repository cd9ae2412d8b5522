from enum import Enum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
print(repr(Color), type(Color), repr(Color.RED), str(Color.RED), f"{Color.RED}", f"[{Color.RED:>12}]", Color.CRIMSON is Color.RED, list(Color), list(Color.__members__))
try:
    class C2(Enum):
        A = 1
        A = 2
except TypeError as e: print("TE", e)
try:
    class C3(Color): X = 5
except TypeError as e: print("TE", e)
try: Color.RED = 3
except AttributeError as e: print("AE", e)
try: Color(9)
except ValueError as e: print("VE", e)
try: Color['X']
except KeyError as e: print("KE", e)
try: Color.RED < Color.GREEN
except TypeError as e: print("TE", e)
try:
    @unique
    class S(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print("VE", e)
class P(Flag):
    R = auto(); W = auto(); X = auto()
rw = P.R | P.W
print(repr(rw), str(rw), list(rw), P.R in rw, P.X in rw, bool(P(0)), repr(P(0)), repr(~P.R), repr(P.R|P.W|P.X), repr(rw & P.W), repr(rw ^ P.R), len(rw))
print(P(3), repr(P(7)))
try: P(8)
except ValueError as e: print("VE", e)
A = Enum('Animal', 'ANT BEE CAT')
print(list(A), A.BEE.value, repr(A))
B = Enum('B', [('X', 10), ('Y', 20)])
print(list(B))
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 3))
class Au(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list((m.name, m.value) for m in Au))
class Sn(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    X = auto()
print(Sn.X.value)
print(type(Color).__name__, Color.__members__['CRIMSON'])
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), issubclass(Color, Enum))
class Shape(Enum):
    SQUARE = 2
    @classmethod
    def _missing_(cls, value):
        return cls.SQUARE
print(Shape(99))
print(Color._member_names_, Color._value2member_map_)
import copy; print(copy.deepcopy(Color.RED) is Color.RED)
print(P.R.name, rw.name, P(0).name, rw.value)
class Empty(Enum):
    def hello(self): return 1
class Ext(Empty):
    A = 1
print(Ext.A.hello())
print(sorted([Color.GREEN, Color.RED], key=lambda c: c.value))
print(str(P(0)), format(P.R|P.W), P.R.__class__.__qualname__)
print(Color.RED.__class__, Color.RED.name, Color.RED.value, Color.RED._name_)
print(hash(Color.RED) == hash("RED"), {Color.RED: "r"}[Color.CRIMSON])
# Members in a dict, a set and sorted by value; iteration order is definition order.
class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    @classmethod
    def from_name(cls, s):
        return cls[s.upper()]
    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]
print(Weekday.from_name("tuesday"), Weekday.WEDNESDAY.next(), [d.name for d in reversed(Weekday)])
print(len(Weekday), Weekday.MONDAY in Weekday, Color.RED in Weekday)
try:
    Color.RED in rw
except TypeError as e:
    print("TE", e)
