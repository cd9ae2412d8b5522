# Output from several threads, in an order fixed by a condition variable:
# thread i prints its k-th line when turn == k * THREADS + i, after work that
# builds and mutates objects (so that, under pyvm-stm's abort stress switch,
# transactions abort around the output). A line printed twice, lost or out of
# turn changes stdout: output is irrevocable, so it must commit what came
# before and never run again after an abort. print(), sys.stdout.write and
# os.write (flushed first) all count.
import os
import sys
import threading

THREADS = 4
LINES = 60
turn = 0
cond = threading.Condition()
totals = [0] * THREADS


def work(i):
    global turn
    acc = []
    for k in range(LINES):
        for j in range(30):  # a loop: safepoints, so transactions begin and end here
            acc.append((i, k, j))
            if len(acc) > 50:
                acc.pop(0)
        totals[i] += sum(x[2] for x in acc[-5:])
        with cond:
            while turn != k * THREADS + i:
                cond.wait()
            if k % 3 == 0:
                print("thread", i, "line", k, "total", totals[i])
            elif k % 3 == 1:
                sys.stdout.write("thread %d line %d (write)\n" % (i, k))
            else:
                sys.stdout.flush()
                os.write(1, b"thread %d line %d (os.write)\n" % (i, k))
            turn += 1
            cond.notify_all()


threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("turns", turn, "totals", totals)
