"""asyncio for gillab: coroutines on an event loop, in pure Python.

Follows CPython 3.11's asyncio behaviour (its API, messages and the order in
which callbacks and tasks run); written independently for gillab. The
submodules state their invariants; in short:

  - The event loop (base_events) waits with select.epoll (native; its
    poll releases the interpreter lock while it waits) and wakes up for
    other threads through a socketpair. run_in_executor uses concurrent.futures.ThreadPoolExecutor
    (threads: not on pyvm-nosync).
  - Tasks drive coroutines through send()/throw(); Futures are awaited by
    yielding themselves to the Task (CPython's protocol).
  - gillab has no __del__ and no garbage collector, so the reports CPython
    makes when a Future or Task is collected ("Task exception was never
    retrieved", "Task was destroyed but it is pending!") are made when the
    loop is closed (asyncio.run() closes it), on sys.stderr.
  - Not provided: SSL, UDP, Unix sockets, subprocesses, signal handlers,
    TaskGroup, Barrier, asynchronous generators, contextvars (context=
    arguments are ignored), debug mode's checks.
"""

from . import (base_events, coroutines, events, exceptions, futures, locks, protocols, queues, runners, streams,
               tasks, timeouts, transports)
from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .queues import *
from .runners import *
from .streams import *
from .tasks import *
from .timeouts import *
from .transports import *
from .tasks import _register_task, _unregister_task, _enter_task, _leave_task
from .events import _get_running_loop, _set_running_loop, _get_event_loop

__all__ = (base_events.__all__ + coroutines.__all__ + events.__all__ + exceptions.__all__ + futures.__all__ +
           locks.__all__ + protocols.__all__ + queues.__all__ + runners.__all__ + streams.__all__ +
           tasks.__all__ + timeouts.__all__ + transports.__all__)

DefaultEventLoopPolicy = events.DefaultEventLoopPolicy
