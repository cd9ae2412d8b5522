# Threads running the same code (so sharing its attribute caches: every
# LOAD_ATTR, LOAD_METHOD and STORE_ATTR caches what it found, per
# instruction) on instances of many classes at once, while one thread keeps
# changing a class those sites read through. What each thread computes is
# fixed by the program, so a cache entry that answered for the wrong class
# (a torn fill, a stale one after the change) shows as a wrong sum, and a
# class value freed under a reader as a crash or a sanitizer report.
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000


class Base:
    weight = 1

    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v * self.weight

    def bump(self):
        self.v = self.v + 1


def make_class(i):
    class K(Base):
        weight = i + 1
    K.__name__ = "K%d" % i
    return K


classes = [make_class(i) for i in range(6)]


class Slotted(Base):
    __slots__ = ("v",)
    weight = 100


class Flipping(Base):
    weight = 1000


stop = False


def flipper():
    # Flipping's value() and weight change under the readers; each reader
    # only sums classes that do not flip, and counts Flipping's answers as
    # one of the two possible ones.
    n = 0
    while not stop:
        Flipping.value = lambda self: -1
        Flipping.weight = 2000
        del Flipping.value
        Flipping.weight = 1000
        n += 1


def worker(index, results):
    objs = [k(1) for k in classes] + [Slotted(1)]
    flip = Flipping(1)
    total = 0
    odd = 0
    for r in range(ROUNDS):
        for o in objs:
            o.bump()
            total += o.value()
        f = flip.value()
        if f not in (-1, 1000, 2000):
            odd += 1
    results[index] = (total, odd, [o.v for o in objs])


results = [None] * THREADS
f = threading.Thread(target=flipper)
f.start()
threads = [threading.Thread(target=worker, args=(i, results)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop = True
f.join()
weights = [i + 1 for i in range(6)] + [100]
expected = sum(w * (ROUNDS * (ROUNDS + 3) // 2) for w in weights)
for i, (total, odd, vs) in enumerate(results):
    print(i, total == expected, odd, vs == [ROUNDS + 1] * 7)
print("expected total", expected)
