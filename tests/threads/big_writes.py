# Writes to containers too big to copy whole into an undo image (stm: over
# 64 KiB), from several threads, in operations that first lock a small
# object: `small + big` and `small_set.update(big_set)` take the small one
# first. Under stm's concurrent mode a transaction that committed at the
# big one, in the middle of the operation, released the small one's lock
# while it went on reading it; every thread here also changes the small
# ones, so a torn operation shows as a wrong length or a lost element (or
# a sanitizer report).
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
BIG = 12000  # 96 KiB of values

big = list(range(BIG))
big_set = set(range(BIG))
small = [0] * THREADS
small_set = set()


def worker(t, results):
    bad = 0
    for r in range(ROUNDS):
        i = t + THREADS * r
        big[i] = -i
        joined = small + big
        if len(joined) != THREADS + BIG or joined[THREADS + i] != -i:
            bad += 1
        small[t] += 1
        small_set.update(big_set)
        small_set.add(-1 - t)
        if len(small_set) < BIG:
            bad += 1
        small_set.discard(-1 - t)
    results[t] = bad


results = [None] * THREADS
threads = [threading.Thread(target=worker, args=(t, results)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("no torn operation:", results == [0] * THREADS)
print("big list:", big == [-i if i < THREADS * ROUNDS else i for i in range(BIG)])
print("small list:", small == [ROUNDS] * THREADS)
print("small set:", small_set == big_set)
