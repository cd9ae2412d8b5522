# Two threads call next() on one iterator at once, and each item must be
# handed out exactly once (as on CPython):
#  - a filter() whose predicate blocks briefly (time.sleep(0): a blocking
#    region, where the fine back-end suspends the iterator's section and
#    the GIL goes to the other thread), so the other thread may exhaust the
#    filter while this one is in the predicate and then goes on stepping
#    through the filter's state;
#  - a set iterator while a third thread keeps reading the set (`x in s`
#    takes the set's lock on fine, so a step may wait for it with the
#    iterator's section suspended).
# Each round uses fresh objects, so state freed under a step is noticed.
import sys
import threading
import time

THREADS = 2
FILTER_ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
SET_ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
L = 6


def pred(x):
    time.sleep(0)
    return x[0] % 3 == 0


def take_rounds(rounds, make_iterator, value_of):
    """THREADS threads take every item of one shared iterator a round, a new
    iterator each round (make_iterator(r), called by thread 0). value_of(x,
    r) is the number an item stands for, or None for an item that should not
    be there. Returns the numbers taken, sorted, and the bad items."""
    box = [None]
    got = [[] for _ in range(THREADS)]
    bad = []
    barrier = threading.Barrier(THREADS)

    def work(k):
        for r in range(rounds):
            if k == 0:
                box[0] = make_iterator(r)
            barrier.wait()
            it = box[0]
            while True:
                try:
                    x = next(it)
                except StopIteration:
                    break
                except Exception as e:
                    bad.append("%s: %s" % (type(e).__name__, e))
                    break
                v = value_of(x, r)
                if v is None:
                    bad.append(repr(x)[:40])
                else:
                    got[k].append(v)
            barrier.wait()

    ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sorted(v for g in got for v in g), bad


def filter_rounds():
    def filter_value(x, r):
        if type(x) is list and len(x) == 2 and x[1] == r and x[0] % 3 == 0:
            return r * L + x[0]
        return None

    taken, bad = take_rounds(FILTER_ROUNDS, lambda r: filter(pred, [[i, r] for i in range(L)]), filter_value)
    want = [r * L + i for r in range(FILTER_ROUNDS) for i in range(0, L, 3)]
    print("filter: each item once:", taken == want, "bad:", bad[:3])


def set_rounds():
    current = [None]  # the set the iterator of the round runs over
    done = [False]

    def pester():
        while not done[0]:
            s = current[0]
            if s is not None:
                for i in range(4):
                    i in s
            time.sleep(0)  # (under a GIL: let the workers run)

    def set_iterator(r):
        current[0] = {(r, i) for i in range(3)}
        return iter(current[0])

    def set_value(x, r):
        if type(x) is tuple and len(x) == 2 and x[0] == r:
            return r * 3 + x[1]
        return None

    p = threading.Thread(target=pester)
    p.start()
    taken, bad = take_rounds(SET_ROUNDS, set_iterator, set_value)
    done[0] = True
    p.join()
    print("set iterator: each item once:", taken == list(range(SET_ROUNDS * 3)), "bad:", bad[:3])


filter_rounds()
set_rounds()
