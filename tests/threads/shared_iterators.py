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


def filter_rounds():
    box = [None]
    got = [[] for _ in range(THREADS)]
    bad = []
    barrier = threading.Barrier(THREADS)

    def work(k):
        for r in range(FILTER_ROUNDS):
            if k == 0:
                box[0] = filter(pred, [[i, r] for i in range(L)])
            barrier.wait()
            f = box[0]
            while True:
                try:
                    x = next(f)
                except StopIteration:
                    break
                except Exception as e:
                    bad.append("%s: %s" % (type(e).__name__, e))
                    break
                if type(x) is list and len(x) == 2 and x[1] == r and x[0] % 3 == 0:
                    got[k].append(r * L + x[0])
                else:
                    bad.append(type(x).__name__)
            barrier.wait()

    ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    allv = sorted(v for g in got for v in g)
    want = [r * L + i for r in range(FILTER_ROUNDS) for i in range(0, L, 3)]
    print("filter: each item once:", allv == want, "bad:", bad[:3])


def set_rounds():
    box = [None, None]
    got = [[] for _ in range(THREADS)]
    bad = []
    done = [False]
    barrier = threading.Barrier(THREADS)

    def pester():
        while not done[0]:
            s = box[1]
            if s is not None:
                for i in range(4):
                    i in s
            time.sleep(0)  # (under a GIL: let the workers run)

    def work(k):
        for r in range(SET_ROUNDS):
            if k == 0:
                s = {(r, i) for i in range(3)}
                box[1] = s
                box[0] = iter(s)
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
                if type(x) is tuple and len(x) == 2 and x[0] == r:
                    got[k].append(r * 3 + x[1])
                else:
                    bad.append(repr(x)[:40])
            barrier.wait()

    p = threading.Thread(target=pester)
    p.start()
    ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    done[0] = True
    p.join()
    allv = sorted(v for g in got for v in g)
    print("set iterator: each item once:", allv == list(range(SET_ROUNDS * 3)), "bad:", bad[:3])


filter_rounds()
set_rounds()
