"""asyncio.runners: asyncio.run() and Runner.

Follows CPython 3.11's asyncio behaviour (asyncio.runners); written
independently for gillab.

Invariants:
  - A Runner owns one new loop, made on first use and set as the thread's
    current loop; close() cancels the Tasks still pending (and waits for
    them), shuts the default executor down, sets the current loop to None
    and closes the loop, which reports unretrieved exceptions.
  - asyncio.run() refuses to run inside a running loop.
  - Difference from CPython: no SIGINT handler is installed (gillab's
    asyncio has no signal handlers): Ctrl-C raises KeyboardInterrupt where
    the loop is, and the Runner still closes the loop on the way out.
"""

from . import coroutines
from . import events
from . import tasks

__all__ = ("Runner", "run")

_CREATED = "created"
_INITIALIZED = "initialized"
_CLOSED = "closed"


class Runner:
    """Runs coroutines on one loop, closed by close() (or `with`)."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != _INITIALIZED:
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _CLOSED

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Runs coro to completion on the Runner's loop; returns its result."""
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got %r" % (coro,))
        if events._get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == _CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state == _INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = _INITIALIZED


def run(main, *, debug=None):
    """Runs the coroutine main on a new event loop, closes the loop, and
    returns main's result (or raises its exception)."""
    if events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    pending = tasks.all_tasks(loop)
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(tasks.gather(*pending, return_exceptions=True))
    for task in pending:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({"message": "unhandled exception during asyncio.run() shutdown",
                                         "exception": task.exception(), "task": task})
