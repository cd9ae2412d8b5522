# time.sleep(0) lets other threads take the GIL (CPython releases it around
# its clock_nanosleep, even to a deadline already past): a thread polling
# with sleep(0) hands over to a thread woken from a lock wait. The switch
# interval is set far beyond the test's length, so no forced switch stands
# in for the hand-over (pyvm-gil before the fix: every poll ran holding the
# GIL, and the waiter never ran).
import sys
import threading
import time

sys.setswitchinterval(100.0)
gate = threading.Lock()
gate.acquire()
woke = []


def waiter():
    with gate:  # waits, outside the GIL, for the main thread's release
        woke.append(True)


t = threading.Thread(target=waiter)
t.start()
time.sleep(0.05)  # the waiter is in its lock wait by now (if not: it takes the gate at once)
gate.release()
polls = 0
while not woke and polls < 20000:
    time.sleep(0)
    polls += 1
print("the waiter ran while the main thread polled:", bool(woke))
t.join()
sys.setswitchinterval(0.005)
