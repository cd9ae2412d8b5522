"""concurrent.futures._base: Future, Executor, wait, as_completed and the
package's exceptions. Follows CPython 3.11's concurrent.futures behaviour
(its states, messages and reprs); written for gillab.

Invariants:
  - A future's state, outcome, waiters and callbacks change only with its
    _condition held, and the state only moves forward: PENDING -> RUNNING ->
    FINISHED, or PENDING -> CANCELLED -> CANCELLED_AND_NOTIFIED (the second
    step when the executor picks the cancelled future up).
  - wait() and as_completed() count a future as finished once it is FINISHED
    or CANCELLED_AND_NOTIFIED. They install their waiter on the unfinished
    futures while holding every future's condition (taken in id order, so
    two such calls cannot deadlock), and remove it before they return.
  - Done-callbacks run once, outside the condition: in the thread that
    finished or cancelled the future, or in add_done_callback's caller when
    the future was already done. An Exception from one is reported on
    stderr and ignored.
"""

import sys as _sys
import threading
import time
from collections import namedtuple

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

# The state names appear in InvalidStateError's message, as in CPython.
PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_DESCRIPTION = {PENDING: "pending", RUNNING: "running", CANCELLED: "cancelled",
                CANCELLED_AND_NOTIFIED: "cancelled", FINISHED: "finished"}
_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
# What wait() and as_completed() see as finished: a plain CANCELLED future
# has told no waiter yet (only set_running_or_notify_cancel does).
_NOTIFIED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class of this package's own exceptions."""


class CancelledError(Error):
    """The future was cancelled."""


class InvalidStateError(Error):
    """The future cannot be set in its current state."""


class BrokenExecutor(RuntimeError):
    """The executor can no longer run work (a worker failed to start)."""


# In 3.11 concurrent.futures.TimeoutError is the builtin TimeoutError.
TimeoutError = TimeoutError


DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")


def _report(message, exc):
    # CPython logs through logging.getLogger("concurrent.futures"), whose
    # last-resort handler writes the message and the traceback to stderr.
    # The VM has no logging module: write the same text directly.
    _sys.stderr.write(message + "\n")
    _sys.excepthook(type(exc), exc, getattr(exc, "__traceback__", None))


class _Waiter:
    """What wait() or as_completed() blocks on. Futures report to it as they
    finish (with their condition held); `event` is set once the caller has
    something to act on. `finished` and the count change under `lock`."""

    def __init__(self, mode, pending):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished = []
        self._mode = mode
        self._pending = pending  # ALL_COMPLETED / FIRST_EXCEPTION: still to finish

    def _add(self, future, failed):
        with self.lock:
            self.finished.append(future)
            if self._mode in (FIRST_COMPLETED, _AS_COMPLETED) or (failed and self._mode == FIRST_EXCEPTION):
                self.event.set()
                return
            self._pending -= 1
            if self._pending <= 0:
                self.event.set()


class _AllConditions:
    """Holds the conditions of all the given futures, taken in id order."""

    def __init__(self, futures):
        self._futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self._futures:
            f._condition.acquire()

    def __exit__(self, *exc_info):
        for f in self._futures:
            f._condition.release()


