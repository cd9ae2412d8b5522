# Lock and RLock ownership rules, across threads, as CPython's _thread.
import _thread

out = []
done = _thread.allocate_lock()
done.acquire()

lock = _thread.allocate_lock()
rlock = _thread.RLock()
lock.acquire()
rlock.acquire()
rlock.acquire()


def other():
    # A plain lock is not owned: another thread may release it.
    lock.release()
    out.append(("lock released by another thread", lock.locked()))
    try:
        lock.release()
    except RuntimeError as e:
        out.append(("lock", str(e)))
    # An RLock is owned: releasing someone else's raises.
    try:
        rlock.release()
    except RuntimeError as e:
        out.append(("rlock", str(e)))
    out.append(("owned here", rlock._is_owned()))
    out.append(("non-blocking acquire of a held rlock", rlock.acquire(False)))
    out.append(("timed acquire of a held rlock", rlock.acquire(timeout=0.01)))
    done.release()


_thread.start_new_thread(other, ())
done.acquire()
for item in out:
    print(item)
print(rlock._is_owned())
rlock.release()
print(rlock._is_owned())
rlock.release()
print(rlock._is_owned())
try:
    rlock.release()
except RuntimeError as e:
    print("main:", e)
# _thread.RLock is a type, as in CPython.
print(repr(_thread.RLock), isinstance(rlock, _thread.RLock), isinstance(lock, _thread.RLock))
