# The convoy experiment (bpo-7946): a thread that sleeps 1 ms in a loop and
# records how late it wakes up, first alone, then next to a CPU-bound
# thread. With CPython's new GIL the sleeper, on waking, waits for the
# CPU-bound thread to honour a drop request: up to one switch interval
# (5 ms) per wake-up. Prints the median and 99th percentile of the lateness
# in milliseconds for both runs. Runs on python3 too.
#
#   usage: convoy.py [WAKEUPS=500] [SLEEP_MS=1]
import _thread
import sys
import time

wakeups = int(sys.argv[1]) if len(sys.argv) > 1 else 500
sleep_s = (float(sys.argv[2]) if len(sys.argv) > 2 else 1.0) / 1000.0


def lateness(n):
    late = []
    for _ in range(n):
        t0 = time.perf_counter()
        time.sleep(sleep_s)
        late.append((time.perf_counter() - t0 - sleep_s) * 1000.0)
    late.sort()
    return late[len(late) // 2], late[min(len(late) - 1, (len(late) * 99) // 100)]


def report(label, stats):
    print("convoy %-12s wakeups=%d sleep=%.1f ms  median=%.3f ms  p99=%.3f ms"
          % (label, wakeups, sleep_s * 1000.0, stats[0], stats[1]))


report("alone", lateness(wakeups))

stop = [False]
spinner_done = _thread.allocate_lock()
spinner_done.acquire()


def spin():
    n = 0
    while not stop[0]:
        n += 1
    spinner_done.release()


_thread.start_new_thread(spin, ())
time.sleep(0.01)  # let the CPU-bound thread get going
stats = lateness(wakeups)
stop[0] = True
spinner_done.acquire()
report("+cpu_thread", stats)