def _make_waiter(return_when, pending):
    if return_when in (FIRST_COMPLETED, _AS_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        return _Waiter(return_when, len(pending))
    raise ValueError("Invalid return condition: %r" % return_when)


def as_completed(fs, timeout=None):
    """Yields the futures of fs as they finish (those already finished first).
    Raises TimeoutError if some are still unfinished `timeout` seconds after
    the first next()."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    with _AllConditions(fs):
        finished = [f for f in fs if f._state in _NOTIFIED_STATES]
        pending = fs.difference(finished)
        waiter = _make_waiter(_AS_COMPLETED, pending)
        for f in pending:
            f._waiters.append(waiter)
    # The waiter stays installed on exactly the futures in `pending`.
    try:
        for f in finished:
            yield f
        del finished
        while pending:
            if timeout is None:
                wait_for = None
            else:
                wait_for = deadline - time.monotonic()
                if wait_for < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            waiter.event.wait(wait_for)
            with waiter.lock:
                batch = waiter.finished
                waiter.finished = []
                waiter.event.clear()
            for f in batch:  # in the order they finished
                pending.remove(f)
                with f._condition:
                    f._waiters.remove(waiter)
                yield f
    finally:
        for f in pending:
            with f._condition:
                f._waiters.remove(waiter)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits until return_when holds for fs (or timeout seconds pass);
    returns DoneAndNotDoneFutures(done, not_done), two sets."""
    fs = set(fs)
    with _AllConditions(fs):
        done = {f for f in fs if f._state in _NOTIFIED_STATES}
        not_done = fs - done
        if done and return_when == FIRST_COMPLETED:
            return DoneAndNotDoneFutures(done, not_done)
        if done and return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f.exception() is not None for f in done):
            return DoneAndNotDoneFutures(done, not_done)
        if not not_done:
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _make_waiter(return_when, not_done)
        for f in not_done:
            f._waiters.append(waiter)
    waiter.event.wait(timeout)
    for f in not_done:
        with f._condition:
            f._waiters.remove(waiter)
    # No future reports to the waiter any more: `finished` is final.
    done.update(waiter.finished)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    """The outcome of one call, set later by an executor (or by hand)."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            text = "<%s at %#x state=%s" % (self.__class__.__name__, id(self), _DESCRIPTION[self._state])
            if self._state == FINISHED:
                if self._exception is not None:
                    text += " raised %s" % self._exception.__class__.__name__
                else:
                    text += " returned %s" % self._result.__class__.__name__
            return text + ">"

    def _run_callbacks(self):
        # Called once the state is final: add_done_callback no longer
        # appends, so the list is read without the condition.
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _report("exception calling callback for %r" % (self,), exc)

    def cancel(self):
        """Cancels the future unless it is running or finished; returns
        whether it is now cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """fn(future) runs when the future is done; now if it already is."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _report("exception calling callback for %r" % (self,), exc)

    def result(self, timeout=None):
        """The call's return value; raises its exception, CancelledError, or
        TimeoutError when it is not done within timeout seconds."""
        with self._condition:
            # One wait suffices: the condition is notified only when the
            # future becomes done.
            if self._state not in _DONE_STATES:
                self._condition.wait(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            if self._exception is not None:
                raise self._exception
            return self._result

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned); raises
        CancelledError, or TimeoutError as result() does."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._condition.wait(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            return self._exception

    # ---- for executors (and tests) ----

    def set_running_or_notify_cancel(self):
        """Called by an executor before it runs the call: False if the future
        was cancelled (its waiters now learn it), else marks it running."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter._add(self, False)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            _sys.stderr.write("Future %s in unexpected state: %s\n" % (id(self), self._state))
            raise RuntimeError("Future in unexpected state")

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter._add(self, exception is not None)
            self._condition.notify_all()
        self._run_callbacks()

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)


class Executor:
    """Base class of the executors: submit() is theirs, map() and the
    context manager are built on it."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs); returns its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Submits fn for every tuple of zip(*iterables) now; the iterator
        returned yields the results in order, raising the first exception
        met, or TimeoutError once `timeout` seconds from this call pass.
        chunksize is for process pools; threads ignore it."""
        if timeout is not None:
            deadline = time.monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            # Leaving early (an exception, a timeout, close()) cancels the
            # futures not reached, so they never start.
            try:
                fs.reverse()  # pop() from the end then goes in submission order
                while fs:
                    future = fs.pop()
                    try:
                        if timeout is None:
                            value = future.result()
                        else:
                            value = future.result(deadline - time.monotonic())
                    finally:
                        future.cancel()  # a no-op on a finished future
                    del future
                    yield value
            finally:
                for future in fs:
                    future.cancel()

        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Frees the executor's resources once its pending work is done."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
