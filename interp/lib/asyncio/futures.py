"""asyncio.futures: Future, the awaitable result of an operation that
completes later on an event loop, and wrap_future() for
concurrent.futures.Future.

Follows CPython 3.11's asyncio behaviour (asyncio.futures, asyncio.base_futures);
written independently for gillab.

Invariants:
  - A Future's state only moves forward: PENDING -> FINISHED (a result or an
    exception) or PENDING -> CANCELLED, once. It is not thread-safe: only
    its loop's thread touches it (other threads use
    loop.call_soon_threadsafe, as wrap_future does).
  - Done-callbacks are never run inline: when the future completes (or when
    one is added to a future already done) each is scheduled with
    loop.call_soon(callback, future), in the order they were added.
  - `await future` yields the future itself to the Task driving the
    coroutine, with _asyncio_future_blocking set to True; the Task resets
    it and resumes the coroutine from a done-callback.
  - An exception nobody retrieved (result()/exception() never called): CPython
    reports it when the future is garbage collected; gillab has no __del__,
    so the future registers itself with its loop, which reports those still
    unretrieved when it is closed ("Future exception was never retrieved",
    "Task exception was never retrieved").
"""

from . import coroutines
from . import events
from . import exceptions

__all__ = ("Future", "wrap_future", "isfuture")

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """True for asyncio.Future instances and objects that behave like one."""
    return hasattr(obj.__class__, "_asyncio_future_blocking") and obj._asyncio_future_blocking is not None


def _format_callbacks(callbacks):
    names = [coroutines._format_callback_source(cb, ()) for cb, _ in callbacks]
    if len(names) > 2:
        names = [names[0], "<%d more>" % (len(names) - 2), names[-1]]
    return "cb=[%s]" % ", ".join(names)


class Future:
    """The outcome of an operation, available once it is done."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    # True while `await self` has handed the future to a Task (see __await__);
    # the attribute's existence is what isfuture() looks for.
    _asyncio_future_blocking = False
    # Set when an exception is stored, cleared when someone looks at it.
    _log_traceback = False

    def __init__(self, *, loop=None):
        self._loop = events._get_event_loop() if loop is None else loop
        self._callbacks = []

    def __class_getitem__(cls, item):
        return cls

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=%r" % (self._exception,))
            else:
                info.append("result=" + coroutines._short_repr(self._result))
        if self._callbacks:
            info.append(_format_callbacks(self._callbacks))
        return info

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, " ".join(self._repr_info()))

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise for this cancelled future (the one a
        Task caught, if any, else a new one with the cancel message)."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancels the future and schedules its callbacks; False if it was
        already done."""
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        for callback, context in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        """The result; raises the exception, CancelledError if cancelled, or
        InvalidStateError if not done yet."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        """The exception (None if the future has a result); CancelledError
        if cancelled, InvalidStateError if not done yet."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """fn(future) will be scheduled once the future is done."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Removes every pending registration of fn; returns how many."""
        kept = [(f, c) for f, c in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        note = getattr(self._loop, "_note_unretrieved", None)
        if note is not None:
            note(self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # the Task resumes us when the future is done
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return fut._loop
    return get_loop()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _convert_future_exc(exc):
    import concurrent.futures
    if isinstance(exc, concurrent.futures.CancelledError):
        return exceptions.CancelledError(*exc.args)
    if isinstance(exc, concurrent.futures.InvalidStateError):
        return exceptions.InvalidStateError(*exc.args)
    return exc


def _copy_state(dest, source):
    """Gives the asyncio future dest the outcome of the done future source
    (either kind)."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(_convert_future_exc(exc))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """destination (an asyncio future) completes as source does; cancelling
    destination cancels source. source may be a concurrent.futures.Future,
    completed in another thread: its outcome is handed over with
    call_soon_threadsafe."""
    dest_loop = _get_loop(destination)
    source_loop = _get_loop(source) if isfuture(source) else None

    def on_dest_done(dest):
        if dest.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            elif not source_loop.is_closed():
                source_loop.call_soon_threadsafe(source.cancel)

    def on_source_done(src):
        if destination.cancelled() and dest_loop.is_closed():
            return
        if source_loop is dest_loop:
            _copy_state(destination, src)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_copy_state, destination, src)

    destination.add_done_callback(on_dest_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio Future for a concurrent.futures.Future."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise TypeError("concurrent.futures.Future is expected, got %r" % (future,))
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
