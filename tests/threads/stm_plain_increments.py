# Increments without a lock (issue 10): `x += 1` on a list item, a dict
# value and an attribute is a read and a write with no safepoint between,
# so under pyvm-stm both always fall into one transaction, and
# transactions that run at once (-X stm_concurrent=1) meet in lock words:
# one of two that read the same counter aborts, and no update is lost.
# (CPython 3.11 also switches threads only at safepoints, so its counts are
# exact too; pyvm-fine-* lock each operation alone and may lose updates.)
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20000

counters = [0] * 8
totals = {"hits": 0}


class Box:
    pass


box = Box()
box.value = 0


def work(k):
    for i in range(N):
        counters[(i + k) % 8] += 1
        totals["hits"] += 1
        box.value += 1


threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("list", sum(counters) == THREADS * N)
print("dict", totals["hits"] == THREADS * N)
print("attribute", box.value == THREADS * N)
