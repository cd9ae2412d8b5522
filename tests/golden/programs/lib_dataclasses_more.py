# dataclasses in an inventory model: default_factory per instance,
# init=False fields set in __post_init__, repr/compare switches, order=True
# sorting and comparisons across classes, frozen value objects (assignment,
# deletion, hashing, replace), nested asdict/astuple with factories and
# copying, inheritance of frozenness, and the generated __init__'s errors.
from dataclasses import FrozenInstanceError, MISSING, asdict, astuple, dataclass, field, fields, is_dataclass, replace
from typing import ClassVar, List

_ids = iter(range(1, 1000))


@dataclass
class Item:
    name: str
    price: float
    tags: List[str] = field(default_factory=list)
    sku: int = field(default_factory=lambda: next(_ids))
    total: float = field(init=False, repr=False)
    qty: int = 1
    note: str = field(default="", compare=False, repr=False)
    registry: ClassVar[dict] = {}

    def __post_init__(self):
        self.total = round(self.price * self.qty, 2)
        Item.registry[self.sku] = self.name


a = Item("pen", 1.5, qty=4)
b = Item("ink", 7.25, ["refill"])
c = Item("pen", 1.5, qty=4, note="gift")
print(a, b, a.total, b.total, a.tags is not b.tags, Item.registry)
print(a == c, a.sku != c.sku, replace(c, sku=a.sku) == a, replace(c, sku=a.sku, note="x").note)
print([f.name for f in fields(Item)], [f.name for f in fields(a) if not f.init], fields(Item)[2].default is MISSING)
print(fields(Item)[5].default, fields(Item)[0].type, Item.__match_args__, is_dataclass(a), is_dataclass(Item), is_dataclass([]))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


@dataclass(order=True)
class Other:
    major: int
    minor: int = 0


vs = [Version(2, 1), Version(1, 9, "rc"), Version(2, 0), Version(1, 9)]
print(sorted(vs), max(vs), Version(1) <= Version(1, 0, "x"), Version(2) > Version(1, 99), Version(1, 9, "a") == Version(1, 9, "b"))
print(Version(1) == Other(1), Version(1).__eq__(5), Version.__hash__)
for bad in (lambda: Version(1) < Other(2), lambda: Version(1) < (2,), lambda: Version(1) >= 3):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def __add__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch: %s vs %s" % (self.currency, other.currency))
        return replace(self, amount=self.amount + other.amount)


m = Money(5) + Money(7)
print(m, hash(Money(3)) == hash(Money(3)), len({Money(1), Money(1), Money(1, "USD")}), {Money(2): "two"}[Money(2)])
for bad in (lambda: setattr(m, "amount", 1), lambda: delattr(m, "currency"), lambda: setattr(m, "other", 1),
            lambda: Money(1) + Money(1, "USD"), lambda: hash(Item("x", 1.0))):
    try:
        bad()
    except (FrozenInstanceError, ValueError, TypeError) as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))


@dataclass(frozen=True)
class Tagged:
    values: list = field(default_factory=list)


try:
    hash(Tagged())
except TypeError as e:
    print("TypeError:", e)
for frozen_base in (True, False):
    try:
        if frozen_base:
            @dataclass
            class Bad(Money):
                extra: int = 0
        else:
            @dataclass(frozen=True)
            class Bad2(Item):
                extra: int = 0
    except TypeError as e:
        print("TypeError:", e)


@dataclass
class Line:
    item: Item
    count: int


@dataclass
class Order:
    lines: List[Line]
    meta: dict
    pair: tuple
    customer: str = "anon"


order = Order([Line(a, 2), Line(b, 1)], {"rush": Money(9), "ids": [1, 2]}, (Money(1), "x"))
d = asdict(order)
print(d)
print(astuple(order))
print(d["meta"]["ids"] is not order.meta["ids"], type(d["lines"][0]).__name__, d["pair"][0])
print(asdict(Money(4), dict_factory=lambda kv: sorted(kv, reverse=True)), astuple(Money(4), tuple_factory=list))
print(replace(order, customer="bob").customer, replace(order).lines is order.lines)
for bad in (lambda: replace(a, total=1.0), lambda: replace(a, unknown=1), lambda: replace(5), lambda: asdict(Item),
            lambda: astuple([1]), lambda: fields(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


@dataclass
class Three:
    a: int
    b: int
    c: int = 3


for call in (lambda: Three(), lambda: Three(1), lambda: Three(b=1), lambda: Three(1, 2, 3, 4), lambda: Three(1, a=2),
             lambda: Three(1, 2, d=4)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
