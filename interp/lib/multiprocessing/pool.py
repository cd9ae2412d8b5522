"""multiprocessing.pool: Pool, its results, and the worker engine that
concurrent.futures.ProcessPoolExecutor shares. Follows CPython 3.11's
multiprocessing behaviour with the fork start method (method names,
chunking, callbacks, errors and messages, ForkPoolWorker-N names, the
context manager terminating); written for gillab.

Structure: each worker is a forked ForkProcess with two private
socketpairs, one for its tasks and one for its results; the parent holds
one end of each and the worker the other (process._internal sees that no
third process keeps a copy). No channel is shared, so no cross-process lock
is needed. One handler thread in the parent (the engine's owner) does all
the I/O with the workers: it hands a task to an idle worker, reads results
and delivers them to the jobs (ApplyResult, MapResult, IMapIterator, a
future), forks replacements and reaps the dead. Other threads only queue
work and wake it (a byte on a socketpair). Callbacks run in the handler
thread, as in CPython.

Invariants:
  - A worker has at most one task in flight (Worker.item), sent only after
    the worker said it is ready (its initializer ran). A worker is
    therefore always reading when the parent writes it a task, and the
    parent always reads results, so neither side's write can deadlock.
  - Frames (connection.py's messages): a task is job id (8 bytes), index
    (8 bytes), pickle.dumps((func, args, kwds)); a result is job id,
    index, pickle.dumps((ok, value)), where value is the return value or
    (exception, its traceback text). Job 0 is "ready". The ids travel
    outside the pickle, so a payload that fails to unpickle on either side
    still fails its own task, with that error.
  - Tasks are pickled by the handler as it sends them (the inputs are
    consumed lazily, as CPython's task thread does): a PicklingError (a
    lambda to Pool.map) fails that task in the parent; nothing is sent.
  - A worker's death shows as EOF on its result socket (its end closes
    when it exits or is killed); the handler then reaps it. Pool: the task
    it was running fails with WorkerLostError naming the worker, its pid
    and its exit code or signal (CPython's Pool hangs there), and a
    replacement is forked (also for one that died idle, or retired after
    maxtasksperchild tasks). A worker that dies before it was ready (its
    initializer raised, or it was killed) breaks the pool instead (CPython
    forks failing workers forever): every job fails and new ones fail at
    once. ProcessPoolExecutor (mode "executor"): any death breaks the
    executor, as in CPython.
  - A worker ends on EOF of its task socket (the pool is closed and idle,
    or the parent died) or by SIGTERM (terminate()). Nothing is left
    running: terminate() and close()+join() reap every worker, and the exit
    hooks let an executor finish its work (process._exit_stage1) and
    terminate a pool still running (process._exit_stage2), as CPython.
  - terminate() (and a with-block's end) kills the workers with SIGTERM and
    fails the jobs still pending with ProcessError (CPython leaves them
    pending forever).
  - Without threads (pyvm-nosync) the engine has no handler thread: the
    thread that waits on a result (get, wait, next, join) runs the same
    steps itself ("pump" mode), and submitting does one non-blocking step;
    so on pyvm-nosync work progresses, and callbacks run, only inside the
    pool's calls. A step that sends work and thereby meets the waiter's
    condition returns without waiting for messages.

A worker's exception reaches the parent with a RemoteTraceback cause whose
text is the worker's formatted traceback (traceback.format_exception), as
in CPython. The VM has no weakref and no __del__: a
Pool that is neither terminated nor closed and joined lives until exit.

Not provided: ThreadPool, Pool(context=...) with another start method.
"""

import collections
import itertools
import os
import pickle
import select
import sys
import threading
import time
import traceback

from multiprocessing import connection, process
from multiprocessing.context import ProcessError, TimeoutError

__all__ = ["Pool"]

RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

_live_engines = []  # engines of this process not yet finished (for the exit hook)
_threads_ok = None  # None: not tried; else (bool, message)


# ---- exceptions ----

class RemoteTraceback(Exception):
    """The cause attached to a worker's exception: its traceback text."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class MaybeEncodingError(Exception):
    """Wraps an exception raised while sending a result back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


class WorkerLostError(ProcessError):
    """A pool worker died while running a task, or before it could take any
    (gillab's; CPython's Pool waits forever in that case)."""


