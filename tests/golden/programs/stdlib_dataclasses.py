# dataclasses: fields in order with defaults and factories, repr/eq/order,
# frozen, hashing rules, inheritance, __post_init__ with InitVar, ClassVar,
# asdict/astuple/replace/fields, and __init__'s argument errors.
from dataclasses import FrozenInstanceError, InitVar, asdict, astuple, dataclass, field, fields, is_dataclass, replace
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != (1, 2))
print(Point.__match_args__, [f.name for f in fields(Point)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__hash__, Point.__init__.__qualname__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default="", compare=False)


versions = [Version(1, 2), Version(1, 0, "rc"), Version(0, 9)]
print(sorted(versions), Version(1, 2) < Version(1, 3), Version(1) <= Version(1, 0, "x"), max(versions))
print(hash(Version(1, 2)) == hash(Version(1, 2, "other")), len({Version(1), Version(1, 0, "a")}))
try:
    versions[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    del versions[0].minor
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class Inventory:
    owner: str
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: ClassVar[int] = 0
    secret: str = field(default="hidden", repr=False, init=False)

    def add(self, item):
        self.items.append(item)
        Inventory.total += 1


a, b = Inventory("ann"), Inventory("bob", ["hat"])
a.add("pen")
print(a, b, a.items is not b.items, Inventory.total, a.secret, [f.name for f in fields(a)])


@dataclass
class Base:
    name: str
    size: int = 1


@dataclass
class Derived(Base):
    color: str = "red"
    size: int = 10


print(Derived("d"), Derived("e", 2, "blue"), [f.name for f in fields(Derived)], Derived.__match_args__)


@dataclass
class Scaled:
    value: float
    scale: InitVar[float] = 1.0
    scaled: float = field(init=False)

    def __post_init__(self, scale):
        self.scaled = self.value * scale


print(Scaled(2.0), Scaled(2.0, 3.0), [f.name for f in fields(Scaled)])


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = field(hash=False)


print(hash(Key(1, "x")) == hash(Key(1, "y")), Key(1, "x") == Key(1, "y"))


@dataclass(eq=False)
class Identity:
    v: int


print(Identity(1) == Identity(1), Identity.__hash__ is object.__hash__ or callable(Identity.__hash__))


@dataclass
class Tree:
    label: str
    children: list = field(default_factory=list)
    point: Point = None


t = Tree("root", [Tree("leaf", point=Point(1, 1))], Point(0, 0))
print(asdict(t))
print(astuple(t))
print(replace(p, y=9), p, replace(Version(1, 2, "a"), tag="b"))


@dataclass
class WithRepr:
    a: int

    def __repr__(self):
        return "custom"


print(WithRepr(1), WithRepr(1) == WithRepr(1))

for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
             lambda: Inventory(), lambda: Inventory("x", secret="y")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
for make in ("mutable", "order", "both", "nondefault"):
    try:
        if make == "mutable":
            @dataclass
            class Bad:
                items: list = []
        elif make == "order":
            @dataclass(order=True, eq=False)
            class Bad:
                a: int
        elif make == "both":
            field(default=1, default_factory=list)
        else:
            @dataclass
            class Bad:
                a: int = 1
                b: int
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    replace(Scaled(1.0), scaled=2.0)
except ValueError as e:
    print("ValueError:", e)
try:
    asdict(Point)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class OwnInit:
    x: int

    def __init__(self, x):
        self.x = x * 2


@dataclass
class OwnHash:
    x: int

    def __eq__(self, other):
        return True

    def __hash__(self):
        return 7


print(OwnInit(3), hash(OwnHash(1)), OwnHash(1) == OwnHash(2))
