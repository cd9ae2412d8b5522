"""Pure-Python stand-in for gillab's built-in `atomic` module, so that a
program using `with atomic:` also runs on CPython and PyPy.

    from atomic import atomic
    with atomic:
        counter += 1

On a pyvm the built-in module wins over this file (as CPython's built-in
modules win over sys.path); there the block is the back-end's atomic block:
the GIL kept to the end of the block (gil), one process-wide lock (fine), a
transaction (stm). Here it is one process-wide re-entrant lock, which is
what `fine` does too: blocks exclude each other, not other code.
"""
import threading

backend = "fallback"
_lock = threading.RLock()
_depth = threading.local()


class _AtomicBlock:
    def __enter__(self):
        _lock.acquire()
        _depth.n = getattr(_depth, "n", 0) + 1
        return self

    def __exit__(self, *exc):
        _depth.n -= 1
        _lock.release()
        return False

    def __repr__(self):
        return "<atomic block (fallback)>"


def is_atomic():
    return getattr(_depth, "n", 0) > 0


atomic = _AtomicBlock()
