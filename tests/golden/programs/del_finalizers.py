# __del__: when the last reference goes, once per object (PEP 442), with
# resurrection, inheritance, cycles found by the collector, the exception in
# flight kept, and an error in __del__ reported on stderr, not raised.
import gc
import sys

log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        print("del", self.name)


a = Tracked("a")
del a
print("after del a:", log)

b = Tracked("b1")
b = Tracked("b2")  # the first one goes at the rebinding
print("after rebinding:", log)


def scope():
    t = Tracked("local")
    print("in scope")


scope()
print("after scope:", log)


class Child(Tracked):
    pass


Child("child")  # a temporary: gone after the statement
print(log[-1])

# Resurrection: __del__ stores self; it runs only once however often the
# object is dropped again.
keep = []


class Phoenix:
    calls = 0

    def __del__(self):
        Phoenix.calls += 1
        keep.append(self)


p = Phoenix()
del p
print("resurrected:", len(keep), "calls", Phoenix.calls)
p = keep.pop()
del p
print("dropped again: calls", Phoenix.calls, "kept", len(keep))

# The exception being raised survives a __del__ that runs while it unwinds,
# and __del__ itself may raise and catch.
class Quiet:
    def __del__(self):
        try:
            raise KeyError("inside __del__")
        except KeyError:
            pass
        print("quiet del, exc_info:", sys.exc_info()[0])


def fails():
    q = Quiet()
    try:
        raise ValueError("outer")
    finally:
        del q  # __del__ runs while ValueError is in flight


try:
    fails()
except ValueError as e:
    print("caught", e)

# Cycles: the collector runs each __del__ once, then frees the cycle.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append("node " + self.name)


gc.collect()
x, y = Node("x"), Node("y")
x.other, y.other = y, x
del x, y
found = gc.collect()
print("collected", found >= 2, sorted(n for n in log if n.startswith("node")))
print("collect again:", gc.collect())

# A __del__ that resurrects its cycle keeps it alive: nothing freed, no
# second call.
saved = []


class Saver:
    calls = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Saver.calls += 1
        saved.append(self)


s = Saver()
del s
gc.collect()
print("saver calls", Saver.calls, "saved", len(saved))
saved.clear()
gc.collect()
print("saver calls after dropping it again", Saver.calls)

# Without __del__ a class pays nothing: gc.is_finalized is not modelled, but
# the object still goes at once.
class Plain:
    pass


Plain()


# An error in __del__: reported as CPython does, the program goes on.
class Loud:
    def __del__(self):
        raise RuntimeError("from __del__")


del b  # (objects still alive at exit: CPython finalizes them, gillab does not yet)
Loud()
print("still running")
sys.stdout.flush()
