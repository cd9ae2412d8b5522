# Not a deadlock: while one thread waits forever on a lock, another sleeps
# and then releases it; a timed acquire is never counted as blocked.
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()
done = _thread.allocate_lock()
done.acquire()


def releaser():
    time.sleep(0.05)
    lock.release()


def timed_waiter():
    print("timed acquire:", lock.acquire(timeout=0.01))
    done.release()


_thread.start_new_thread(timed_waiter, ())
done.acquire()
_thread.start_new_thread(releaser, ())
lock.acquire()  # blocks until the sleeper releases it
print("released by the sleeping thread")
