"""threading: CPython's threading API over gillab's _thread module.

Every blocking operation here comes down to acquiring a _thread lock (a real
blocking lock from locks/, waited on in the back-end's blocking region, so a
waiting thread holds no interpreter lock): Condition.wait blocks on a
per-waiter lock, Event/Semaphore/Barrier/Queue are built on Condition, and
Thread.join waits on the lock its thread holds while it runs. That is what
lets the VM report a deadlock: when every live thread is blocked forever on
such a lock, none can ever wake another.

Design as CPython's Lib/threading.py (the waiter-lock Condition, the
"tstate lock" join, _shutdown joining non-daemon threads at exit); written
for gillab.
"""

import _thread
import sys as _sys
from time import monotonic as _time

__all__ = [
    "get_ident", "get_native_id", "active_count", "Condition", "current_thread", "enumerate",
    "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore",
    "Thread", "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "setprofile", "settrace",
    "local", "stack_size", "excepthook", "ExceptHookArgs",
]

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX

Lock = _allocate_lock


def settrace(func):
    raise NotImplementedError("threading.settrace is not supported by gillab")


def setprofile(func):
    raise NotImplementedError("threading.setprofile is not supported by gillab")


def stack_size(size=0):
    if size:
        raise NotImplementedError("threading.stack_size(size) is not supported by gillab")
    return 0


class _RLock:
    """A reentrant lock: an owner, a count and one _thread lock.

    The owner test needs no lock: only the owning thread ever finds itself
    in _owner, and only it changes the count while it owns the lock.
    """

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked", self.__class__.__module__,
            self.__class__.__qualname__, owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return self._block.locked()

    # For Condition: release fully, whatever the recursion depth, and restore.
    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count, owner = self._count, self._owner
        self._count = 0
        self._owner = None
        self._block.release()
        return (count, owner)

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()


def RLock(*args, **kwargs):
    return _RLock(*args, **kwargs)


