"""concurrent.futures.thread: ThreadPoolExecutor. Follows CPython 3.11's
concurrent.futures behaviour (lazy workers, names, messages, the broken
pool after a failed initializer, finishing queued work at exit); written
for gillab.

Invariants:
  - Each executor has one SimpleQueue: a _WorkItem per submit, and None as
    a wake-up telling workers to look at the shutdown flags. A worker that
    sees None with a flag set puts it back (for its siblings) and ends, so
    one None stops every worker, after the items queued before it.
  - Workers start lazily: submit starts one only when no worker is idle
    (the idle semaphore counts items finished and not yet matched by a
    submit) and fewer than max_workers exist.
  - An executor's _shutdown_lock orders submit against shutdown() and
    _initializer_failed(): nothing is queued after shutdown's None or after
    the queue was drained for a broken pool.
  - _workers lists every live worker with its queue, for the exit hook; a
    worker removes itself when it ends. No work is queued once
    _interpreter_exiting is set.

Exit: as in CPython, the workers are stopped by a hook that
threading._shutdown runs (threading._register_atexit) before it joins
non-daemon threads, so queued work still finishes. Workers are daemon
threads as well, so a hook that never runs cannot keep the process alive.

The VM has no weakref: a worker holds its executor strongly (CPython holds
a weak reference and wakes the workers when the executor is collected), so
an executor dropped without shutdown() keeps its idle workers until exit.
"""

import os
import queue
import threading

from concurrent.futures import _base

_workers = {}  # worker Thread -> its executor's queue
_interpreter_exiting = False
_global_shutdown_lock = threading.Lock()  # guards the two above


def _python_exit():
    global _interpreter_exiting
    with _global_shutdown_lock:
        _interpreter_exiting = True
        items = list(_workers.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


def _default_max_workers():
    # CPython 3.8+: at least 5 workers for I/O-bound work, at most 32.
    return min(32, (os.cpu_count() or 1) + 4)


_pool_count = 0
_pool_count_lock = threading.Lock()


def _next_pool_number():
    global _pool_count
    with _pool_count_lock:
        n = _pool_count
        _pool_count += 1
        return n


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as exc:
                _base._report("Exception in initializer:", exc)
                executor._initializer_failed()
                return
        try:
            while True:
                item = work_queue.get(block=True)
                if item is not None:
                    item.run()
                    del item  # hold no call's arguments while idle
                    executor._idle_semaphore.release()
                    continue
                if _interpreter_exiting or executor._shutdown:
                    executor._shutdown = True
                    work_queue.put(None)
                    return
        except BaseException as exc:
            _base._report("Exception in worker", exc)
    finally:
        with _global_shutdown_lock:
            _workers.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool runs nothing more."""


class ThreadPoolExecutor(_base.Executor):
    """Runs calls on up to max_workers threads, started as needed."""

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_max_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False  # or the message of BrokenThreadPool
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _next_pool_number())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs); returns its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _interpreter_exiting:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._adjust_thread_count()
            return future

    def _adjust_thread_count(self):
        # Called with both locks held. An idle worker will take the item.
        if self._idle_semaphore.acquire(timeout=0):
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(name="%s_%d" % (self._thread_name_prefix, n), target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs),
                                 daemon=True)
            # Listed before it starts, so its own removal cannot come first.
            _workers[t] = self._work_queue
            try:
                t.start()
            except BaseException:
                del _workers[t]
                raise
            self._threads.add(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            # Fail what is queued: no worker of a broken pool will run it.
            while True:
                try:
                    item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stops taking work; the workers end after the queued items (which
        cancel_futures cancels instead). wait=True joins them."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
