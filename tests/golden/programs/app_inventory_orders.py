# Inventory and order processing: dataclasses (ordering, frozen, defaults,
# field factories), enums for order status, multi-key sorting, grouping with
# itertools.groupby, restocking, and a formatted invoice per order.
from dataclasses import dataclass, field, replace, asdict
from enum import Enum, auto
from itertools import groupby
from operator import attrgetter
from collections import Counter


class Status(Enum):
    PENDING = auto()
    SHIPPED = auto()
    BACKORDER = auto()
    CANCELLED = auto()


@dataclass(frozen=True, order=True)
class Product:
    category: str
    sku: str
    name: str = field(compare=False)
    price_cents: int = field(compare=False)


@dataclass
class Line:
    sku: str
    qty: int


@dataclass
class Order:
    number: int
    customer: str
    lines: list = field(default_factory=list)
    status: Status = Status.PENDING
    notes: list = field(default_factory=list, repr=False)

    def total(self, catalog):
        return sum(catalog[l.sku].price_cents * l.qty for l in self.lines)


CATALOG_TEXT = """\
tools|T-100|Hammer|1299
tools|T-220|Screwdriver set|2450
garden|G-001|Trowel|799
garden|G-017|Hose 20m|3599
tools|T-050|Tape measure|999
kitchen|K-300|Chef knife|4999
kitchen|K-120|Cutting board|1850
garden|G-003|Gloves|650
"""

catalog = {}
for row in CATALOG_TEXT.splitlines():
    cat, sku, name, price = row.split("|")
    catalog[sku] = Product(cat, sku, name, int(price))

stock = Counter({"T-100": 5, "T-220": 2, "G-001": 10, "G-017": 1, "T-050": 0,
                 "K-300": 3, "K-120": 4, "G-003": 20})


def money(c):
    return f"{c // 100}.{c % 100:02d}"


print("CATALOG")
for cat, items in groupby(sorted(catalog.values()), key=attrgetter("category")):
    items = list(items)
    print(f"  {cat} ({len(items)})")
    for p in items:
        print(f"    {p.sku:<6} {p.name:<16} {money(p.price_cents):>7}  stock={stock[p.sku]}")

orders = [
    Order(1, "ada", [Line("T-100", 2), Line("G-003", 3)]),
    Order(2, "bob", [Line("G-017", 2)]),
    Order(3, "cyd", [Line("K-300", 1), Line("K-120", 1), Line("T-050", 1)]),
    Order(4, "ada", [Line("T-220", 2)]),
    Order(5, "dee", [Line("X-999", 1)]),
    Order(6, "bob", [Line("G-001", 4), Line("G-003", 10)]),
]


def process(order):
    unknown = [l.sku for l in order.lines if l.sku not in catalog]
    if unknown:
        order.status = Status.CANCELLED
        order.notes.append(f"unknown sku {', '.join(unknown)}")
        return
    short = {l.sku: l.qty - stock[l.sku] for l in order.lines if stock[l.sku] < l.qty}
    if short:
        order.status = Status.BACKORDER
        order.notes.extend(f"short {sku} by {n}" for sku, n in sorted(short.items()))
        return
    for l in order.lines:
        stock[l.sku] -= l.qty
    order.status = Status.SHIPPED


for o in orders:
    process(o)
    print(f"order {o.number}: {o.status.name:<9} {'; '.join(o.notes)}")

print("\nrestock G-017 +5, T-050 +3; retry backorders")
stock.update({"G-017": 5, "T-050": 3})
for o in orders:
    if o.status is Status.BACKORDER:
        o.notes.clear()
        process(o)
        print(f"order {o.number}: {o.status.name}")

print("\nINVOICES")
for o in sorted(orders, key=lambda o: (o.status.value, -o.total(catalog) if o.status is not Status.CANCELLED else 0, o.number)):
    if o.status is Status.CANCELLED:
        print(f"#{o.number} {o.customer}: cancelled ({o.notes[0]})")
        continue
    print(f"#{o.number} {o.customer} [{o.status.name.lower()}]")
    for l in o.lines:
        p = catalog[l.sku]
        print(f"   {l.qty:>3} x {p.name:<16}{money(p.price_cents):>8}{money(p.price_cents * l.qty):>9}")
    sub = o.total(catalog)
    tax = (sub * 8 + 50) // 100
    print(f"   {'subtotal':>28}{money(sub):>9}")
    print(f"   {'tax 8%':>28}{money(tax):>9}")
    print(f"   {'TOTAL':>28}{money(sub + tax):>9}")

by_customer = Counter()
for o in orders:
    if o.status is Status.SHIPPED:
        by_customer[o.customer] += o.total(catalog)
print("\nrevenue by customer:", by_customer.most_common())
print("out of stock:", sorted(s for s, n in stock.items() if n == 0))
print("status counts:", Counter(o.status.name for o in orders))
cheap = replace(catalog["T-100"], price_cents=999)
print(cheap, cheap == catalog["T-100"], asdict(cheap)["price_cents"])
print(orders[1])
print(sorted(catalog.values(), key=lambda p: (-p.price_cents, p.name))[:3])