class Condition:
    """A condition variable: each waiter blocks on a lock of its own, which
    notify() releases."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, "_release_save"):
            self._release_save = lock._release_save
        if hasattr(lock, "_acquire_restore"):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, "_is_owned"):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters.pop(0)
            try:
                waiter.release()
            except RuntimeError:
                pass  # it timed out meanwhile and released itself
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "<%s.%s at %s: value=%d>" % (self.__class__.__module__, self.__class__.__qualname__,
                                           hex(id(self)), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        status = "set" if self._flag else "unset"
        return "<%s.%s at %s: %s>" % (self.__class__.__module__, self.__class__.__qualname__, hex(id(self)), status)

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """A barrier for `parties` threads. Threads arrive while it is filling;
    the last one runs the action and lets the others out (draining); the
    barrier fills again once all have left. A timeout, an abort or a failing
    action breaks it for everyone."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        if self.broken:
            return "<%s.%s at %s: broken>" % (self.__class__.__module__, self.__class__.__qualname__, hex(id(self)))
        return "<%s.%s at %s: waiters=%d/%d>" % (self.__class__.__module__, self.__class__.__qualname__,
                                                hex(id(self)), self.n_waiting, self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (_DRAINING, _RESETTING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN


# ---- threads ----

_active_limbo_lock = RLock()
_active = {}  # ident -> Thread, for running threads
_limbo = {}   # started, not yet running
_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    """Reports an exception that escaped a thread's run(), as CPython does."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _sys.stderr.write("Exception in thread %s:\n" % name)
    _sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
    _sys.stderr.flush()


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break the reference cycle thread -> target -> thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._ident = get_ident()
        self._native_id = get_native_id()
        # Released by the runtime once this thread has left it (after the
        # finally below), as CPython 3.11's sentinel: join() then finds
        # nothing of the thread left.
        lock = _set_sentinel()
        self._tstate_lock = lock
        with _active_limbo_lock:
            _active[self._ident] = self
            del _limbo[self]
        self._started.set()
        try:
            self.run()
        except BaseException as e:
            excepthook(ExceptHookArgs(type(e), e, None, self))
        finally:
            with _active_limbo_lock:
                self._is_stopped = True
                _active.pop(self._ident, None)

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        lock = self._tstate_lock
        if lock is None:
            return
        if timeout is None:
            acquired = lock.acquire()
        else:
            acquired = lock.acquire(True, max(timeout, 0))
        if acquired:
            lock.release()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds unless
    cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread started by _thread.start_new_thread, seen by current_thread()."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    return current_thread()


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    return _main_thread


_missing = object()


def _class_attribute(cls, name):
    for klass in cls.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return _missing


def _is_data_descriptor(attr):
    kind = type(attr)
    return hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def _local_dict(self):
    storage = _thread._local_storage()
    key = object.__getattribute__(self, "_local__key")
    d = storage.get(key)
    if d is None:
        # First touch in this thread: a fresh dict, and a subclass's
        # __init__ run again with the constructor's arguments.
        d = storage[key] = {}
        cls = type(self)
        if _has_own_init(cls):
            args, kw = object.__getattribute__(self, "_local__args")
            cls.__init__(self, *args, **kw)
    return d


def _has_own_init(cls):
    # A subclass of local defines __init__ (CPython asks whether cls.__init__
    # is object.__init__; gillab makes a new wrapper per class access).
    for klass in cls.__mro__:
        if klass is _local:
            return False
        if "__init__" in klass.__dict__:
            return True
    return False


def _type_name(self):
    # CPython's local is the C type _thread._local, named so in messages.
    cls = type(self)
    return "_thread._local" if cls is _local else cls.__name__


class _local:
    """Thread-local data, as CPython's (Lib/_threading_local.py): each thread
    sees its own attribute dict. Data descriptors of the class (properties,
    __slots__) come first, then the thread's dict, then the class's other
    attributes; a subclass's __init__ runs again, with the constructor's
    arguments, the first time another thread touches the object.

    The dicts live in each thread's own storage (_thread._local_storage),
    so they end with their thread, and a later thread that reuses an
    identifier starts empty. Unlike CPython (weak references), a dead local
    object's dict stays in the storage of each thread that used it until
    that thread ends."""

    __slots__ = ("_local__key", "_local__args", "__dict__")
    __module__ = "_thread"

    def __new__(cls, *args, **kw):
        if (args or kw) and not _has_own_init(cls):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        # A key object of its own, never reused: the storages hold it for as
        # long as they hold the dict (an id() or a counter could be reused or
        # raced on by two threads making locals at once).
        key = object()
        object.__setattr__(self, "_local__key", key)
        object.__setattr__(self, "_local__args", (args, kw))
        # The creating thread's dict exists at once: its __init__ is the
        # constructor's own call.
        _thread._local_storage()[key] = {}
        return self

    def __getattribute__(self, name):
        d = _local_dict(self)
        if name == "__dict__":
            return d
        try:
            value = d[name]
        except KeyError:
            try:
                return object.__getattribute__(self, name)
            except AttributeError:
                if type(self) is not _local:
                    raise
                raise AttributeError("'_thread._local' object has no attribute '%s'" % name) from None
        attr = _class_attribute(type(self), name)
        if attr is not _missing and _is_data_descriptor(attr):
            return object.__getattribute__(self, name)
        return value

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _type_name(self))
        d = _local_dict(self)
        attr = _class_attribute(type(self), name)
        if attr is not _missing and _is_data_descriptor(attr):
            object.__setattr__(self, name, value)
        else:
            d[name] = value

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _type_name(self))
        d = _local_dict(self)
        attr = _class_attribute(type(self), name)
        if attr is not _missing and _is_data_descriptor(attr):
            object.__delattr__(self, name)
            return
        try:
            del d[name]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'" % (_type_name(self), name)) from None


local = _local  # CPython's threading.local is the C type _thread._local


_main_thread = _MainThread()


def _after_fork():
    """Called by os.fork() in the child, where only the forking thread
    exists (as CPython's threading._after_fork): that thread becomes the
    main thread; every other Thread is marked stopped, and joining one
    returns at once. Locks the vanished threads held stay held, as in
    CPython."""
    global _active_limbo_lock, _main_thread
    _active_limbo_lock = RLock()  # the parent's may have been held by a vanished thread
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        current = _main_thread if _main_thread._ident == ident else None
    for t in list(_active.values()) + list(_limbo.values()):
        if t is current:
            continue
        t._is_stopped = True
        t._tstate_lock = None  # join() returns at once
    _limbo.clear()
    _active.clear()
    if current is None:
        current = _DummyThread()
    _active[ident] = current
    current._native_id = get_native_id()
    _main_thread = current


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """CPython 3.9+'s hook for concurrent.futures: func runs at the start of
    _shutdown, before the non-daemon threads are joined, last registered
    first."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the VM when the main program ends: runs the
    _register_atexit hooks, then waits for every non-daemon thread, as
    CPython does before it exits."""
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    _main_thread._is_stopped = True
    while True:
        with _active_limbo_lock:
            waiting = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t._daemonic and t is not _main_thread and not t._is_stopped]
        if not waiting:
            break
        for t in waiting:
            t.join()