def _remote_text(exc):
    """The worker's formatted traceback of exc (CPython's text, chained
    exceptions included), sent to the parent as the cause's text."""
    return "".join(traceback.format_exception(exc))


def _with_cause(exc, cause):
    # exc.__cause__ = cause, written so the VM accepts it (its built-in
    # exceptions take no attribute assignment, but `raise from` sets it).
    try:
        raise exc from cause
    except BaseException:
        pass
    return exc


def _rebuild(value, cause_type):
    exc, tb = value
    if tb is not None:
        _with_cause(exc, cause_type('\n"""\n%s"""' % tb))
    return exc


def _threads_available():
    """(True, None), or (False, the VM's message) where no thread can start."""
    global _threads_ok
    if _threads_ok is None:
        t = threading.Thread(target=len, args=((),), daemon=True)
        try:
            t.start()
        except RuntimeError as e:
            _threads_ok = (False, str(e))
        else:
            t.join()
            _threads_ok = (True, None)
    return _threads_ok


def _report(message, exc):
    sys.stderr.write(message + "\n")
    sys.excepthook(type(exc), exc, None)


# ---- the worker (in the child) ----

def _worker_main(tasks, results, initializer, initargs, maxtasks, for_executor):
    """A pool worker's life: initializer, "ready", then one task at a time
    until EOF on tasks, maxtasks tasks, or a send fails (parent gone)."""
    if initializer is not None:
        if for_executor:
            try:
                initializer(*initargs)
            except BaseException as e:
                _report("Exception in initializer:", e)
                return
        else:
            initializer(*initargs)
    zero = connection._encode_int(0)
    try:
        connection._send_message(results, b"", zero + zero)
    except OSError:
        return
    catch = BaseException if for_executor else Exception
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            data = connection._recv_message(tasks)
        except (EOFError, OSError):
            break
        prefix = data[:16]
        try:
            func, args, kwds = pickle.loads(data[16:])
            data = None
            result = (True, func(*args, **kwds))
        except catch as e:
            result = (False, (e, _remote_text(e)))
        data = func = args = kwds = None
        try:
            payload = pickle.dumps(result)
        except Exception as e:
            if for_executor:
                payload = pickle.dumps((False, (e, _remote_text(e))))
            else:
                payload = pickle.dumps((False, (MaybeEncodingError(e, result[1]), None)))
        result = None
        try:
            connection._send_message(results, payload, prefix)
        except OSError:
            break
        done += 1


# ---- the engine (in the parent) ----

class _Worker:
    """A worker as the parent sees it."""

    def __init__(self, proc, tasks, results):
        self.process = proc
        self.tasks = tasks  # parent's end: tasks are sent on it
        self.results = results  # parent's end: results arrive on it
        self.ready = False  # it said its initializer ran
        self.item = None  # the task in flight: (job, index, func, args, kwds)
        self.sent = False  # whether item was fully sent
        self.done = 0  # tasks finished
        self.retiring = False  # did maxtasks tasks: will exit
        self.dead = False


