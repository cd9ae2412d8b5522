# The cycle collector with threads: four threads make reference cycles and
# append to one shared list while automatic collections run (under the GIL:
# in whichever thread crosses the threshold, the others waiting for the GIL;
# under fine: with the world stopped) and one thread also calls gc.collect().
# Nothing live may be freed (every cycle a thread still holds is checked),
# no append may be lost, and once the threads are done everything they left
# behind is collected. (Under fine a collection stops the world: the other
# threads park at their next safepoint.)
import gc
import threading
import time

THREADS = 4
ROUNDS = 20000

gc.collect()
before = len(gc.get_objects())
shared = []
errors = []


class Node:
    def __init__(self, tid, i):
        self.key = (tid, i)
        self.peer = None


def work(tid):
    kept = []
    for i in range(ROUNDS):
        a, b = Node(tid, i), Node(tid, -i)
        a.peer, b.peer = b, a  # garbage after this iteration...
        if i % 100 == 0:
            kept.append(a)     # ...unless kept: these must survive every collection
        loop = [i]
        loop.append(loop)
        shared.append(i)
        if tid == 0 and i % 5000 == 0:
            gc.collect()
    for a in kept:
        if a.peer.peer is not a or a.peer.key[0] != tid:
            errors.append(a.key)


threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
del threads, t
# Under fine, what a collection's clearing displaced from lists and dicts
# waits for a QSBR grace period (reclaim.hpp), and what the frees displace
# in turn waits in a partly filled batch until the next collection retires
# it; an ended thread's last retirements are adopted once its teardown (after
# the join returned) has finished. So: collect until nothing more goes, a
# bounded number of rounds (under gil the first one frees everything).
spin = 0
for round in range(50):  # at most about a second
    gc.collect()
    for i in range(10000):
        spin += i
    if len(gc.get_objects()) - before < 1000:
        break
    time.sleep(0.02)  # an exiting thread's teardown may still be running
print("appends:", len(shared), "expected:", THREADS * ROUNDS)
print("sum ok:", sum(shared) == THREADS * ROUNDS * (ROUNDS - 1) // 2)
print("live cycles intact:", not errors)
print("garbage collected:", len(gc.get_objects()) - before < 1000)
