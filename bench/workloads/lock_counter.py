# A lock-protected counter: SIZE increments split over the threads, each
# under one threading.Lock. Lock hand-off cost and convoys; the count must be
# exact (a lost update changes the checksum).
import threading
from _harness import run, share

lock = threading.Lock()
counter = [0]


def work(i, threads, size, shared):
    start, stop = share(i, threads, size)
    for _ in range(start, stop):
        with lock:
            counter[0] += 1
    return 0


run(work, combine=lambda _: counter[0])