class _Engine:
    """Workers, the work not yet sent (sources), the jobs waiting for
    results. See the module docstring; fields marked (lock) are guarded by
    _lock, the others belong to the owner (handler thread or pumper)."""

    def __init__(self, processes, initializer, initargs, maxtasks, mode, lost_error=None, on_broken=None):
        threads, message = _threads_available()
        if not threads and mode == "executor":
            raise RuntimeError(message)
        self._lock = threading.Lock()
        self._sources = collections.deque()  # (lock) [job, iterator of (index, func, args, kwds), count]
        self._jobs = {}  # (lock) job id -> job
        self._job_ids = itertools.count(1)  # (lock)
        self._state = RUN  # (lock) RUN, CLOSE or TERMINATE
        self._broken = None  # (lock) the exception every job gets once broken
        self._woken = False  # (lock) a wake-up byte is in flight
        self._finished = False
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasks
        self._mode = mode  # "pool" or "executor"
        self._pid = os.getpid()
        self._lost_error_of = lost_error  # the executor's; else _lost_error's own
        self._on_broken = on_broken
        self._workers = []
        self._by_socket = {}  # id(result socket) -> _Worker
        self._pump_lock = threading.RLock()
        self._wake_r, self._wake_w = process._socketpair()
        self._wake_r.setblocking(False)
        self._thread = None
        try:
            for _ in range(processes):
                self._spawn()
        except BaseException:
            self._kill_workers()
            self._close_wake()
            raise
        _live_engines.append(self)
        if threads:
            self._thread = threading.Thread(target=self._run, name="PoolHandler", daemon=True)
            self._thread.start()

    # -- used by any thread --

    def submit(self, job, items):
        """Queues a job's tasks: items yields (index, func, args, kwds)."""
        with self._lock:
            broken = self._broken
            if broken is None:
                job._id = next(self._job_ids)
                self._jobs[job._id] = job
                self._sources.append([job, items, 0])
        if broken is not None:
            job._fail(broken)
            return
        if self._thread is not None:
            self._wake()
        else:
            self._pump(0)

    def jobs(self):
        with self._lock:
            return list(self._jobs.values())

    def close(self):
        """No new work: the workers end once the queued work is done."""
        with self._lock:
            if self._state == RUN:
                self._state = CLOSE
        self._wake()

    def terminate(self):
        """Kills the workers now (SIGTERM); pending jobs fail."""
        with self._lock:
            if self._finished:
                return
            self._state = TERMINATE
        if self._thread is not None:
            self._wake()
            if threading.current_thread() is not self._thread:
                self._thread.join()
        else:
            with self._pump_lock:
                if not self._finished:
                    self._terminate_now()

    def join(self):
        """Waits until the engine finished (after close or terminate)."""
        if self._thread is not None:
            if threading.current_thread() is not self._thread:
                self._thread.join()
        else:
            while not self._finished:
                self._pump(None)

    def wait_until(self, ready, event, timeout):
        """Waits until ready() (which event's setting signals, in thread
        mode), or timeout seconds."""
        if self._thread is not None:
            if event is not None:
                event.wait(timeout)
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        while not ready():
            if self._finished:
                return
            remaining = None
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
            self._pump(remaining, ready)

    def _wake(self):
        if self._thread is None:
            return
        # The byte is sent under _lock: _finish() closes the socket after
        # setting _finished under the same lock, so a send never reaches a
        # closed (or, worse, reused) descriptor.
        with self._lock:
            if self._woken or self._finished:
                return
            self._woken = True
            try:
                self._wake_w.send(b"x")
            except OSError:
                pass

    # -- the owner's steps --

    def _pump(self, timeout, ready=None):
        with self._pump_lock:
            if not self._finished:
                self._step(timeout, ready)

    def _run(self):
        try:
            while not self._finished:
                self._step(None)
        except BaseException as e:
            _report("Exception in the pool's handler thread:", e)
            self._break(ProcessError("the pool's handler thread failed: %r" % (e,)))

    def _step(self, timeout, ready=None):
        # One round: send work, then wait up to timeout for messages and
        # handle them. ready: the pumper's condition, which sending work can
        # meet (a pickling error, the end of an imap's input): then no wait.
        if self._state == TERMINATE:
            self._terminate_now()
            return
        self._dispatch()
        if self._state == CLOSE and self._idle():
            self._finish_closed()
            return
        if ready is not None and ready():
            return
        socks = [w.results for w in self._workers if not w.dead]
        if self._thread is not None:
            socks.append(self._wake_r)
        if not socks:
            time.sleep(0.01 if timeout is None else min(timeout, 0.01))
            return
        readable, _, _ = select.select(socks, [], [], timeout)
        lost = []
        for sock in readable:
            if sock is self._wake_r:
                self._drain_wake()
                continue
            w = self._by_socket.get(id(sock))
            if w is not None and not w.dead and not self._receive(w):
                lost.append(w)
        for w in lost:  # after the results that came with the news
            if not self._finished:
                self._lost(w)

    def _idle(self):
        with self._lock:
            if self._sources:
                return False
        for w in self._workers:
            if w.item is not None:
                return False
        return True

    def _drain_wake(self):
        # Drain, then clear _woken: a _wake() that finds it still set needs
        # no byte, as its change is visible to the steps that follow.
        try:
            while self._wake_r.recv(512):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        with self._lock:
            self._woken = False

    def _spawn(self):
        tasks, child_tasks = process._socketpair()
        results, child_results = process._socketpair()
        try:
            p = process.ForkProcess(target=_worker_main,
                                    args=(child_tasks, child_results, self._initializer, self._initargs,
                                          self._maxtasks, self._mode == "executor"))
            if self._mode == "pool":
                p.name = p.name.replace("Process", "PoolWorker")
                p.daemon = True
            p._keep = (child_tasks, child_results)
            p.start()
        except BaseException:
            for s in (tasks, results):
                process._close_internal(s)
            raise
        finally:
            process._close_internal(child_tasks)
            process._close_internal(child_results)
        w = _Worker(p, tasks, results)
        self._workers.append(w)
        self._by_socket[id(results)] = w
        return w

    def _next_item(self):
        # The next task to send: (job, index, func, args, kwds), or None.
        # A source is taken off the deque while its iterator runs (user
        # code, outside the lock) and put back in front.
        while True:
            with self._lock:
                if not self._sources or self._broken is not None:
                    return None
                entry = self._sources.popleft()
            job, items, count = entry
            try:
                index, func, args, kwds = next(items)
            except StopIteration:
                self._completed(job, job._source_done(count))
                continue
            except Exception as e:
                self._completed(job, job._source_failed(count, e))
                continue
            entry[2] = count + 1
            with self._lock:
                self._sources.appendleft(entry)
            return (job, index, func, args, kwds)

    def _dispatch(self):
        for w in self._workers:
            if w.dead or not w.ready or w.item is not None or w.retiring:
                continue
            while True:
                item = self._next_item()
                if item is None:
                    return
                job, index, func, args, kwds = item
                if not job._start(index):  # a cancelled future
                    self._completed(job, True)
                    continue
                try:
                    payload = pickle.dumps((func, args, kwds))
                except Exception as e:
                    self._deliver(job, index, False, (e, None))
                    continue
                w.item = item
                w.sent = False
                try:
                    connection._send_message(w.tasks, payload,
                                             connection._encode_int(job._id) + connection._encode_int(index))
                    w.sent = True
                except OSError:
                    pass  # it died: EOF on its results will tell
                break

    def _receive(self, w):
        # One message from w; False at EOF (w has ended).
        try:
            data = connection._recv_message(w.results)
        except (EOFError, OSError):
            return False
        job_id = connection._decode_int(data, 0)
        if job_id == 0:
            w.ready = True
            return True
        index = connection._decode_int(data, 8)
        w.item = None
        w.done += 1
        if self._maxtasks is not None and w.done >= self._maxtasks:
            w.retiring = True
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            return True
        try:
            ok, value = pickle.loads(data[16:])
        except Exception as e:
            ok, value = False, (e, None)
        self._deliver(job, index, ok, value)
        return True

    def _deliver(self, job, index, ok, value):
        try:
            complete = job._set(index, ok, value)
        except Exception as e:  # a callback raised
            _report("Exception in a pool callback:", e)
            complete = job._complete()
        self._completed(job, complete)

    def _completed(self, job, complete):
        if complete:
            with self._lock:
                self._jobs.pop(job._id, None)

    def _lost(self, w):
        # w's result socket hit EOF: it has ended (or is ending).
        self._bury(w)
        item, sent = w.item, w.sent
        w.item = None
        if self._state == TERMINATE:
            return
        code = w.process.exitcode
        if not w.ready:
            self._break(self._lost_error(w, code, True))
            return
        if self._mode == "executor" and not w.retiring:
            self._drain()  # results already sent by the others still count
            self._break(self._lost_error(w, code, item is not None))
            return
        if item is not None:
            job, index, func, args, kwds = item
            if sent:
                self._deliver(job, index, False, (self._lost_error(w, code, False), None))
            else:  # it never had the task: run it elsewhere
                with self._lock:
                    self._sources.appendleft([job, iter(((index, func, args, kwds),)), 0])
        if self._state == RUN or not self._idle():
            self._spawn()

    def _drain(self):
        socks = [w.results for w in self._workers if not w.dead]
        if socks:
            readable, _, _ = select.select(socks, [], [], 0)
            for sock in readable:
                w = self._by_socket.get(id(sock))
                if w is not None and not w.dead:
                    self._receive(w)

    def _bury(self, w):
        w.dead = True
        if w in self._workers:
            self._workers.remove(w)
        self._by_socket.pop(id(w.results), None)
        process._close_internal(w.tasks)
        w.process.join()
        process._close_internal(w.results)

    def _lost_error(self, w, code, before_ready):
        if self._lost_error_of is not None:
            return self._lost_error_of(w, code, before_ready)
        who = "Pool worker %s (pid %s)" % (w.process.name, w.process.pid)
        if code is not None and code < 0:
            how = "was killed by signal %d (%s)" % (-code, process._signal_name(-code))
        else:
            how = "exited with code %s" % (code,)
        if before_ready:
            return WorkerLostError("%s %s before it could take tasks (did the initializer fail?); "
                                   "the pool is not usable anymore" % (who, how))
        return WorkerLostError("%s %s while running a task" % (who, how))

    def _break(self, exc):
        # Fails every job and ends the workers: nothing will run any more.
        with self._lock:
            self._broken = exc
            self._sources.clear()
            jobs = list(self._jobs.values())
            self._jobs.clear()
        if self._on_broken is not None:
            self._on_broken(exc)
        self._kill_workers()
        for job in jobs:
            try:
                job._fail(exc)
            except Exception as e:
                _report("Exception in a pool callback:", e)
        self._finish()

    def _terminate_now(self):
        with self._lock:
            self._sources.clear()
            jobs = list(self._jobs.values())
            self._jobs.clear()
        self._kill_workers()
        if jobs:
            exc = ProcessError("the pool was terminated before the task finished")
            for job in jobs:
                try:
                    job._fail(exc)
                except Exception as e:
                    _report("Exception in a pool callback:", e)
        self._finish()

    def _kill_workers(self):
        workers = list(self._workers)
        for w in workers:
            w.process.terminate()
        for w in workers:
            self._bury(w)

    def _finish_closed(self):
        workers = list(self._workers)
        for w in workers:
            process._close_internal(w.tasks)  # EOF: the worker ends
        for w in workers:
            self._bury(w)
        self._finish()

    def _finish(self):
        with self._lock:
            self._finished = True
        if self in _live_engines:
            _live_engines.remove(self)
        self._close_wake()

    def _close_wake(self):
        for s in (self._wake_r, self._wake_w):
            if s is not None:
                process._close_internal(s)


