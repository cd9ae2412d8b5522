# Two threads take two locks in opposite order, with handshakes so that the
# deadlock always happens: each holds one lock and waits for the other.
# CPython hangs here; pyvm must report `deadlock detected` and exit 1.
import _thread

a = _thread.allocate_lock()
b = _thread.allocate_lock()
b_taken = _thread.allocate_lock()
b_taken.acquire()


def second():
    b.acquire()
    b_taken.release()
    a.acquire()  # the main thread holds a
    print("unreachable in second")


def first():
    a.acquire()
    _thread.start_new_thread(second, ())
    b_taken.acquire()
    b.acquire()  # second holds b
    print("unreachable in first")


print("starting")
first()
