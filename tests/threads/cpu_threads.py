# CPU-bound threads that never block: only the GIL's switching lets the
# main thread (waiting on a lock) and each worker make progress.
import _thread
import sys

N = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
totals = []


def spin(k):
    s = 0
    for i in range(20000 * k):
        s += i % 7
    lock.acquire()
    totals.append((k, s))
    if len(totals) == N:
        done.release()
    lock.release()


sys.setswitchinterval(0.001)
for k in range(1, N + 1):
    _thread.start_new_thread(spin, (k,))
done.acquire()
print(sorted(totals))
print(sys.getswitchinterval())
