"""asyncio.tasks: Task (a coroutine driven by the event loop) and the
functions that combine awaitables: gather, wait, wait_for, sleep, shield,
as_completed, plus create_task/ensure_future/current_task/all_tasks and
run_coroutine_threadsafe.

Follows CPython 3.11's asyncio behaviour (asyncio.tasks, the pure-Python
Task); written independently for gillab.

Invariants:
  - A Task runs its coroutine one step at a time, always from a loop
    callback (_step), never inline: create_task() schedules the first step
    with call_soon. A step ends when the coroutine awaits a pending future
    (the Task then waits in a done-callback of that future, task_wakeup),
    yields None (sleep(0): the next step is scheduled at once), returns (the
    Task's result) or raises (its exception; CancelledError cancels the
    Task). A Task cancelled before its first step never runs its coroutine.
  - While a step runs, current_task(loop) is that Task; steps of two Tasks
    of one loop never overlap.
  - cancel() asks for a CancelledError to be thrown into the coroutine at its
    next step: through the future it waits on (cancelling that future wakes
    the Task) or, if it waits on none, by the _must_cancel flag. The
    coroutine may catch it; the Task is cancelled only if the coroutine ends
    with CancelledError. cancelling() counts the requests, uncancel()
    takes one back (asyncio.timeout uses the pair).
  - The loop keeps the set of its Tasks that are not done (all_tasks());
    Task names are 'Task-N' with one counter per process.
"""

import functools

from . import coroutines
from . import events
from . import exceptions
from . import futures
from .futures import _get_loop

__all__ = ("Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait", "wait_for",
           "as_completed", "sleep", "gather", "shield", "ensure_future", "run_coroutine_threadsafe",
           "current_task", "all_tasks", "_register_task", "_unregister_task", "_enter_task", "_leave_task")

_task_counter = 0


def _next_task_name():
    global _task_counter
    _task_counter += 1
    return "Task-%d" % _task_counter


_current_tasks = {}  # loop -> the Task whose step is running on it
_foreign_loop_tasks = {}  # tasks of loops that keep no table of their own


def _tasks_of(loop):
    """The loop's table of unfinished Tasks (a dict used as an ordered set)."""
    tasks = getattr(loop, "_tasks", None)
    if tasks is None:
        tasks = _foreign_loop_tasks.setdefault(loop, {})
    return tasks


def _register_task(task):
    _tasks_of(task._loop)[task] = None


def _unregister_task(task):
    _tasks_of(task._loop).pop(task, None)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError("Cannot enter into task %r while another task %r is being executed." % (task, current))
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError("Leaving task %r does not match the current task %r." % (task, current))
    del _current_tasks[loop]


