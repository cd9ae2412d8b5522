# Work that a transaction may roll back from deep inside calls (pyvm-stm's
# stress switch aborts at commit points of called frames, which unwind to
# the transaction's start frame): output, finally blocks, __exit__,
# __del__, weak-reference callbacks and generator finalizers each happen
# exactly once, in CPython's order, and nothing a rolled-back call changed
# survives. On the other back-ends (and CPython) the same program just runs.
import weakref

log = []


def busy(n):
    # Loops and calls: commit points inside the called frame.
    s = 0
    for i in range(n):
        s += i
    return s


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        busy(20)
        log.append("del " + self.name)
        print("del", self.name, busy(5))


def make_and_drop(name):
    n = Noisy(name)
    busy(10)
    return len(n.name)


class Ctx:
    def __enter__(self):
        busy(8)
        print("enter")
        return self

    def __exit__(self, *exc):
        busy(8)
        print("exit", exc[0].__name__ if exc[0] else None)
        return True  # swallows the ValueError below


def with_finally(k):
    try:
        busy(12)
        if k % 2:
            raise KeyError(k)
        return k
    finally:
        print("finally", k, busy(3))


def gen(n):
    try:
        for i in range(n):
            busy(4)
            yield i
    finally:
        busy(6)
        print("gen finally", n)


def deep(n, acc):
    if n == 0:
        acc.append(busy(7))
        print("bottom", len(acc))
        return acc
    busy(3)
    return deep(n - 1, acc)


class Point:
    def __init__(self, x):
        self.x = x
        self.hist = []

    def move(self, d):
        for i in range(d):
            self.hist.append(i)
            self.x += 1
        return self.x


def drop_then_print(name):
    n = Noisy(name)
    n = None  # __del__ runs here; output follows before any commit point
    print("dropped", name)


# __del__ of objects made and dropped inside calls
for r in range(3):
    print("made", make_and_drop("n%d" % r))
    drop_then_print("m%d" % r)
print(log)

# finally and __exit__ in called frames
for k in range(4):
    try:
        print("returned", with_finally(k))
    except KeyError as e:
        print("caught", e)
with Ctx():
    busy(10)
    raise ValueError("inside")
print("after with")

# a generator closed early runs its finally block once
g = gen(10)
print(next(g), next(g), busy(5))
g.close()
print(sum(gen(3)))

# weak-reference callbacks
class Target:
    pass


def callback(ref):
    busy(9)
    print("callback", busy(2))


t = Target()
w = weakref.ref(t, callback)
busy(5)
del t
print("after del t", w() is None)

# recursion, a sort with a key function, and mutations of old objects from
# called frames
acc = deep(30, [])
points = [Point(i) for i in range(20)]
for p in points:
    p.move(p.x % 4)
ranked = sorted(points, key=lambda p: (-(p.x % 7), busy(3), p.x))
print([p.x for p in ranked][:8], sum(len(p.hist) for p in points))
d = {}
for p in points:
    d.setdefault(p.x % 3, []).append(busy(p.x))
print(sorted((k, len(v), sum(v)) for k, v in d.items()))
print("done", len(acc), log)
