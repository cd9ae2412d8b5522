# concurrent.futures.ProcessPoolExecutor (fork): submit and result, map
# (chunks, several iterables), an exception with its remote traceback as
# cause, SystemExit in a call, an unpicklable call, initializer, wait and
# as_completed, shutdown and what follows it, and a worker that dies
# (os._exit, held back by a pipe until both calls are queued) breaking the
# pool. Every output line is the same whatever the timing.
import multiprocessing
import os
import sys
from concurrent.futures import ALL_COMPLETED, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def sq(x):
    return x * x


def add(a, b):
    return a + b


def boom(x):
    raise KeyError("missing %d" % x)


def leave(code):
    sys.exit(code)


def die(gate):
    os.read(gate, 1)  # not before the main process has submitted what follows
    os._exit(3)


def where():
    return multiprocessing.current_process().name


_prefix = None


def setup(prefix):
    global _prefix
    _prefix = prefix


def tag(x):
    return _prefix + str(x)


with ProcessPoolExecutor(max_workers=2) as ex:
    f = ex.submit(sq, 12)
    print(f.result(timeout=30), f.done(), f.exception())
    print(ex.submit(add, "a", b="b").result())
    print(ex.submit(Point, 1, y=2).result())
    print(list(ex.map(sq, range(10))))
    print(list(ex.map(add, range(5), range(10, 15), chunksize=2)))
    print(list(ex.map(sq, [])))
    print("worker names", all(ex.submit(where).result().startswith("ForkProcess-") for _ in range(4)))
    f = ex.submit(boom, 5)
    e = f.exception()
    text = str(e.__cause__)
    print(type(e).__name__, e, "| cause", type(e.__cause__).__name__, text.startswith('\n"""\n'),
          text.rstrip('"\n').splitlines()[-1])
    print("remote traceback", "Traceback (most recent call last):" in text, "in boom" in text,
          'raise KeyError("missing %d" % x)' in text)
    try:
        f.result()
    except KeyError as e:
        print("result() raised KeyError", e)
    e = ex.submit(leave, 4).exception()
    print(type(e).__name__, e.code)
    try:
        list(ex.map(boom, [1, 2]))
    except KeyError as e:
        print("map raised KeyError", e)
    try:
        ex.submit(lambda: 0).result()
    except Exception as e:
        print("lambda:", type(e).__name__, str(e).startswith("Can't pickle <function <lambda>"))
    fs = [ex.submit(sq, i) for i in range(6)]
    done, not_done = wait(fs, timeout=30, return_when=ALL_COMPLETED)
    print(len(done), len(not_done), sorted(f.result() for f in as_completed(fs)))
try:
    ex.submit(sq, 1)
except RuntimeError as e:
    print("RuntimeError", e)
ex.shutdown()

ex = ProcessPoolExecutor(max_workers=2, initializer=setup, initargs=("n",))
print(list(ex.map(tag, range(4))))
ex.shutdown(wait=True)

gate_r, gate_w = os.pipe()  # inherited by the worker (fork)
ex = ProcessPoolExecutor(max_workers=1)
print(ex.submit(sq, 3).result())
fs = [ex.submit(die, gate_r), ex.submit(sq, 2)]
os.write(gate_w, b"x")
for f in fs:
    try:
        f.result(timeout=30)
    except BrokenProcessPool as e:
        print("BrokenProcessPool", e)
try:
    ex.submit(sq, 1)
except BrokenProcessPool as e:
    print("BrokenProcessPool", e)
ex.shutdown()
os.close(gate_r)
os.close(gate_w)
print(BrokenProcessPool.__mro__[1].__name__, BrokenProcessPool.__mro__[2].__name__)

for kwargs in ({"max_workers": 0}, {"initializer": 3}, {"max_tasks_per_child": 0}):
    try:
        ProcessPoolExecutor(**kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("active children:", multiprocessing.active_children())
