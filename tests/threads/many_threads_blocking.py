# More threads than pyvm-stm has thread slots (30) block, inside and outside
# `with atomic:`, between plain increments of shared containers. In
# concurrent mode (-X stm_concurrent=1) a thread without a slot has no lock
# words: it must run irrevocably with the world stopped whenever it runs —
# from its start and from the end of every blocking region, not only from
# its first write (its reads would race the others' transactions) — and a
# blocking call inside its atomic block must not wait for a world it has
# stopped itself (it hung). Every count is exact.
import sys
import threading
import time
from atomic import atomic

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 36
N = int(sys.argv[2]) if len(sys.argv) > 2 else 60

counter = 0
shared = [0] * 8
table = {"hits": 0}
barrier = threading.Barrier(THREADS)


def work(k):
    global counter
    barrier.wait()  # every thread alive at once: some have no slot
    for i in range(N):
        with atomic:
            counter += 1
            if i % 10 == 0:
                time.sleep(0.0001)  # blocking inside the block
        if i % 5 == 0:
            time.sleep(0.0001)  # then shared reads right after a blocking region
        shared[(i + k) % 8] += 1
        table["hits"] += shared[(i + k) % 8] > 0


threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("atomic", counter == THREADS * N)
print("list", sum(shared) == THREADS * N)
print("dict", table["hits"] == THREADS * N)
