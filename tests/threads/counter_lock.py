# 8 threads x 100 000 increments of one counter under a _thread lock: the
# final count must be exact (a lost update shows as a smaller number).
# Threads are joined by a lock handshake: the last one to finish releases
# `all_done`, which the main thread waits on.
import _thread
import sys

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 8
INCREMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000

counter = 0
finished = 0
lock = _thread.allocate_lock()
all_done = _thread.allocate_lock()
all_done.acquire()


def worker(n):
    global counter, finished
    for _ in range(n):
        lock.acquire()
        counter += 1
        lock.release()
    with_lock = lock.acquire()
    finished += 1
    if finished == THREADS:
        all_done.release()
    lock.release()


for _ in range(THREADS):
    _thread.start_new_thread(worker, (INCREMENTS,))
all_done.acquire()
print(counter)
print(counter == THREADS * INCREMENTS)
