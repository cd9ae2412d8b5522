"""asyncio.exceptions: the package's exception types, as in CPython 3.11.

Follows CPython 3.11's asyncio behaviour; written independently for gillab.

Invariants:
  - CancelledError derives from BaseException (not Exception, since 3.8),
    so `except Exception` does not swallow a cancellation.
  - TimeoutError is the builtin TimeoutError (3.11), so asyncio.TimeoutError,
    TimeoutError and socket.timeout are one class.
  - IncompleteReadError derives from the builtin EOFError.
"""

__all__ = ("BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError", "IncompleteReadError",
           "LimitOverrunError", "SendfileNotAvailableError")

TimeoutError = TimeoutError


class CancelledError(BaseException):
    """The Task or Future was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in the Future's (or Task's) current state."""


class SendfileNotAvailableError(RuntimeError):
    """Sendfile is not available for this socket or file (gillab: never)."""


class BrokenBarrierError(RuntimeError):
    """A Barrier was reset or broken while waiting (no Barrier in gillab's asyncio)."""


class IncompleteReadError(EOFError):
    """The stream ended before the expected amount of data was read.

    partial: the bytes read before the end; expected: the total expected
    (None when reading up to a separator).
    """

    def __init__(self, partial, expected):
        shown = "undefined" if expected is None else repr(expected)
        super().__init__("%d bytes read on a total of %s expected bytes" % (len(partial), shown))
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was not found within the stream reader's limit.

    consumed: how many bytes the caller should discard to move on.
    """

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)
