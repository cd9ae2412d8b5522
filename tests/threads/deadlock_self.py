# The main thread acquires a lock it already holds, with no other thread:
# a deadlock on CPython (it hangs); pyvm reports it and exits 1.
import _thread

lock = _thread.allocate_lock()


def take_twice():
    lock.acquire()
    lock.acquire()


print("before")
take_twice()
print("unreachable")
