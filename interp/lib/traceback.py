"""traceback: CPython's functions that format and print exceptions, over
the VM's record of where an exception passed (_traceback).

gillab models no traceback or frame objects: an exception's __traceback__
is None, and the functions here take the traceback from the exception
itself (the frames it was raised through, its chained exceptions), which
is what CPython prints for it. So format_exception(exc) and
format_exception(type(exc), exc, exc.__traceback__) give CPython's text,
one string per header, frame and exception line; `limit` is honoured by
dropping frames. extract_tb, walk_tb, StackSummary and print_stack are not
here (no frame objects).
"""
import sys

import _traceback

__all__ = ["format_exception", "format_exception_only", "format_exc", "print_exception", "print_exc",
           "print_last"]

_sentinel = object()


def _value_of(exc, value):
    # The 3.10+ forms: f(exc) and f(type, value, tb).
    if value is _sentinel:
        return exc
    return value


def _limited(chunks, limit):
    if limit is None:
        return chunks
    out, frames = [], []
    for chunk in chunks:
        if chunk.startswith("  File "):
            frames.append(chunk)
            continue
        if frames:
            out.extend(frames[:limit] if limit >= 0 else frames[limit:])
            frames = []
        out.append(chunk)
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines that print_exception would print, as a list of strings
    each ending in a newline."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _limited(_traceback.format_exception(value, chain), limit)


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last line(s): 'Type: message'."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _traceback.format_exception(value, False)[-1:]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints the exception and its traceback to file (sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """format_exception of the exception being handled, as one string."""
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """print_exception of the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
