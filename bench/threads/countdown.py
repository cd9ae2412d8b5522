# The countdown experiment (Beazley, "Understanding the Python GIL", 2010):
# one CPU-bound loop of TOTAL decrements split evenly over THREADS threads
# started with _thread and joined by a lock handshake. Under a GIL the work
# cannot run in parallel, so the interesting number is how much slower
# THREADS > 1 is than 1 (switching cost, convoys). Runs on python3 too.
#
#   usage: countdown.py [THREADS=2] [TOTAL=20000000]
# prints one line: threads, total, wall and CPU seconds.
import _thread
import sys
import time

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
total = int(sys.argv[2]) if len(sys.argv) > 2 else 20000000

state_lock = _thread.allocate_lock()
all_done = _thread.allocate_lock()
all_done.acquire()
finished = [0]


def countdown(n):
    while n > 0:
        n -= 1
    state_lock.acquire()
    finished[0] += 1
    if finished[0] == threads:
        all_done.release()
    state_lock.release()


wall0 = time.perf_counter()
cpu0 = time.process_time()
share = total // threads
for i in range(threads):
    _thread.start_new_thread(countdown, (share + (total - share * threads if i == 0 else 0),))
all_done.acquire()
wall = time.perf_counter() - wall0
cpu = time.process_time() - cpu0
print("countdown threads=%d total=%d wall=%.3f s cpu=%.3f s" % (threads, total, wall, cpu))
