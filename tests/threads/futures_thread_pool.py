# concurrent.futures (interp/lib/concurrent/futures): Future, ThreadPoolExecutor,
# map, as_completed, wait, callbacks, cancel, timeouts, shutdown, a broken pool
# and queued work finishing at exit. Events order every step that could race,
# so the output is fixed by the protocol, not by scheduling. The last stderr
# line comes from the failing initializer (the pool logs its traceback).
import threading
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor,
                                TimeoutError, as_completed, wait)
from concurrent.futures.thread import BrokenThreadPool


def plain(r):
    # A future's repr without its address: "<Future state=finished returned int>".
    return r[:r.index(" at 0x")] + r[r.index(" state="):]


def show(exc):
    print(" ", type(exc).__name__, str(exc))


def square(x):
    return x * x


def fails(msg):
    raise ValueError(msg)


def wait_then(event, value):
    event.wait()
    return value


# ---- submit / result, a bare Future ----
with ThreadPoolExecutor(max_workers=1) as ex:  # one worker: its name is fixed
    f = ex.submit(square, 12)
    print("result", f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(plain(repr(f)))
    print("kwargs", ex.submit(lambda x, *, by: x * by, 2, by=21).result())
    print("name", ex.submit(lambda: threading.current_thread().name).result())
with ThreadPoolExecutor(1, thread_name_prefix="pfx") as ex:
    print("name", ex.submit(lambda: threading.current_thread().name).result())

f = Future()
print(plain(repr(f)), f.done())
print("notify_cancel on pending:", f.set_running_or_notify_cancel(), plain(repr(f)))
f.set_result([1])
print(plain(repr(f)), f.result())
try:
    f.set_result(2)
except InvalidStateError as e:
    print("InvalidStateError", str(e).split(" at ")[0])
f = Future()
print("cancel pending:", f.cancel(), f.cancel(), f.cancelled(), f.done(), plain(repr(f)))
print("notify_cancel on cancelled:", f.set_running_or_notify_cancel())
try:
    f.result()
except CancelledError as e:
    print("CancelledError", repr(str(e)), issubclass(CancelledError, Exception))
f = Future()
f.set_exception(KeyError("k"))
print(plain(repr(f)), repr(f.exception()))

# ---- a worker that raises ----
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(fails, "bad value")
    exc = f.exception()
    print("exception():", type(exc).__name__, exc)
    try:
        f.result()
    except ValueError as e:
        print("result() raised", type(e).__name__, e, e is exc)
    print(plain(repr(f)))

# ---- map ----
with ThreadPoolExecutor(3) as ex:
    print("map", list(ex.map(square, range(8))))
    print("map2", list(ex.map(pow, [2, 3, 4], [5, 2])))
    print("map empty", list(ex.map(square, [])))

    def maybe_fails(x):
        if x == 3:
            raise ValueError("no 3")
        return x * 10

    got = []
    try:
        for v in ex.map(maybe_fails, range(6)):
            got.append(v)
    except ValueError as e:
        print("map raised after", got, "-", e)
    gate = threading.Event()
    it = ex.map(wait_then, [gate, gate], [1, 2], timeout=0.05)
    try:
        next(it)
    except TimeoutError as e:
        print("map timeout", type(e).__name__, repr(str(e)))
    gate.set()

# ---- as_completed in a forced order ----
with ThreadPoolExecutor(3) as ex:
    events = [threading.Event() for _ in range(3)]
    fs = [ex.submit(wait_then, events[i], "task%d" % i) for i in range(3)]
    ready = Future()
    ready.set_result("ready")
    order = [2, 0, 1]
    # Only `ready` is finished when the generator starts; each step then
    # lets exactly one more task finish. A duplicate future counts once.
    for k, f in enumerate(as_completed(fs + [ready, fs[0]])):
        print("as_completed", k, f.result())
        if k < 3:
            events[order[k]].set()
    # Deadlines: one finished future, one that cannot finish in time.
    gate = threading.Event()
    stuck = ex.submit(wait_then, gate, None)
    got = []
    try:
        for f in as_completed([ready, stuck], timeout=0.05):
            got.append(f.result())
    except TimeoutError as e:
        print("as_completed timeout after", got, "-", e)
    gate.set()

# ---- wait ----
with ThreadPoolExecutor(3) as ex:
    ea, eb = threading.Event(), threading.Event()
    a = ex.submit(wait_then, ea, "a")
    b = ex.submit(wait_then, eb, "b")
    ea.set()
    done, not_done = wait([a, b], return_when=FIRST_COMPLETED)
    print("FIRST_COMPLETED", sorted(f.result() for f in done), len(not_done), not_done == {b})
    r = wait([a, b], timeout=0.05)
    print("timed out wait", len(r.done), len(r.not_done), type(r).__name__)
    eb.set()
    done, not_done = wait([a, b], return_when=ALL_COMPLETED)
    print("ALL_COMPLETED", sorted(f.result() for f in done), len(not_done))
    ec = threading.Event()
    c = ex.submit(wait_then, ec, "c")
    d = ex.submit(fails, "first exception")
    done, not_done = wait([c, d], return_when=FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", [str(f.exception()) for f in done], not_done == {c})
    ec.set()
    c.result()
    print("already done:", len(wait([a, b, c, d], return_when=FIRST_COMPLETED).done))
    try:
        wait([c, Future()], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError", e)

# ---- done callbacks ----
with ThreadPoolExecutor(1) as ex:
    gate = threading.Event()
    called = threading.Event()
    seen = []

    def record(fut):
        seen.append(("cb", fut.result(), fut.done()))
        called.set()

    f = ex.submit(wait_then, gate, 5)
    f.add_done_callback(record)
    print("callback before done:", seen)
    gate.set()
    called.wait()
    print("callback ran in the worker:", seen)
    f.add_done_callback(lambda fut: print("callback after done runs now:", fut.result()))

    def bad(fut):
        raise RuntimeError("callback failed")

    f.add_done_callback(bad)  # reported on stderr, then ignored
    print("after the failing callback")
    cancelled_seen = []
    g = Future()
    g.add_done_callback(lambda fut: cancelled_seen.append(fut.cancelled()))
    g.cancel()
    print("callback on cancel:", cancelled_seen)

# ---- cancel a future that has not started; result(timeout) ----
ex = ThreadPoolExecutor(max_workers=1)
gate, started = threading.Event(), threading.Event()


def blocker():
    started.set()
    gate.wait()
    return "unblocked"


first = ex.submit(blocker)
started.wait()
second = ex.submit(square, 3)
third = ex.submit(square, 4)
print("running:", first.running(), "cancel running:", first.cancel())
print("cancel queued:", second.cancel(), second.cancelled(), second.done(), second.running())
try:
    first.result(timeout=0.05)
except TimeoutError as e:
    print("result timeout", type(e).__name__, repr(str(e)))
try:
    first.exception(timeout=0.05)
except TimeoutError as e:
    print("exception timeout", type(e).__name__)
gate.set()
print(first.result(), third.result())
try:
    second.result()
except CancelledError:
    print("cancelled future raises CancelledError")
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)
ex.shutdown()  # twice is fine
print("shutdown twice ok")

# ---- shutdown(cancel_futures=True) ----
ex = ThreadPoolExecutor(1)
gate, started = threading.Event(), threading.Event()
first = ex.submit(blocker)
started.wait()
queued = [ex.submit(square, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
print("cancel_futures:", [q.cancelled() for q in queued], first.cancelled())
gate.set()
ex.shutdown(wait=True)
print("after shutdown:", first.result())

# ---- the context manager ----
with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(square, i) for i in range(5)]
print("after with:", [f.done() for f in fs], [f.result() for f in fs])
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

# ---- bad arguments ----
for bad_workers in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad_workers)
    except ValueError as e:
        print("ValueError", e)
try:
    ThreadPoolExecutor(initializer=42)
except TypeError as e:
    print("TypeError", e)

# ---- initializers ----
init_log = []
with ThreadPoolExecutor(1, initializer=init_log.append, initargs=("init",)) as ex:
    print("initialized:", ex.submit(lambda: list(init_log)).result())


def broken_init():
    raise ValueError("init failed")


ex = ThreadPoolExecutor(1, initializer=broken_init)
f = ex.submit(square, 2)
exc = f.exception()
print("broken:", type(exc).__name__, "-", exc)
print("is BrokenExecutor:", isinstance(exc, BrokenExecutor), isinstance(exc, RuntimeError))
try:
    ex.submit(square, 3)
except BrokenThreadPool as e:
    print("submit to a broken pool:", type(e).__name__, "-", e)
ex.shutdown()

# ---- work still queued at exit runs before the process ends ----
ex = ThreadPoolExecutor(1)  # never shut down
gate = threading.Event()
ex.submit(gate.wait)
ex.submit(print, "queued work ran at exit")
print("main program ends")
gate.set()
