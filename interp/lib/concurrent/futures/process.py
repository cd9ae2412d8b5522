"""concurrent.futures.process: ProcessPoolExecutor, on forked worker
processes. Follows CPython 3.11's concurrent.futures behaviour with the
fork start method (workers forked at the first submit, ForkProcess-N
names, chunked map, messages, BrokenProcessPool when a worker dies,
finishing queued work at exit); written for gillab.

Invariants:
  - The workers and the handler thread are multiprocessing.pool's engine
    (see its docstring: one task in flight per worker, private socketpairs,
    death seen as EOF) in "executor" mode: a worker runs each call with
    BaseException caught (SystemExit in a call is the call's exception, as
    in CPython), and a failed initializer ends that worker.
  - Each submit is one job of one task, its future. The future is set
    running when its task is sent to a worker (a cancelled one is skipped
    then), finished when the result arrives. Calls and results are pickled
    by the engine: an unpicklable call fails its future in the parent.
  - Any worker that ends unexpectedly breaks the executor: every pending
    and running future fails with BrokenProcessPool("A process in the
    process pool was terminated abruptly while the future was running or
    pending."), the other workers are terminated, and submit() raises
    BrokenProcessPool from then on.
  - _shutdown_lock orders submit against shutdown(): nothing is queued
    after shutdown. At exit (multiprocessing's hook) an executor not shut
    down finishes its queued work first, as in CPython; _global_shutdown
    then refuses new work.
  - This module imports multiprocessing only when the first executor
    starts (concurrent.futures imports this module eagerly: the VM has no
    module __getattr__).

Needs threads: on pyvm-nosync the first submit raises the VM's
RuntimeError ("pyvm-nosync cannot start a thread: ..."). A worker's
exception arrives with a _RemoteTraceback cause holding its traceback
text, as in CPython.
"""

import itertools
import os
import threading

from concurrent.futures import _base

__all__ = ["ProcessPoolExecutor", "BrokenProcessPool"]

_global_shutdown = False


def _python_exit():
    global _global_shutdown
    _global_shutdown = True


threading._register_atexit(_python_exit)


class _RemoteTraceback(Exception):
    """The cause attached to a worker's exception: its traceback text."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state."""


_BROKEN_FUTURE = ("A process in the process pool was terminated abruptly while the future was running or pending.")
_BROKEN_SUBMIT = "A child process terminated abruptly, the process pool is not usable anymore"


def _lost_error(worker, exitcode, before_ready):
    return BrokenProcessPool(_BROKEN_FUTURE)


class _FutureJob:
    """One submit: the engine's job for a future."""

    def __init__(self, future):
        self.future = future
        self._id = None

    def _start(self, index):
        return self.future.set_running_or_notify_cancel()

    def _set(self, index, ok, value):
        try:
            if ok:
                self.future.set_result(value)
            else:
                exc, tb = value
                if tb is not None:
                    from multiprocessing.pool import _with_cause
                    _with_cause(exc, _RemoteTraceback('\n"""\n%s"""' % tb))
                self.future.set_exception(exc)
        except _base.InvalidStateError:
            pass  # already failed (a broken pool) or cancelled
        return True

    def _complete(self):
        return True

    def _fail(self, exc):
        if not self.future.done():
            self._set(0, False, (exc, None))

    def _source_done(self, count):
        return False

    def _source_failed(self, count, exc):
        return self._set(0, False, (exc, None))


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _get_chunks(iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(_base.Executor):
    """Runs calls on up to max_workers forked processes."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if mp_context is not None:
            mp_context.get_context("fork")  # the only start method
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._engine = None
        self._broken = False
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()

    def _on_broken(self, exc):
        self._broken = _BROKEN_SUBMIT

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs) in a worker; returns its Future."""
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _global_shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            if self._engine is None:
                from multiprocessing import pool
                self._engine = pool._Engine(self._max_workers, self._initializer, self._initargs,
                                            self._max_tasks_per_child, "executor", _lost_error, self._on_broken)
            f = _base.Future()
            self._engine.submit(_FutureJob(f), iter(((0, fn, args, kwargs),)))
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls made by the workers in chunks
        of chunksize; the results are yielded in order."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = _base.Executor.map(self, _process_chunk, itertools.repeat(fn),
                                     _get_chunks(iterables, chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stops taking work; the workers end after the queued calls (which
        cancel_futures cancels instead). wait=True waits for that."""
        with self._shutdown_lock:
            self._shutdown_thread = True
            engine = self._engine
            if cancel_futures and engine is not None:
                for job in engine.jobs():
                    job.future.cancel()
        if engine is not None:
            engine.close()
            if wait:
                engine.join()
            # The engine calls back into this executor (_on_broken): without
            # a cycle collector in gillab that cycle would outlive both.
            self._engine = None
