"""contextlib: contextmanager, suppress, closing, aclosing, nullcontext,
ExitStack, redirect_stdout/redirect_stderr, AbstractContextManager,
AbstractAsyncContextManager, ContextDecorator.

Written for gillab after CPython 3.11's Lib/contextlib.py (the same protocol:
a generator-based context manager re-raises the exception thrown into it
unless the generator handles it, and a StopIteration raised inside the block
is not mistaken for the generator ending). Absent: asynccontextmanager and
AsyncExitStack (gillab has no asynchronous generators) and chdir (gillab's
os has no chdir). redirect_stdout swaps sys.stdout as CPython does, but
gillab's print() without file= writes to the process's standard output
whatever sys.stdout is, so only code that writes to sys.stdout (or passes
file=sys.stdout) is redirected.
"""
import abc
import sys
from functools import wraps

__all__ = ["contextmanager", "closing", "aclosing", "nullcontext", "AbstractContextManager",
           "AbstractAsyncContextManager", "ContextDecorator", "ExitStack", "redirect_stdout",
           "redirect_stderr", "suppress"]


def _has_methods(C, *methods):
    # A class "has" a method when some class of its MRO defines it to
    # something other than None (None switches the protocol off).
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(abc.ABC):
    """An ABC for classes with __enter__ (returning self by default) and
    __exit__; any class defining both counts as a subclass."""

    __slots__ = ()

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _has_methods(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """The asynchronous counterpart: __aenter__ and __aexit__."""

    __slots__ = ()

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_methods(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator(object):
    """A base class that makes a context manager usable as a decorator:
    each call of the decorated function runs inside `with
    self._recreate_cm():`."""

    def _recreate_cm(self):
        # A manager that can be entered once only returns a fresh copy here.
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)

        return inner


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    """What a @contextmanager function returns."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # The generator runs once, so each decorated call needs a new one.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # The arguments are only needed to recreate the manager, which a
        # manager in use is never asked to do: do not keep them alive.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator caught the exception and finished: suppress it,
            # unless it is the StopIteration the block itself raised.
            return exc is not value
        except RuntimeError as exc:
            # PEP 479: a StopIteration from the block comes back wrapped.
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager: a generator function that yields once becomes a
    context manager; the code before the yield is __enter__, after it
    __exit__, and an exception in the block is raised at the yield."""

    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    return helper


class suppress(AbstractContextManager):
    """with suppress(E1, E2): the block's exceptions of those types end it
    silently."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class closing(AbstractContextManager):
    """with closing(thing) as t: calls thing.close() at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """async with aclosing(thing) as t: awaits thing.aclose() at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so one object can be entered again while in use.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """with redirect_stdout(f): sys.stdout is f inside the block (see the
    module docstring about print())."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """with redirect_stderr(f): sys.stderr is f inside the block."""

    _stream = "stderr"


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing; `with nullcontext(x) as y`
    binds x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class ExitStack(AbstractContextManager):
    """Callbacks and context managers unwound last-in first-out when the
    with block ends; an exception from one callback is passed to the next,
    as CPython's ExitStack does."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = ExitStack()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        exit_method = getattr(type(exit), "__exit__", None)
        if exit_method is None:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(lambda *details: exit_method(exit, *details))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise TypeError("'%s' object does not support the context manager protocol" % cls.__name__) from None
        result = enter(cm)
        self._exit_callbacks.append(lambda *details: exit(cm, *details))
        return result

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)

        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                if exc_details[1] is not None and new_exc is not exc_details[1]:
                    new_exc.__context__ = exc_details[1]
                pending = True
                exc_details = (type(new_exc), new_exc, None)
        if pending:
            raise exc_details[1]
        return received_exc and suppressed
