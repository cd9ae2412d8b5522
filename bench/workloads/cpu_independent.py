# CPU-bound independent work: every thread runs over its share of SIZE,
# allocating and mutating objects of its own (instances with a __dict__, a
# list, a dict, ints) and touching no shared object. Perfect scaling is
# possible only without a global lock: the GIL's curve stays flat, fine/stm
# should rise; what they pay per object (reference counts, per-object locks,
# allocation) is what this measures.
from _harness import run, share

MOD = 1000003


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(i, threads, size, shared):
    start, stop = share(i, threads, size)
    acc = 0
    items = []
    buckets = {}
    for n in range(start, stop):
        p = Point(n, n % 7)
        p.x = p.x * p.y + 1
        items.append(p.x)
        key = n % 101
        buckets[key] = (buckets.get(key, 0) + p.x) % MOD
        if len(items) == 64:
            acc = (acc + sum(items)) % MOD
            items.clear()
    acc = (acc + sum(items)) % MOD
    return (acc + sum(buckets.values())) % MOD


run(work, combine=lambda rs: sum(rs) % MOD)
