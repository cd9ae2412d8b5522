"""concurrent.futures: run calls asynchronously on a pool of threads.
Follows CPython 3.11's concurrent.futures behaviour; written for gillab.

The VM runs no processes, so there is no ProcessPoolExecutor; the thread
pool is imported eagerly (CPython imports it on first use, through a module
__getattr__), which also installs its exit hook.
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                                      TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
                                      wait, as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

# CPython's __all__ without ProcessPoolExecutor (InvalidStateError is
# importable but, as in CPython, not in __all__).
__all__ = ("FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError",
           "BrokenExecutor", "Future", "Executor", "wait", "as_completed", "ThreadPoolExecutor")
