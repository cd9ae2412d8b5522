# dataclasses' checks and generated pieces: recursive reprs ("..."), the
# unhashable-default check, class-definition errors (no annotation,
# ClassVar with a factory, defaults order across inheritance, frozen
# mixing, overwritten methods), frozen errors, eq=False, unsafe_hash and
# explicit __hash__, field metadata, __doc__ (kept or generated),
# generated method names, and asdict/astuple through namedtuples.
from collections import namedtuple
from dataclasses import FrozenInstanceError, asdict, astuple, dataclass, field, fields, is_dataclass, replace
from typing import ClassVar, Dict, List, Optional


def attempt(make):
    try:
        result = make()
        print("ok", result)
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)


@dataclass
class Node:
    value: int
    children: List["Node"] = field(default_factory=list)
    parent: Optional["Node"] = None


root = Node(1)
root.children.append(Node(2, parent=root))
print(root)
print(root.children[0])


@dataclass
class Box:
    item: object = None


b = Box()
b.item = [b, {"self": b}, (b,)]
print(b, [Box(Box(Box()))])


class NoHash:
    __hash__ = None

    def __repr__(self):
        return "NoHash()"


for default in ([], {}, set(), NoHash(), (), frozenset(), "s", None):
    def define(default=default):
        @dataclass
        class M:
            x: object = default

        return M()

    attempt(define)


def no_annotation():
    @dataclass
    class T:
        a: int
        b = field(default=1)


def classvar_factory():
    @dataclass
    class T:
        a: ClassVar[list] = field(default_factory=list)


def classvar_kw_only():
    @dataclass
    class T:
        a: ClassVar[int] = field(default=1, kw_only=True)


def order_inherited():
    @dataclass
    class Base:
        x: int = 0

    @dataclass
    class Child(Base):
        y: int


def own_lt():
    @dataclass(order=True)
    class T:
        a: int

        def __lt__(self, other):
            return True


def own_setattr():
    @dataclass(frozen=True)
    class T:
        a: int

        def __setattr__(self, name, value):
            pass


def own_hash_unsafe():
    @dataclass(unsafe_hash=True)
    class T:
        a: int

        def __hash__(self):
            return 1


def thaw():
    @dataclass(frozen=True)
    class F:
        a: int

    @dataclass
    class G(F):
        b: int = 0


def both():
    return field(default=1, default_factory=list)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class T:
        a: int


for bad in (no_annotation, classvar_factory, classvar_kw_only, order_inherited, own_lt, own_setattr, own_hash_unsafe,
            thaw, both, order_without_eq):
    attempt(bad)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2
    x: int = 5


print(Child(), Child(7, 8, 9), [f.name for f in fields(Child)], Child.__doc__)


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
    cache: ClassVar[Dict[str, int]] = {}


c = Coord(1.0, 2.0)
for op in (lambda: setattr(c, "lat", 0.0), lambda: setattr(c, "new", 1), lambda: delattr(c, "lon"),
           lambda: delattr(c, "nothing")):
    try:
        op()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(c) == hash((1.0, 2.0)), Coord.__setattr__.__qualname__, Coord.__hash__.__qualname__, Coord.cache)


@dataclass(eq=False)
class Ident:
    v: int


i1, i2 = Ident(1), Ident(1)
print(i1 == i2, i1 == i1, i1 != i2, len({i1, i2}), "__eq__" in Ident.__dict__)


@dataclass(unsafe_hash=True)
class Tagged:
    name: str
    tags: tuple = field(default=(), hash=False)
    weight: int = field(default=0, compare=False)


print(hash(Tagged("a", ("x",))) == hash(("a",)), Tagged("a", weight=1) == Tagged("a", weight=2))


@dataclass
class Custom:
    """A class with its own docstring."""
    a: int

    def __eq__(self, other):
        return True

    def __repr__(self):
        return "Custom!"


print(Custom.__doc__, Custom(1) == Custom(2), Custom(1), Custom.__hash__)
print(Base.__init__.__qualname__, Base.__repr__.__name__, Base.__eq__.__qualname__, Base.__hash__)

meta = field(default=3, metadata={"unit": "cm"})


@dataclass
class Measured:
    size: int = meta
    weight: int = field(default=1, repr=False)


mf = fields(Measured)
print(mf[0].metadata, mf[0].metadata["unit"], len(mf[1].metadata), mf[0].kw_only, mf[1].repr, Measured())
Pt = namedtuple("Pt", "x y")


@dataclass
class Path:
    points: List[Pt]
    meta: Dict[str, object]
    pair: tuple


path = Path([Pt(Measured(), 2)], {"first": Pt(1, Measured(4))}, (Measured(5), [Measured(6)]))
print(asdict(path))
print(astuple(path))
print(type(asdict(path)["points"][0]).__name__, is_dataclass(path), is_dataclass(Path), is_dataclass(Pt(1, 2)))
attempt(lambda: replace(path, points=[]))
attempt(lambda: replace(path, colour=1))
attempt(lambda: astuple(Path))
attempt(lambda: fields(object()))
