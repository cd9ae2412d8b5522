# random beyond the basics: sample, choices, the distributions, Random(seed)
# instances with their own state, as CPython 3.11 draws them.
import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.sample(range(100), 5), random.choices("abcde", k=4))
print(random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3))
print(random.choices(["x", "y", "z"], weights=[1, 5, 10], k=6), random.sample("abcdefghijklmnopqrstuvwxyz", 8))
r = random.Random(42)
print(r.random(), r.randint(1, 6), r.choice("xyz"), r.sample(range(1000), 4), r.uniform(1, 2), r.randrange(0, 100, 7))
l = list(range(10)); r.shuffle(l); print(l, r.getrandbits(70), r.gauss(), r.betavariate(2, 3), r.gammavariate(0.5, 1), r.gammavariate(3, 2))
r2 = random.Random(42)
print(r2.random() == random.Random(42).random(), type(r).__name__, isinstance(r, random.Random))
r.seed(7); a = r.random(); r.seed(7); print(a == r.random())
print(random.sample(range(10**6), 3), random.sample(["a", "b", "c"], counts=[1, 2, 3], k=4), r.randbytes(5))
print(r.vonmisesvariate(1.0, 4.0), r.paretovariate(3), r.weibullvariate(1, 2), r.lognormvariate(0, 1))
for bad in (lambda: random.sample({1, 2}, 1), lambda: random.sample(range(3), 5), lambda: random.choices("ab", [1], k=2), lambda: random.nonexistent):
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

from random import *  # noqa: E402,F403 — __all__ reaches the Python-written functions too

seed(3)
print(sample(range(10), 3), choices("ab", k=2), round(gauss(), 12))
