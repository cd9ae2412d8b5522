# An atomic-block counter: SIZE increments split over the threads, each in
# `with atomic:` and no lock (gillab's `atomic` module; bench/workloads/atomic.py
# is the fallback CPython and PyPy import). The count must be exact. What it
# costs: nothing extra under the GIL, one global lock under fine, one
# transaction each under stm.
from atomic import atomic
from _harness import run, share

counter = [0]


def work(i, threads, size, shared):
    start, stop = share(i, threads, size)
    for _ in range(start, stop):
        with atomic:
            counter[0] += 1
    return 0


run(work, combine=lambda _: counter[0])
