"""multiprocessing.context: the package's exceptions and its one context.
Follows CPython 3.11's multiprocessing behaviour with the fork start method
(the only one gillab has); written for gillab.

Invariants:
  - ProcessError, BufferTooShort, TimeoutError and AuthenticationError are
    defined here, as in CPython, so their repr names this module.
  - There is one start method, "fork": get_context() and get_context("fork")
    return the same ForkContext; any other method raises ValueError.
    set_start_method accepts only "fork".
"""

import os


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def _fork_only(method):
    if method is not None and method != "fork":
        raise ValueError("cannot find context for %r (gillab's multiprocessing has only the 'fork' start method)"
                         % (method,))


class ForkContext:
    """What `multiprocessing` offers, as attributes of a context object."""

    _name = "fork"
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    @property
    def Process(self):
        from multiprocessing.process import ForkProcess
        return ForkProcess

    def get_context(self, method=None):
        _fork_only(method)
        return self

    def get_start_method(self, allow_none=False):
        return "fork"

    def set_start_method(self, method, force=False):
        _fork_only(method)

    def get_all_start_methods(self):
        return ["fork"]

    def cpu_count(self):
        n = os.cpu_count()
        if n is None:
            raise NotImplementedError("cannot determine number of cpus")
        return n

    def current_process(self):
        from multiprocessing.process import current_process
        return current_process()

    def parent_process(self):
        from multiprocessing.process import parent_process
        return parent_process()

    def active_children(self):
        from multiprocessing.process import active_children
        return active_children()

    def Pipe(self, duplex=True):
        from multiprocessing.connection import Pipe
        return Pipe(duplex)

    def Lock(self):
        from multiprocessing.synchronize import Lock
        return Lock()

    def RLock(self):
        from multiprocessing.synchronize import RLock
        return RLock()

    def Queue(self, maxsize=0):
        from multiprocessing.queues import Queue
        return Queue(maxsize)

    def SimpleQueue(self):
        from multiprocessing.queues import SimpleQueue
        return SimpleQueue()

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        from multiprocessing.pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild, self)

    def freeze_support(self):
        pass


_default_context = ForkContext()


def get_context(method=None):
    _fork_only(method)
    return _default_context
