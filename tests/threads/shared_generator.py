# Two threads call next() on one generator at once. CPython (GIL or 3.13t)
# lets one run and raises "ValueError: generator already executing" in the
# other (how often depends on timing: not printed); every yielded value is
# handed out exactly once. Each generator
# yields fresh lists, so a frame resumed twice at once (its stack and locals
# decref'd twice) shows up as garbage, a wrong count, or a crash.
import sys, threading

THREADS = 2
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
N = 200

def produce(n):
    i = 0
    while i < n:
        x = [i, "v%d" % i]
        yield x
        i += 1

box = [None]
got = [[] for _ in range(THREADS)]
busy = [0] * THREADS
bad = []
barrier = threading.Barrier(THREADS)

def work(k):
    for r in range(ROUNDS):
        if k == 0:
            box[0] = produce(N)
        barrier.wait()
        g = box[0]
        mine = got[k]
        while True:
            try:
                x = next(g)
            except StopIteration:
                break
            except ValueError as e:
                if "already executing" not in str(e):
                    bad.append("ValueError: %s" % e)
                busy[k] += 1   # "generator already executing": fine, retry
                continue
            except Exception as e:  # the frame was run by two threads at once
                bad.append("%s: %s" % (type(e).__name__, e))
                continue
            try:
                ok = type(x) is list and len(x) == 2 and type(x[0]) is int and x[1] == "v%d" % x[0]
            except Exception as e:
                ok = False
            if not ok:
                bad.append(type(x).__name__)
                continue
            mine.append(r * N + x[0])
        barrier.wait()

ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in ts: t.start()
for t in ts: t.join()
allv = sorted(v for g in got for v in g)
print("values:", len(allv), "expected:", ROUNDS * N, "each once:", allv == list(range(ROUNDS * N)))
print("bad values:", len(bad), bad[:3])
