# multiprocessing with the fork start method: Process (args, kwargs, a
# lambda target, names, exit codes by return, os._exit, sys.exit, an
# uncaught exception and SIGTERM, is_alive), Pipe, Queue, SimpleQueue and
# Lock between processes, and Pool (map with chunks, imap, imap_unordered,
# apply_async, starmap, initializer, a raising worker, an unpicklable
# function, the context manager). Every output line is the same whatever
# the timing: children print only while the parent waits in join().
import multiprocessing
import os
import queue
import sys
import time
from multiprocessing import Pipe, Pool, Process, Queue, SimpleQueue


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class AppError(Exception):
    pass


def show(a, b, key=None):
    me = multiprocessing.current_process()
    print("child", me.name, a, b, key, multiprocessing.parent_process().name)


def wait_for(conn):
    conn.recv()


def fail():
    raise ValueError("child failed")


def sq(x):
    return x * x


def add(a, b):
    return a + b


def boom(x):
    raise AppError("bad input %d" % x)


def where(_):
    return multiprocessing.current_process().name


def nap(seconds):
    time.sleep(seconds)
    return seconds


_greeting = None


def setup(word):
    global _greeting
    _greeting = word


def greet(name):
    return "%s, %s" % (_greeting, name)


def sender(conn, q, sq_):
    conn.send(("tuple", 1, 2.5, None, True))
    conn.send({"dict": [1, 2, {3, 4}], "bytes": b"\x00\xff", "point": Point(1, 2)})
    conn.send(AppError("sent, not raised"))
    q.put(["queue", os.getpid() != 0])
    q.put(Point(3, 4))
    sq_.put("simple queue")
    conn.close()


# ---- Process ----
p = Process(target=show, args=(1, "two"), kwargs={"key": "k"})
print(repr(p).replace(str(os.getpid()), "PARENT"), p.exitcode, p.pid, p.is_alive(), p.daemon)
p.start()
p.join()
print(p.name, "exitcode", p.exitcode, "alive", p.is_alive(), "pid>0", p.pid > 0)
try:
    p.start()
except AssertionError as e:
    print("AssertionError", e)
try:
    Process(target=show).join()
except AssertionError as e:
    print("AssertionError", e)

p = Process(target=lambda: print("lambda target in", multiprocessing.current_process().name), name="lam",
            daemon=True)
p.start()
p.join()
print(p.name, p.daemon, p.exitcode)

for target in (lambda: os._exit(3), lambda: sys.exit(2), lambda: sys.exit(), lambda: None):
    p = Process(target=target)
    p.start()
    p.join()
    print("exit code", p.exitcode)

r, w = Pipe()
p = Process(target=wait_for, args=(r,))
p.start()
print("alive while waiting", p.is_alive())
w.send("go")
p.join()
print("alive after join", p.is_alive(), p.exitcode)

p = Process(target=wait_for, args=(r,))
p.start()
p.terminate()
p.join()
print("terminated", p.exitcode, p.is_alive())

# ---- Pipe, Queue, SimpleQueue ----
a, b = Pipe()
q = Queue()
sq_ = SimpleQueue()
p = Process(target=sender, args=(b, q, sq_))
p.start()
print(a.recv())
got = a.recv()
print(sorted(got.items(), key=lambda kv: kv[0]))
e = a.recv()
print(type(e).__name__, e)
print(q.get(), q.get(timeout=10))
print(sq_.get(), sq_.empty())
p.join()
b.close()
try:
    a.recv()
except Exception as e:
    print("after the child ended:", type(e).__name__)
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("queue.Empty")
print("queue empty", q.empty())
try:
    a.send(lambda: 0)
except Exception as e:
    print("send lambda:", type(e).__name__)
r, w = Pipe(duplex=False)
try:
    r.send(1)
except OSError as e:
    print("OSError", e)
w.send_bytes(b"raw bytes")
print(r.recv_bytes(), r.poll(), r.readable, r.writable, w.readable, w.writable)
w.close()
try:
    w.send(1)
except OSError as e:
    print("OSError", e)

lock = multiprocessing.Lock()
lock.acquire()
print("acquire held lock:", lock.acquire(False))
lock.release()
print("acquire free lock:", lock.acquire(timeout=1))
lock.release()

print("cpu_count > 0:", multiprocessing.cpu_count() > 0)
print("active children:", multiprocessing.active_children())

# ---- Pool ----
with Pool(2) as pool:
    print(pool.map(sq, range(10)))
    print(pool.map(sq, range(20), chunksize=3))
    print(list(pool.imap(sq, range(6))))
    print(list(pool.imap(sq, range(7), chunksize=2)))
    print(sorted(pool.imap_unordered(sq, range(6))))
    print(pool.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
    result = pool.apply_async(add, (20, 22))
    print(result.get(timeout=10), result.ready(), result.successful())
    print(pool.apply(add, ("x", "y")))
    print(pool.map(sq, []))
    names = set(pool.map(where, range(8)))
    print("worker names", all(n.startswith("ForkPoolWorker-") for n in names), len(names) <= 2)
    result = pool.apply_async(boom, (7,))
    try:
        result.get()
    except AppError as e:
        cause = e.__cause__
        text = str(cause)
        print("raised", type(e).__name__, e, "| cause", type(cause).__name__, text.startswith('\n"""\n'),
              text.rstrip('"\n').splitlines()[-1])
        # The worker's whole traceback: its header and the frame that raised.
        print("remote traceback", "Traceback (most recent call last):" in text, "in boom" in text,
              'raise AppError("bad input %d" % x)' in text)
    print(result.ready(), result.successful())
    try:
        pool.map(boom, range(4), chunksize=4)
    except AppError as e:
        print("map raised", type(e).__name__, e)
    it = pool.imap(boom, [1])
    try:
        next(it)
    except AppError as e:
        print("imap raised", e)
    try:
        pool.map(lambda x: x, [1, 2])
    except Exception as e:
        print("lambda:", type(e).__name__, str(e).startswith("Can't pickle <function <lambda>"))
    slow = pool.apply_async(nap, (0.5,))
    try:
        slow.get(timeout=0.01)
    except multiprocessing.TimeoutError as e:
        print("TimeoutError", type(e).__mro__[1].__name__)
    try:
        slow.successful()
    except ValueError as e:
        print("ValueError", str(e).endswith("not ready"))
    print(slow.get())
    print(pool.apply(Point, (5, 6)))
try:
    pool.apply(sq, (1,))
except ValueError as e:
    print("ValueError", e)
pool.join()

pool = Pool(processes=3, initializer=setup, initargs=("hello",))
print(pool.map(greet, ["a", "b", "c"]))
pool.close()
try:
    pool.apply(greet, ("late",))
except ValueError as e:
    print("ValueError", e)
pool.join()
try:
    Pool(0)
except ValueError as e:
    print("ValueError", e)

# ---- an uncaught exception in a child: "Process Process-N:" and its
# traceback on stderr, exit code 1 ----
p = Process(target=fail)
p.start()
p.join()
print(p.name, "exit code", p.exitcode)
print("active children:", multiprocessing.active_children())
sys.stderr.write("multiprocessing_basics: done\n")
