# More threads than pyvm-stm has thread slots (30) count the same objects
# at once: the threads beyond them keep their transactions' count logs in a
# side map. Every reference a thread takes is dropped again, so each shared
# object's count must come back to what it was (sys.getrefcount before and
# after), and an object whose last reference goes must die then (a weak
# reference sees it).
import gc
import sys
import threading
import weakref

nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 40
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 300


class Token:
    pass


shared = [Token() for _ in range(8)]
names = {i: "k%d" % i for i in range(8)}
before = [sys.getrefcount(o) for o in shared]
barrier = threading.Barrier(nthreads)
totals = [0] * nthreads


def work(k):
    barrier.wait()  # every thread alive at once: some have no slot
    held = []
    seen = 0
    for i in range(rounds):
        o = shared[(i + k) % 8]
        held.append(o)
        held.append(names[i % 8])
        if len(held) > 24:
            del held[:12]
        seen += len(held)
    totals[k] = seen


threads = [threading.Thread(target=work, args=(k,)) for k in range(nthreads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# pyvm-fine-* hand the items `del held[:12]` displaces to a grace period
# (runtime/reclaim.hpp) that a collection ends at once when one thread runs.
gc.collect()
after = [sys.getrefcount(o) for o in shared]
print("threads", nthreads, "totals equal", len(set(totals)) == 1, totals[0] > 0)
print("counts back", before == after)
victim = shared.pop()
watch = weakref.ref(victim)
del victim
print("dies when dropped", watch() is None)
