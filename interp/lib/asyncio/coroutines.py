"""asyncio.coroutines: recognising coroutines, and the short descriptions of
coroutines and callbacks that reprs and error reports use.

Follows CPython 3.11's asyncio behaviour (asyncio.coroutines and
asyncio.format_helpers, with a small reprlib); written independently for
gillab.

Invariants:
  - iscoroutine() is true for native coroutine objects, for generators (as
    in 3.11, which still accepts generator-based coroutines) and for any
    object whose class has send, throw, close and __await__ (what
    collections.abc.Coroutine checks).
  - iscoroutinefunction() reads the CO_COROUTINE bit (0x80) of the function's
    code (through bound methods and functools.partial), as inspect does;
    gillab has no inspect module.
  - Nothing here changes a coroutine's state: the type probes below close the
    coroutine they create before it ever runs (no "never awaited" warning).
"""

import functools

__all__ = ("iscoroutinefunction", "iscoroutine")

_CO_COROUTINE = 0x80


async def _probe():
    pass


_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro


def _probe_gen():
    yield


_GeneratorType = type(_probe_gen())
_FunctionType = type(_probe_gen)

class _M:
    def m(self):
        pass


_MethodType = type(_M().m)
del _M

_coroutine_types = {_CoroutineType, _GeneratorType}


def iscoroutine(obj):
    """True if obj is a coroutine object (or a generator, as 3.11 allows)."""
    t = type(obj)
    if t in _coroutine_types:
        return True
    for name in ("send", "throw", "close", "__await__"):
        if not hasattr(t, name):
            return False
    if len(_coroutine_types) < 100:
        _coroutine_types.add(t)
    return True


def _unwrap(func):
    while True:
        if isinstance(func, functools.partial):
            func = func.func
        elif isinstance(func, _MethodType):
            func = func.__func__
        else:
            return func


_is_coroutine = object()  # the marker CPython sets on @asyncio.coroutine functions


def iscoroutinefunction(func):
    """True if func is an `async def` function (or a method or partial of one)."""
    if getattr(func, "_is_coroutine", None) is _is_coroutine:
        return True
    f = _unwrap(func)
    if not isinstance(f, _FunctionType):
        return False
    code = getattr(f, "__code__", None)
    return bool(getattr(code, "co_flags", 0) & _CO_COROUTINE)


def _format_coroutine(coro):
    """'f() running at FILE:LINE', 'f() done, defined at FILE:LINE', or, when
    the coroutine does not expose its code (gillab's do not), 'f()' with
    ' running' while it executes."""
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None)
    name = (name or "<%s without __name__>" % type(coro).__name__) + "()"
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    if not code:
        running = getattr(coro, "cr_running", None)
        if running is None:
            running = getattr(coro, "gi_running", False)
        return name + " running" if running else name
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    filename = getattr(code, "co_filename", "") or "<empty co_filename>"
    if frame is not None:
        return "%s running at %s:%s" % (name, filename, frame.f_lineno)
    return "%s done, defined at %s:%s" % (name, filename, getattr(code, "co_firstlineno", 0))


# ---- a small reprlib (its default limits) ----

def _cut(s, limit):
    if len(s) <= limit:
        return s
    i = max(0, (limit - 3) // 2)
    j = max(0, limit - 3 - i)
    return s[:i] + "..." + s[len(s) - j:]


def _sorted_if_possible(items):
    try:
        return sorted(items)
    except Exception:
        return list(items)


def _short_repr(x, level=6):
    """reprlib.repr(x): long strings, numbers and containers abbreviated."""
    if isinstance(x, str):
        s = repr(x[:30])
        if len(s) > 30:
            i = max(0, 27 // 2)
            j = max(0, 27 - i)
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + "..." + s[len(s) - j:]
        return s
    if type(x) is int:
        return _cut(repr(x), 40)
    if type(x) in (list, tuple, set, frozenset):
        empty = {set: "set()", frozenset: "frozenset()"}
        if not x and type(x) in empty:
            return empty[type(x)]
        left, right, limit = {list: ("[", "]", 6), tuple: ("(", ")", 6), set: ("{", "}", 6),
                              frozenset: ("frozenset({", "})", 6)}[type(x)]
        items = _sorted_if_possible(x) if type(x) in (set, frozenset) else list(x)
        if level <= 0 and items:
            body = "..."
        else:
            body = ", ".join(_short_repr(e, level - 1) for e in items[:limit])
            if len(items) > limit:
                body += ", ..."
        if type(x) is tuple and len(items) == 1:
            right = "," + right
        return left + body + right
    if type(x) is dict:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        keys = _sorted_if_possible(x)
        body = ", ".join("%s: %s" % (_short_repr(k, level - 1), _short_repr(x[k], level - 1)) for k in keys[:4])
        if len(keys) > 4:
            body += ", ..."
        return "{" + body + "}"
    try:
        s = repr(x)
    except Exception:
        return "<%s instance at %#x>" % (type(x).__name__, id(x))
    return _cut(s, 30)


# ---- callbacks (asyncio.format_helpers) ----

def _format_args(args, kwargs):
    items = [_short_repr(a) for a in args or ()]
    items += ["%s=%s" % (k, _short_repr(v)) for k, v in (kwargs or {}).items()]
    return "(" + ", ".join(items) + ")"


def _format_callback(func, args, kwargs, suffix=""):
    if isinstance(func, functools.partial):
        suffix = _format_args(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    text = getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)
    return text + _format_args(args, kwargs) + suffix


def _function_source(func):
    while isinstance(func, functools.partial):
        func = func.func
    if isinstance(func, _FunctionType):
        code = func.__code__
        filename = getattr(code, "co_filename", None)
        if filename:
            return filename, code.co_firstlineno
    return None


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    source = _function_source(func)
    if source:
        text += " at %s:%s" % source
    return text
