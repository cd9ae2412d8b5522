# Shared write-heavy: every thread updates one shared dict (its own keys) and
# appends to one shared list. Contended writes to the same containers: the
# worst case for per-object locking and for transactions (conflicts).
from _harness import run, share


def setup(size):
    return {}, []


def work(i, threads, size, shared):
    table, log = shared
    start, stop = share(i, threads, size)
    for n in range(start, stop):
        table[n % 1024 + 1024 * i] = n
        if n % 64 == 0:
            log.append(n)
    return 0




shared_state = None


def setup_and_keep(size):
    global shared_state
    shared_state = setup(size)
    return shared_state


run(work, setup_and_keep, combine=lambda _: (len(shared_state[1]), sum(shared_state[1])))
