"""asyncio.mixins: _LoopBoundMixin, which binds a lock or queue to the loop
that first uses it. Follows CPython 3.11's asyncio behaviour; written
independently for gillab.

Invariant: an object is bound to at most one loop, the running loop of its
first blocking use; using it from another loop is a RuntimeError.
"""

import _thread

from . import events

_global_lock = _thread.allocate_lock()
_marker = object()  # "no loop= argument" (3.10 removed the parameter)


class _LoopBoundMixin:
    _loop = None

    def __init__(self, *, loop=_marker):
        if loop is not _marker:
            raise TypeError("As of 3.10, the *loop* parameter was removed from %s() since it is no longer necessary"
                            % type(self).__name__)

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            with _global_lock:
                if self._loop is None:
                    self._loop = loop
        if loop is not self._loop:
            raise RuntimeError("%r is bound to a different event loop" % (self,))
        return loop
