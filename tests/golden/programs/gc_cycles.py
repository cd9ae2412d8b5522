# The cycle collector: reference cycles of every kind of container are
# found and freed; what hangs off a cycle goes with it; what is still
# reachable stays. Counts are printed only where CPython 3.11 counts the
# same objects (instances' __dict__s are objects here, materialised lazily
# in CPython 3.11, so for those only "found some" is printed).
import gc

gc.collect()

a = []
a.append(a)
del a
print("list cycle:", gc.collect())

a = []
a.append(a)
a.append([1, 2, 3])  # not in the cycle, but reachable only from it
del a
print("list cycle with a list hanging off it:", gc.collect())

d = {}
d["self"] = d
del d
print("dict cycle:", gc.collect())

def outer():
    def rec(n):
        return rec(n - 1) if n else "done"
    return rec

f = outer()
print(f(3))
del f
print("recursive inner function (function, closure, cell):", gc.collect())


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


x, y = Node("x"), Node("y")
x.peer, y.peer = y, x
del x, y
print("two instances:", gc.collect() >= 2)

# Reachable cycles survive, and keep working.
keep = Node("keep")
keep.peer = keep
print("reachable cycle:", gc.collect(), keep.peer.peer.name)


# An instance in a cycle whose __dict__ is still held from outside: the
# dict is referenced, so nothing of it is garbage.
holder = Node("holder")
holder.peer = holder
kept_dict = holder.__dict__
del holder
print("dict held from outside:", gc.collect(), kept_dict["name"], kept_dict["peer"].name)
del kept_dict
print("then the instance and its dict:", gc.collect())


class Slotted:
    __slots__ = ("other",)


s1, s2 = Slotted(), Slotted()
s1.other, s2.other = s2, s1
del s1, s2
print("__slots__ instances:", gc.collect())


class Bag(list):
    pass


b = Bag()
b.append(b)
del b
print("list subclass:", gc.collect() >= 1)

st = set()
holder = Node("in a set")
holder.peer = st
st.add(holder)
del st, holder
print("set and instance:", gc.collect() >= 2)

from collections import deque
q = deque()
q.append(q)
del q
print("deque:", gc.collect())


class Owner:
    def method(self):
        return "bound"


o = Owner()
o.m = o.method  # a bound method kept on its own instance
print(o.m())
del o
print("bound method:", gc.collect() >= 2)

try:
    raise ValueError("kept")
except ValueError as e:
    holder = Node("error holder")
    holder.peer = e
    e.holder = holder
del holder
print("exception cycle:", gc.collect() >= 3)

# A long chain hanging off one cycle is freed in one collection.
head = []
head.append(head)
node = head
for i in range(1000):
    nxt = [i]
    node.append(nxt)
    node = nxt
del head, node, nxt
print("chain of 1000:", gc.collect())

# Many cycles made in a loop are collected automatically: the number of
# tracked objects stays bounded.
before = len(gc.get_objects())
for i in range(100000):
    c = [i]
    c.append(c)
del c
print("automatic:", len(gc.get_objects()) - before < 5000)

gc.disable()
for i in range(5000):
    c = [i]
    c.append(c)
del c
print("disabled keeps them:", len(gc.get_objects()) - before >= 5000)
print("collected when asked:", gc.collect() >= 5000)
gc.enable()
print("after:", len(gc.get_objects()) - before < 100)

# A built-in method bound to the list that holds it.
l = []
l.append(l.append)
del l
print("bound built-in method:", gc.collect())

# A suspended generator that holds itself: collected, and its finally
# block runs first (PEP 442), as CPython does. (CPython 3.11's gc.collect()
# does not count finalized generators; what went is checked instead.)
class Marker:
    pass


def markers():
    return sum(1 for o in gc.get_objects() if type(o) is Marker)


def holder(mark):
    me = yield "started"
    try:
        yield "holding"
    finally:
        print("generator finally ran")


g = holder(Marker())
print(next(g), g.send(g), markers())
del g
gc.collect()
print("self-referencing generator:", markers())


def unstarted(x, mark):
    yield x


box = []
u = unstarted(box, Marker())
box.append(u)  # the list holds the generator, the generator's argument is the list
del box, u
print(markers())
gc.collect()
print("unstarted generator and its argument:", markers())

# A finalizer that makes garbage reachable again: what it saved is not
# cleared (CPython's resurrection check).
saved = []


def resurrecting(item):
    try:
        yield 1
    finally:
        saved.append(item)


item = ["payload"]
g = resurrecting(item)
item.append(g)  # the generator's frame holds item, item holds the generator
next(g)
del g, item
gc.collect()
print("resurrected:", len(saved), saved[0][0], len(saved[0]))
saved.clear()
print("then collected:", gc.collect() >= 0)
