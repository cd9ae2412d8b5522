"""contextlib: contextmanager, suppress, closing, nullcontext, ExitStack.

Written for gillab after CPython's Lib/contextlib.py (the same protocol:
a generator-based context manager re-raises the exception thrown into it
unless the generator handles it, and a StopIteration raised inside the block
is not mistaken for the generator ending). Absent: the async variants,
redirect_stdout/stderr, chdir, AbstractContextManager, ContextDecorator.
"""
from functools import wraps

__all__ = ["contextmanager", "suppress", "closing", "nullcontext", "ExitStack"]


class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def __call__(self, func):
        # Used as a decorator: each call runs func inside a fresh manager.
        @wraps(func)
        def inner(*args, **kwds):
            with _GeneratorContextManager(self.func, self.args, self.kwds):
                return func(*args, **kwds)

        return inner

    def __enter__(self):
        del self.args, self.kwds
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


class suppress:
    """with suppress(E1, E2): the block's exceptions of those types end it
    silently."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class closing:
    """with closing(thing) as t: calls thing.close() at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext:
    """A context manager that does nothing; `with nullcontext(x) as y`
    binds x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class ExitStack:
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
