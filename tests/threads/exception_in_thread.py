# An exception that escapes a _thread thread is reported on stderr
# ("Exception ignored in thread started by: <function ...>" and the
# traceback) and ends only that thread; SystemExit ends it silently.
import _thread

done = _thread.allocate_lock()
done.acquire()


def fails(n):
    if n > 0:
        fails(n - 1)
    raise ValueError("boom in a thread")


def exits():
    raise SystemExit(3)


def last():
    print("the process goes on")
    done.release()


_thread.start_new_thread(exits, ())
_thread.start_new_thread(fails, (2,))
_thread.start_new_thread(last, ())
done.acquire()
# Let the failing thread finish its report before the process exits:
# _count() drops when a thread has ended, after its report.
import time
while _thread._count():
    time.sleep(0.01)
print("main ends")
