"""asyncio.events: callback handles, the event loop base class, the policy
that hands out each thread's loop, and the running-loop registry.

Follows CPython 3.11's asyncio behaviour (asyncio.events); written
independently for gillab.

Invariants:
  - A Handle runs its callback at most once, and never after cancel(). An
    exception from the callback (other than SystemExit/KeyboardInterrupt,
    which propagate out of the loop) goes to the loop's exception handler.
  - TimerHandles order by `when`; the loop keeps them in a heap and counts
    the cancelled ones still in it (see base_events).
  - Each thread has at most one running loop, recorded here while
    run_forever() runs; get_event_loop() returns it, else the policy's
    loop for the thread. As in 3.11.7 the policy creates a loop on first
    use in the main thread only (without 3.12's DeprecationWarning), and
    not after set_event_loop() was called (asyncio.run() calls it with
    None on the way out).
  - gillab has no contextvars: `context=` arguments are accepted and
    ignored, and Handle.get_context() returns None.
"""

import _thread
import threading

from . import coroutines

__all__ = ("AbstractEventLoopPolicy", "AbstractEventLoop", "AbstractServer", "Handle", "TimerHandle",
           "get_event_loop_policy", "set_event_loop_policy", "get_event_loop", "set_event_loop",
           "new_event_loop", "get_child_watcher", "set_child_watcher", "_set_running_loop",
           "get_running_loop", "_get_running_loop")


class Handle:
    """A callback scheduled with call_soon()/call_soon_threadsafe()."""

    __slots__ = ("_callback", "_args", "_cancelled", "_loop", "_repr", "_context")

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._context = None

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        if self._callback is not None:
            info.append(coroutines._format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return "<%s>" % " ".join(self._repr_info())

    def get_context(self):
        return None

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            where = coroutines._format_callback_source(self._callback, self._args)
            self._loop.call_exception_handler({"message": "Exception in callback " + where,
                                               "exception": exc, "handle": self})


class TimerHandle(Handle):
    """A callback scheduled with call_later()/call_at() for loop time `when`."""

    __slots__ = ("_scheduled", "_when")

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, "when=%s" % self._when)
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        return self._when < other._when if isinstance(other, TimerHandle) else NotImplemented

    def __le__(self, other):
        return self._when < other._when or self.__eq__(other) if isinstance(other, TimerHandle) else NotImplemented

    def __gt__(self, other):
        return self._when > other._when if isinstance(other, TimerHandle) else NotImplemented

    def __ge__(self, other):
        return self._when > other._when or self.__eq__(other) if isinstance(other, TimerHandle) else NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        """The loop time (loop.time()) at which the callback is due."""
        return self._when


class AbstractServer:
    """What loop.create_server() returns (see base_events.Server)."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """The event loop interface; gillab's one implementation is
    base_events.SelectorEventLoop."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        raise NotImplementedError

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError("gillab's asyncio has no signal handlers")

    def remove_signal_handler(self, sig):
        raise NotImplementedError("gillab's asyncio has no signal handlers")


# ---- the running loop (one per thread) ----

_running_loops = {}  # thread ident -> the loop running in it


def _get_running_loop():
    """The loop running in this thread, or None."""
    return _running_loops.get(_thread.get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running_loops.pop(_thread.get_ident(), None)
    else:
        _running_loops[_thread.get_ident()] = loop


def get_running_loop():
    """The running event loop; RuntimeError outside of one."""
    loop = _running_loops.get(_thread.get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


# ---- policies ----

class AbstractEventLoopPolicy:
    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class _ThreadState:
    __slots__ = ("loop", "set_called")

    def __init__(self):
        self.loop = None
        self.set_called = False


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One loop per thread, created on demand in the main thread only."""

    def __init__(self):
        self._threads = {}  # thread ident -> _ThreadState

    def _state(self):
        ident = _thread.get_ident()
        state = self._threads.get(ident)
        if state is None:
            state = self._threads[ident] = _ThreadState()
        return state

    def get_event_loop(self):
        state = self._state()
        if state.loop is None and not state.set_called and threading.current_thread() is threading.main_thread():
            self.set_event_loop(self.new_event_loop())
        if state.loop is None:
            raise RuntimeError("There is no current event loop in thread %r." % threading.current_thread().name)
        return state.loop

    def set_event_loop(self, loop):
        state = self._state()
        state.set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError("loop must be an instance of AbstractEventLoop or None, not '%s'"
                            % type(loop).__name__)
        state.loop = loop

    def new_event_loop(self):
        from .base_events import SelectorEventLoop
        return SelectorEventLoop()

    def get_child_watcher(self):
        raise NotImplementedError("gillab's asyncio has no subprocesses")

    def set_child_watcher(self, watcher):
        raise NotImplementedError("gillab's asyncio has no subprocesses")


_policy = None


def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    """Installs policy (None: a fresh default policy)."""
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError("policy must be an instance of AbstractEventLoopPolicy or None, not '%s'"
                        % type(policy).__name__)
    _policy = policy


def get_event_loop():
    """The running loop if there is one, else the policy's loop for this thread."""
    loop = _running_loops.get(_thread.get_ident())
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


_get_event_loop = get_event_loop


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    return get_event_loop_policy().get_child_watcher()


def set_child_watcher(watcher):
    return get_event_loop_policy().set_child_watcher(watcher)