def _executors_at_exit():
    # As CPython: executors finish their queued work (their hook runs in
    # threading._shutdown, before the non-daemon threads are joined) ...
    engines = [e for e in _live_engines if e._pid == os.getpid() and e._mode == "executor"]
    for engine in engines:
        engine.close()
    for engine in engines:
        engine.join()


def _pools_at_exit():
    # ... and pools are terminated later, by an atexit finalizer. (Not a
    # parent's engines, after a bare os.fork.)
    for engine in [e for e in _live_engines if e._pid == os.getpid() and e._mode == "pool"]:
        engine.terminate()


def _after_fork():
    global _live_engines
    _live_engines = []


process._exit_stage1.append(_executors_at_exit)
process._exit_stage2.append(_pools_at_exit)
process._after_fork_hooks.append(_after_fork)


# ---- results ----

def _mapstar(args):
    return list(map(*args))


def _starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


def _get_tasks(func, iterable, size):
    it = iter(iterable)
    while True:
        chunk = tuple(itertools.islice(it, size))
        if not chunk:
            return
        yield (func, chunk)


class ApplyResult:
    """The result of apply_async()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._engine = pool._engine
        self._event = threading.Event()
        self._id = None
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._engine.wait_until(self._event.is_set, self._event, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    # -- called by the engine's owner --

    def _start(self, index):
        return True

    def _set(self, index, ok, value):
        self._success = ok
        self._value = value if ok else _rebuild(value, RemoteTraceback)
        try:
            if ok and self._callback:
                self._callback(self._value)
            if not ok and self._error_callback:
                self._error_callback(self._value)
        finally:
            self._event.set()
            self._pool = None
        return True

    def _complete(self):
        return self._event.is_set()

    def _fail(self, exc):
        if not self._event.is_set():
            self._set(0, False, (exc, None))

    def _source_done(self, count):
        return False

    def _source_failed(self, count, exc):
        return self._set(0, False, (exc, None))

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, id(self))


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The result of map_async()/starmap_async(): one list, ready once every
    chunk is back (the first error wins, as in CPython 3.11)."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._pool = None
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, ok, value):
        self._number_left -= 1
        if ok and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = value
        elif not ok and self._success:
            self._success = False
            self._value = _rebuild(value, RemoteTraceback)
        if self._number_left > 0:
            return False
        try:
            if self._success and self._callback:
                self._callback(self._value)
            if not self._success and self._error_callback:
                self._error_callback(self._value)
        finally:
            self._event.set()
            self._pool = None
        return True

    def _fail(self, exc):
        while not self._event.is_set():
            self._set(0, False, (exc, None))


class IMapIterator:
    """The iterator imap() returns: results in input order."""

    def __init__(self, pool):
        self._pool = pool
        self._engine = pool._engine
        self._cond = threading.Condition(threading.Lock())
        self._id = None
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}

    def __iter__(self):
        return self

    def _has_next(self):
        return bool(self._items) or self._index == self._length

    def next(self, timeout=None):
        if self._engine._thread is None:
            self._engine.wait_until(self._has_next, None, timeout)
            timeout = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._items and self._index != self._length:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._cond.wait(remaining)
            if not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration
                raise TimeoutError
            ok, value = self._items.popleft()
        if ok:
            return value
        raise value

    __next__ = next

    # -- called by the engine's owner --

    def _start(self, index):
        return True

    def _put(self, i, entry):
        # With _cond held: entry is result i.
        if self._index == i:
            self._items.append(entry)
            self._index += 1
            while self._index in self._unsorted:
                self._items.append(self._unsorted.pop(self._index))
                self._index += 1
            self._cond.notify()
        else:
            self._unsorted[i] = entry

    def _set(self, i, ok, value):
        if not ok:
            value = _rebuild(value, RemoteTraceback)
        with self._cond:
            self._put(i, (ok, value))
            if self._index == self._length:
                self._pool = None
                return True
        return False

    def _complete(self):
        with self._cond:
            return self._index == self._length

    def _source_done(self, count):
        with self._cond:
            self._length = count
            if self._index == self._length:
                self._cond.notify()
                self._pool = None
                return True
        return False

    def _source_failed(self, count, exc):
        self._set(count, False, (exc, None))
        return self._source_done(count + 1)

    def _fail(self, exc):
        with self._cond:
            if self._length is not None and self._index == self._length:
                return
            i = self._index
            while i in self._unsorted:
                i += 1
            self._put(i, (False, exc))
            self._length = i + 1
            self._unsorted.clear()
            self._index = self._length
            self._cond.notify()

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, id(self))


class IMapUnorderedIterator(IMapIterator):
    """The iterator imap_unordered() returns: results as they come."""

    def _put(self, i, entry):
        self._items.append(entry)
        self._index += 1
        self._cond.notify()


# ---- the pool ----

class Pool:
    """A pool of worker processes (forked ForkPoolWorker-N) that runs
    calls and maps."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._state = "INIT"
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._engine = _Engine(processes, initializer, initargs, maxtasksperchild, "pool")
        self._state = RUN

    @property
    def _pool(self):
        return [w.process for w in self._engine._workers]

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s state=%s pool_size=%d>" % (cls.__module__, cls.__qualname__, self._state, self._processes)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """func(*args, **kwds) in a worker; returns an ApplyResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._engine.submit(result, iter(((0, func, args, kwds),)))
        return result

    def map(self, func, iterable, chunksize=None):
        """[func(x) for x in iterable], computed in chunks by the workers."""
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """[func(*args) for args in iterable], computed by the workers."""
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), self._processes * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        if chunksize > 0:
            batches = _get_tasks(func, iterable, chunksize)
            self._engine.submit(result, ((i, mapper, (batch,), {}) for i, batch in enumerate(batches)))
        return result

    def imap(self, func, iterable, chunksize=1):
        """An iterator of func(x) for x in iterable, in order."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """An iterator of func(x) for x in iterable, as they finish."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize == 1:
            result = cls(self)
            self._engine.submit(result, ((i, func, (x,), {}) for i, x in enumerate(iterable)))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not %d" % chunksize)
        batches = _get_tasks(func, iterable, chunksize)
        result = cls(self)
        self._engine.submit(result, ((i, _mapstar, (batch,), {}) for i, batch in enumerate(batches)))
        return (item for chunk in result for item in chunk)

    def close(self):
        """No more tasks: the workers end once the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._engine.close()

    def terminate(self):
        """Stops the workers at once (SIGTERM); unfinished results fail."""
        self._state = TERMINATE
        self._engine.terminate()

    def join(self):
        """Waits for the workers to end (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._engine.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
