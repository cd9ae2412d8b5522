import random
import time
for seed in [0, 1, 42, 12345678901234567890, -7, 2**100 + 3]:
    random.seed(seed)
    print(seed, [round(random.random(), 12) for _ in range(3)], random.getrandbits(1), random.getrandbits(31),
          random.getrandbits(32), random.getrandbits(33), random.getrandbits(64), random.getrandbits(100))
random.seed(2026)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], [random.randrange(5, 50, 5) for _ in range(5)], [random.randrange(10, 0, -3) for _ in range(5)])
xs = list(range(20))
random.shuffle(xs)
print(xs, random.choice("abcdefg"), random.choice([10, 20, 30]), round(random.uniform(1, 3), 10))
print(random.randrange(2**62), random.randint(-10**18, 10**18))
t0 = time.perf_counter(); time.sleep(0.01); t1 = time.perf_counter()
print(0.009 < t1 - t0 < 1.0, type(time.time()).__name__, time.time() > 1.7e9, isinstance(time.time_ns(), int), time.process_time() >= 0)
for bad in [lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.randrange(1, 10, 0),
            lambda: time.sleep(-1), lambda: random.getrandbits(-1), lambda: time.sleep("x")]:
    try:
        print(bad())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
