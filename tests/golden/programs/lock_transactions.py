# Python locks taken and released across many transactions, on one thread
# (so every back-end runs it). stm takes a lock found free inside the
# running transaction and its abort releases it; under the stress switches
# aborts land between an acquire and its release, and a lock still held
# after an abort would hang the next acquire (a deadlock report).
import _thread
import threading

lock = _thread.allocate_lock()
total = 0
for i in range(3000):
    with lock:
        total += i
print(total, lock.locked(), repr(lock).startswith("<unlocked"))

# Taken in one iteration, released in a later one: across commit points.
a = _thread.allocate_lock()
taken = 0
refused = 0
for i in range(2000):
    if a.acquire(False):
        taken += 1
    else:
        refused += 1
        a.release()
print(taken, refused, a.locked(), repr(a).startswith("<unlocked"))

# Nested, in both orders, with a blocking acquire and a timeout.
b = _thread.allocate_lock()
both = 0
for i in range(1500):
    first, second = (a, b) if i % 2 else (b, a)
    with first:
        if second.acquire(True, 1.0):
            both += first.locked() and second.locked()
            second.release()
print(both, a.locked(), b.locked())

# Locks made inside the loop and dropped while held.
kept = 0
for i in range(2000):
    tmp = _thread.allocate_lock()
    tmp.acquire()
    if i % 3 == 0:
        tmp.release()
    kept += tmp.locked()
del tmp
print(kept)

# Releasing an unlocked lock fails every time, taken or not before.
errors = 0
for i in range(1000):
    if i % 2:
        lock.acquire()
        lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        errors += 1
        message = str(e)
print(errors, message)

# threading's locks over _thread's: Lock, Condition, Semaphore, Event.
cond = threading.Condition()
sem = threading.Semaphore(2)
event = threading.Event()
count = 0
for i in range(1000):
    with cond:
        cond.notify_all()
        count += 1
    with sem:
        if sem.acquire(blocking=False):
            count += 1
            sem.release()
        if sem.acquire(blocking=False):
            count += 10
            sem.release()
    if i % 100 == 0:
        event.set()
        count += event.is_set()
        event.clear()
print(count, sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
