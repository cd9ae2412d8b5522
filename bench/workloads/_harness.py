"""The common frame of the sweep's workloads (bench/sweep.py).

    python3 WORKLOAD.py THREADS SIZE

runs work(index, threads, size, shared) on THREADS threads (threading.Thread;
with THREADS == 1 on the main thread itself, so pyvm-nosync can run it) and
prints one line, "checksum N", that must not depend on THREADS: the sweep
checks it against CPython's. shared = setup(size) is built before the clock
that matters starts (the sweep times the whole process; setup is kept small).
"""
import sys


def run(work, setup=None, combine=sum):
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    shared = setup(size) if setup else None
    results = [None] * threads
    if threads == 1:
        results[0] = work(0, 1, size, shared)
    else:
        import threading

        def body(i):
            results[i] = work(i, threads, size, shared)
        ts = [threading.Thread(target=body, args=(i,)) for i in range(threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    print("checksum", combine(results) if combine else results)


def share(i, threads, size):
    """The half-open range of [0, size) that thread i of `threads` works on."""
    per = size // threads
    start = i * per
    return start, (size if i == threads - 1 else start + per)
