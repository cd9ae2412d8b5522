# The recursion limit works in a thread as in the main thread: the thread's
# stack is as large as pyvm's interpreter thread's (threads.cpp).
import _thread
done = _thread.allocate_lock()
done.acquire()
out = []
def f(n):
    return f(n + 1)
def g(n):
    return n if n == 0 else g(n - 1) + 1
def run():
    try:
        f(0)
    except RecursionError as e:
        out.append(str(e))
    out.append(g(900))
    done.release()
_thread.start_new_thread(run, ())
done.acquire()
print(out)
