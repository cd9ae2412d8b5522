"""concurrent.futures: run calls asynchronously on a pool of threads or of
processes. Follows CPython 3.11's concurrent.futures behaviour; written for
gillab.

Both pools are imported eagerly (CPython imports them on first use, through
a module __getattr__, which the VM lacks), which also installs the thread
pool's exit hook; the process pool imports multiprocessing only when its
first executor starts. As in CPython, BrokenProcessPool is importable from
concurrent.futures.process only.
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                                      TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
                                      wait, as_completed)
from concurrent.futures.process import ProcessPoolExecutor
from concurrent.futures.thread import ThreadPoolExecutor

# CPython's __all__ (InvalidStateError is importable but, as in CPython, not
# in __all__).
__all__ = ("FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError",
           "BrokenExecutor", "Future", "Executor", "wait", "as_completed", "ProcessPoolExecutor",
           "ThreadPoolExecutor")