def current_task(loop=None):
    """The Task running on loop (default: the running loop), or None."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """The loop's Tasks that are not done yet (default: the running loop's)."""
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in list(_tasks_of(loop)) if not t.done()}


class Task(futures.Future):
    """A coroutine scheduled on an event loop, seen as a Future of its result."""

    # False for the tasks asyncio.run/run_until_complete/gather create: they
    # are not reported as "destroyed but pending".
    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        default_name = _next_task_name()  # the counter counts named Tasks too (as CPython's C Task)
        self._name = default_name if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        _register_task(self)

    def _repr_info(self):
        info = super()._repr_info()
        if self._num_cancels_requested and not self.done():
            info[0] = "cancelling"
        info.insert(1, "name=%r" % (self._name,))
        info.insert(2, "coro=<%s>" % coroutines._format_coroutine(self._coro))
        if self._fut_waiter is not None:
            info.insert(3, "wait_for=%r" % (self._fut_waiter,))
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def get_stack(self, *, limit=None):
        """Always []: gillab exposes no frames of a suspended coroutine."""
        return []

    def print_stack(self, *, limit=None, file=None):
        import sys
        (file or sys.stderr).write("No stack for %r\n" % (self,))

    def cancel(self, msg=None):
        """Requests cancellation (see the module docstring); False if the
        Task is already done."""
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None and self._fut_waiter.cancel(msg=msg):
            # The Task wakes up from that future and throws CancelledError in.
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """How many cancellation requests are pending."""
        return self._num_cancels_requested

    def uncancel(self):
        """Takes one cancellation request back; returns how many remain."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError("_step(): already done: %r, %r" % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        _enter_task(loop, self)
        try:
            self._run_coroutine(exc)
        finally:
            _leave_task(loop, self)
            if self.done():
                _unregister_task(self)

    def _run_coroutine(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came while the coroutine was finishing.
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(stop.value)
        except exceptions.CancelledError as cancelled:
            self._cancelled_exc = cancelled  # re-raised by result()
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as fatal:
            super().set_exception(fatal)
            raise
        except BaseException as error:
            super().set_exception(error)
        else:
            self._handle_yield(result)

    def _handle_yield(self, result):
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            if _get_loop(result) is not self._loop:
                error = RuntimeError("Task %r got Future %r attached to a different loop" % (self, result))
                self._loop.call_soon(self._step, error)
            elif not blocking:
                error = RuntimeError("yield was used instead of yield from in task %r with %r" % (self, result))
                self._loop.call_soon(self._step, error)
            elif result is self:
                self._loop.call_soon(self._step, RuntimeError("Task cannot await on itself: %r" % (self,)))
            else:
                result._asyncio_future_blocking = False
                result.add_done_callback(self.task_wakeup)
                self._fut_waiter = result
                if self._must_cancel and result.cancel(msg=self._cancel_message):
                    self._must_cancel = False
        elif result is None:
            self._loop.call_soon(self._step)  # a bare yield: sleep(0)
        elif type(result) is coroutines._GeneratorType:
            error = RuntimeError("yield was used instead of yield from for generator in task %r with %r"
                                 % (self, result))
            self._loop.call_soon(self._step, error)
        else:
            self._loop.call_soon(self._step, RuntimeError("Task got bad yield: %r" % (result,)))

    def task_wakeup(self, future):
        """The done-callback of the future the Task waits on (CPython's C
        Task's name, which shows in reprs): runs the next step."""
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    """Schedules coro on the running loop; returns its Task."""
    return events.get_running_loop().create_task(coro, name=name)


def _isawaitable(obj):
    return hasattr(type(obj), "__await__")


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A future as is; a coroutine or other awaitable wrapped in a Task."""
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    should_close = True
    if not coroutines.iscoroutine(coro_or_future):
        if not _isawaitable(coro_or_future):
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        coro_or_future = _wrap_awaitable(coro_or_future)
        should_close = False
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if should_close:
            coro_or_future.close()
        raise


class _Sleep0:
    """Awaiting it yields None once: the Task reschedules itself at once."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    """Suspends the current Task for delay seconds; returns result."""
    if delay <= 0:
        await _Sleep0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


# ---- wait / wait_for / as_completed ----

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures and Tasks in fs; returns (done, pending) sets.
    Coroutines are refused (3.11): wrap them in Tasks."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % (return_when,))
    loop = events.get_running_loop()
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    fs = {ensure_future(f, loop=loop) for f in fs}
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    remaining = [len(fs)]

    def on_completion(f):
        remaining[0] -= 1
        if (remaining[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancels fut and waits until it is done (it may refuse the cancellation)."""
    waiter = loop.create_future()
    callback = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(callback)
    try:
        fut.cancel()
        # Wait for the cancellation to be processed, not for a timeout: the
        # awaited future may catch CancelledError and keep going.
        await waiter
    finally:
        fut.remove_done_callback(callback)


async def wait_for(fut, timeout):
    """The result of fut, or TimeoutError (after cancelling fut and waiting
    for it to finish) if it takes longer than timeout seconds."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    callback = functools.partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(callback)
    try:
        try:
            await waiter
        except exceptions.CancelledError:
            # wait_for itself was cancelled: cancel fut too, unless it is done.
            if fut.done():
                return fut.result()
            fut.remove_done_callback(callback)
            await _cancel_and_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(callback)
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    """An iterator of coroutines; awaiting the k-th gives the k-th result to
    arrive (TimeoutError for those left when timeout expires)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
    from .queues import Queue
    done = Queue()
    loop = events.get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)  # one TimeoutError per unfinished future
        todo.clear()

    def on_completion(f):
        if not todo:
            return  # on_timeout() came first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()


# ---- gather / shield ----

class _GatheringFuture(futures.Future):
    """gather()'s outer future: cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            # The outcome is then set when the children are done.
            self._cancel_requested = True
        return cancelled_any


def gather(*coros_or_futures, return_exceptions=False):
    """A future of the list of the awaitables' results, in argument order.
    With return_exceptions=False the first exception (or cancellation) of
    a child becomes the outer future's at once (the other children keep
    running); with True exceptions are returned in the list."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    loop = None
    children = []
    by_arg = {}
    for arg in coros_or_futures:
        if arg in by_arg:
            fut = by_arg[arg]  # the same coroutine twice: one Task
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = _get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False  # we made it, gather owns it
            by_arg[arg] = fut
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    finished = [0]

    def on_child_done(fut):
        finished[0] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()  # retrieved: no "never retrieved" report
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished[0] == len(by_arg):
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res = exceptions.CancelledError("" if msg is None else msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for fut in by_arg.values():
        fut.add_done_callback(on_child_done)
    return outer


def shield(arg):
    """A future with arg's outcome whose cancellation does not cancel arg."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = _get_loop(inner)
    outer = loop.create_future()

    def on_inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def on_outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(on_inner_done)

    inner.add_done_callback(on_inner_done)
    outer.add_done_callback(on_outer_done)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submits coro to loop from another thread; returns a
    concurrent.futures.Future of its result."""
    import concurrent.futures
    if not coroutines.iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    result = concurrent.futures.Future()

    def copy_outcome(task):
        if result.cancelled():
            return
        if not result.set_running_or_notify_cancel():
            return
        if task.cancelled():
            result.set_exception(concurrent.futures.CancelledError())
        elif task.exception() is not None:
            result.set_exception(task.exception())
        else:
            result.set_result(task.result())

    def start():
        try:
            task = ensure_future(coro, loop=loop)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if result.set_running_or_notify_cancel():
                result.set_exception(exc)
            raise
        task.add_done_callback(copy_outcome)
        result.add_done_callback(lambda f: f.cancelled() and loop.call_soon_threadsafe(task.cancel))

    loop.call_soon_threadsafe(start)
    return result
