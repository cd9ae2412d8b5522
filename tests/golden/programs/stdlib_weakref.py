# weakref.ref: what dies when, callbacks, sharing, hashing and equality,
# and which objects can be weakly referenced (CPython's rules).
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def method(self):
        return self.name

    def __repr__(self):
        return "Node(%r)" % self.name


events = []


def on_death(r):
    events.append(("died", r() is None))


a = Node("a")
r = weakref.ref(a)
r_cb = weakref.ref(a, on_death)
print(r() is a, r_cb() is a, r is weakref.ref(a), r_cb is weakref.ref(a, on_death), r_cb.__callback__ is on_death)
print(r.__callback__, weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), type(r).__name__)
del a
print(r(), r_cb(), events)

# A callback whose reference died first is not called.
b = Node("b")
dropped = weakref.ref(b, lambda _: events.append("never"))
del dropped
del b
print(events)

# Hash and equality: the referent's while alive; kept after a hash.
c1, c2 = Node("c"), Node("c")
rc1, rc2 = weakref.ref(c1), weakref.ref(c2)
print(hash(rc1) == hash(c1), rc1 == weakref.ref(c1), rc1 == rc2, rc1 != rc2)
h = hash(rc1)
del c1
print(hash(rc1) == h, rc1 == rc1, rc1 == rc2, rc1() is None)
del c2
try:
    hash(rc2)
except TypeError as e:
    print("TypeError:", e)

# Cycles die in the collector; the callbacks run there.
x, y = Node("x"), Node("y")
x.other, y.other = y, x
rx = weakref.ref(x, lambda r: events.append("x collected"))
del x, y
print(rx() is not None)
gc.collect()
print(rx(), events[-1])

# A weak reference held by its own referent (no cycle): the referent dies
# first, while its __dict__ still holds the reference, so the callback runs.
z = Node("z")
z.me = weakref.ref(z, lambda r: events.append("z callback"))
del z
gc.collect()
print(events[-1])


# In a cycle with it: garbage together, and then its callback never runs.
w = Node("w")
w.other = w
w.me = weakref.ref(w, lambda r: events.append("w callback"))
del w
gc.collect()
print(events[-1], len(events))

# What can be weakly referenced.
class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class Sub(Slotted):
    pass


class MyList(list):
    pass


class MyError(Exception):
    pass


def gen():
    yield 1


for obj in [Node("n"), {1, 2}, frozenset(), len, print, Node, sys, gen(), on_death, SlottedWeak(), Sub(),
            MyList(), MyError(), 1, "s", (1,), [1], {}, None, 1.5, b"x", object(), Slotted(), Exception(), range(2)]:
    try:
        weakref.ref(obj)
        print("ok", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)

# A bound method is a new object each time: a reference to one dies at once.
n = Node("m")
print(weakref.ref(n.method)(), weakref.ref(Node)() is Node, weakref.ref(len)() is len)
