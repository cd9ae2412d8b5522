# CPU-bound independent work: every thread runs a pure integer loop over its
# share of SIZE, touching no shared object. Perfect scaling is possible only
# without a global lock: the GIL's curve stays flat, fine/stm should rise.
from _harness import run, share


def work(i, threads, size, shared):
    start, stop = share(i, threads, size)
    acc = 0
    for n in range(start, stop):
        acc = (acc + n * n) % 1000003
    return acc


run(work, combine=lambda rs: sum(rs) % 1000003)
