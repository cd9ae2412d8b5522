"""multiprocessing: processes with the fork start method (the only one
gillab has). Follows CPython 3.11's multiprocessing behaviour for what it
provides: Process, current_process, parent_process, active_children,
Queue, SimpleQueue, Pipe, Lock, RLock, Pool, cpu_count, the exceptions,
get_context/get_start_method/set_start_method; written for gillab.

Invariants (each submodule states its own):
  - Every child is made by os.fork() in Process.start (process.py). Nothing
    is pickled for a Process; objects that cross between processes (Pipe,
    Queue, SimpleQueue, Pool tasks and results) go as pickle.dumps bytes in
    length-prefixed messages (connection.py) over socketpairs.
  - An object that cannot be pickled raises pickle.PicklingError in the
    sending process: at Connection.send / Queue.put, or, for Pool and
    ProcessPoolExecutor, as the failure of that task in the parent.
  - A child ends with os._exit after flushing sys.stdout and sys.stderr;
    the parent's exit hook terminates daemonic children and pools, lets
    executors finish, and reaps every child it started.

Not provided: Manager, Value/Array (shared memory), Semaphore, Event,
Condition, Barrier, JoinableQueue, connection.Listener/Client/wait, the
spawn and forkserver start methods, ThreadPool. See process.py, queues.py
and pool.py for the smaller differences from CPython.
"""

from multiprocessing.context import (ProcessError, BufferTooShort, TimeoutError, AuthenticationError, ForkContext,
                                     get_context)
from multiprocessing.process import Process, current_process, parent_process, active_children
from multiprocessing.connection import Pipe
from multiprocessing.queues import Queue, SimpleQueue
from multiprocessing.synchronize import Lock, RLock
from multiprocessing.pool import Pool

__all__ = ["Process", "current_process", "parent_process", "active_children", "Pipe", "Queue", "SimpleQueue",
           "Lock", "RLock", "Pool", "cpu_count", "freeze_support", "get_context", "get_start_method",
           "set_start_method", "get_all_start_methods", "ProcessError", "BufferTooShort", "TimeoutError",
           "AuthenticationError", "SUBDEBUG", "SUBWARNING"]

SUBDEBUG = 5
SUBWARNING = 25


def cpu_count():
    """The number of CPUs (NotImplementedError if it cannot be known)."""
    return get_context().cpu_count()


def freeze_support():
    """Nothing to do: there are no frozen Windows executables here."""


def get_start_method(allow_none=False):
    return "fork"


def set_start_method(method, force=False):
    get_context().set_start_method(method, force)


def get_all_start_methods():
    return ["fork"]
