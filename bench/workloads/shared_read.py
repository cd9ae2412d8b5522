# Shared read-mostly: all threads look up keys in one big dict and index one
# big list built before they start, writing nothing shared. Parallel reads
# of shared containers: the reference counts and per-object locks of a
# GIL-free back-end are what stand in the way.
from _harness import run, share


def setup(size):
    table = {k: k * 3 for k in range(4096)}
    items = list(range(4096))
    return table, items


def work(i, threads, size, shared):
    table, items = shared
    start, stop = share(i, threads, size)
    acc = 0
    for n in range(start, stop):
        acc += table[n & 4095] + items[(n * 7) & 4095]
    return acc


run(work, setup)
