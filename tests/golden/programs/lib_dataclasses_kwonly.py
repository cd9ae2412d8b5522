# dataclasses' keyword-only fields (KW_ONLY, kw_only= on the class and on
# field()), the generated __init__'s errors with them, the class __doc__
# built from the signature, __match_args__, InitVar with __post_init__ and
# replace(), slots=True (with frozen), and make_dataclass.
from dataclasses import KW_ONLY, InitVar, asdict, dataclass, field, fields, make_dataclass, replace
from typing import List, Optional


def show(f):
    try:
        print(f())
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)


@dataclass
class Req:
    url: str
    retries: int = 0
    _: KW_ONLY
    timeout: float
    verb: str = "GET"


print(Req("a", 1, timeout=2.0), Req("b", timeout=1.5, verb="PUT"), Req.__match_args__, Req.__doc__)
for call in (lambda: Req("a", 1, 2), lambda: Req("a", 1, 2, timeout=3), lambda: Req("a", 1, 2, timeout=3, verb="x"),
             lambda: Req(), lambda: Req("a"), lambda: Req(timeout=1), lambda: Req("a", url="b"),
             lambda: Req("a", body=1), lambda: Req("a", 1, 2, 3, timeout=1, bogus=2)):
    show(call)


@dataclass
class Retry(Req):
    backoff: float = 0.5
    jitter: bool = field(kw_only=True, default=False)


print(Retry.__doc__, Retry("u", 2, 3.0, timeout=1), [f.name for f in fields(Retry)], Retry.__match_args__)
print([(f.name, f.kw_only) for f in fields(Retry)])


@dataclass(kw_only=True)
class Opts:
    name: str
    level: int = 1
    path: str = field(kw_only=False, default=".")


print(Opts(name="x"), Opts("/tmp", name="y", level=3), Opts.__doc__, Opts.__match_args__)
show(lambda: Opts("p"))
show(lambda: Opts("p", "q", name="n"))


@dataclass(kw_only=True)
class Required:
    a: int
    b: int


show(lambda: Required())
show(lambda: Required(1, 2))


def twice():
    @dataclass
    class T:
        a: int
        _: KW_ONLY
        b: int
        __: KW_ONLY


for bad in (twice,):
    show(bad)


@dataclass
class Scaled:
    base: int
    factor: InitVar[int]
    offset: InitVar[int] = 0
    value: int = field(init=False)

    def __post_init__(self, factor, offset):
        self.value = self.base * factor + offset


s = Scaled(3, 4)
print(s, s.value, Scaled(3, 4, 5).value, replace(s, factor=10).value, Scaled.__match_args__, Scaled.__doc__)
show(lambda: replace(s))
show(lambda: replace(s, value=1))
print([f.name for f in fields(s)], asdict(s), InitVar[int], InitVar[List[int]])


@dataclass(slots=True)
class Slotted:
    x: int
    tags: List[str] = field(default_factory=list)
    note: Optional[str] = None


sl = Slotted(1)
sl.tags.append("t")
print(sl, Slotted.__slots__, "__dict__" in dir(sl), Slotted.__doc__, Slotted(2) == Slotted(2))
show(lambda: setattr(sl, "other", 1))


@dataclass(slots=True, frozen=True)
class FrozenSlots:
    a: int
    b: int = 2


fs = FrozenSlots(1)
print(fs, hash(fs) == hash((1, 2)), fs.__getstate__(), FrozenSlots.__slots__)
show(lambda: setattr(fs, "a", 5))


def preslotted():
    @dataclass(slots=True)
    class P:
        __slots__ = ("a",)
        a: int


show(preslotted)
show(lambda: dataclass(weakref_slot=True)(type("W", (), {"__annotations__": {"a": int}})))

Point = make_dataclass("Point", ["x", ("y", int), ("z", int, field(default=0))],
                       namespace={"norm1": lambda self: abs(self.x) + abs(self.y) + abs(self.z)})
p = Point(1, -2)
print(p, p.norm1(), Point.__doc__, Point.__qualname__, Point.__match_args__)
Pair = make_dataclass("Pair", [("a", int), ("b", List[int], field(default_factory=list))], frozen=True, order=True)
print(Pair(1) < Pair(1, [2]), sorted([Pair(2), Pair(1, [5]), Pair(1)]), Pair.__doc__)
Kw = make_dataclass("Kw", [("a", int), ("b", int, 5)], kw_only=True)
print(Kw(a=1), Kw.__doc__)
for spec in (["a", "a"], ["class"], ["1a"], [("a", int, 1, 2)], [3]):
    show(lambda: make_dataclass("Bad", spec))
