"""multiprocessing.queues: Queue and SimpleQueue, shared with forked
children. Follows CPython 3.11's multiprocessing behaviour with the fork
start method (blocking, timeouts, queue.Empty/queue.Full, close,
join_thread, messages); written for gillab.

Invariants:
  - A queue is one Pipe(duplex=False) plus two Locks (synchronize.py): a
    reader holds _rlock while it reads one whole message, a writer holds
    _wlock while it writes one, so messages of several processes and
    threads never interleave. Items are pickled by put(), in the caller:
    an unpicklable item raises the PicklingError there (CPython pickles in
    the feeder thread and only prints the error); the item is also
    snapshotted at put(), not later.
  - Queue.put() hands the pickled bytes to this process's feeder thread
    (started at the first put, a daemon thread, one per queue and process),
    which writes them in order, so put() does not block on a full pipe. On
    pyvm-nosync, which cannot start threads, put() writes the message
    itself (and may then block until a reader makes room).
  - A queue used in a forked child starts there with an empty buffer, no
    feeder and fresh thread locks (_check_fork): the parent's unsent items
    stay the parent's.
  - At exit (process._exit_stage3), and before a child started here ends,
    every feeder of this process is flushed: its buffered items reach the
    pipe, unless cancel_join_thread() was called (CPython joins the feeder
    the same way).
  - Queue(maxsize) for 0 < maxsize <= 65536 counts free slots in a
    _Semaphore; a larger or non-positive maxsize is unbounded.

Not provided: JoinableQueue; qsize() raises NotImplementedError (as CPython
on platforms without sem_getvalue): the VM cannot count the bytes in a pipe.
"""

import collections
import os
import pickle
import queue
import sys
import threading
import time

from multiprocessing import connection, process, synchronize

__all__ = ["Queue", "SimpleQueue"]

_feeding = []  # Queues with a feeder thread in this process
_threads_ok = None  # False once starting a thread failed (pyvm-nosync)
_SENTINEL = object()


def _after_fork():
    global _feeding
    _feeding = []


def _flush_at_exit():
    for q in list(_feeding):
        if not q._joincancelled:
            q._stop_feeder()


process._after_fork_hooks.append(_after_fork)
process._exit_stage3.append(_flush_at_exit)


class Queue:
    """A FIFO queue for any number of processes and threads."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0 or maxsize > 65536:
            maxsize = 2147483647  # CPython's SEM_VALUE_MAX: unbounded
            self._sem = None
        else:
            self._sem = synchronize._Semaphore(maxsize)
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()
        self._closed = False
        self._joincancelled = False
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None

    def _check_fork(self):
        if self._pid != os.getpid():
            self._reset()

    def _check_closed(self):
        if self._closed:
            raise ValueError("Queue %r is closed" % (self,))

    def put(self, obj, block=True, timeout=None):
        """Puts obj on the queue; with a maxsize, waits for a free slot
        (queue.Full if none comes in time or block is False)."""
        self._check_closed()
        if self._sem is not None and not self._sem.acquire(block, timeout):
            raise queue.Full
        try:
            data = pickle.dumps(obj)
        except BaseException:
            if self._sem is not None:
                self._sem.release()
            raise
        self._check_fork()
        global _threads_ok
        if _threads_ok is not False:
            with self._notempty:
                if self._thread is None:
                    self._start_feeder()
                if self._thread is not None:
                    self._buffer.append(data)
                    self._notempty.notify()
                    return
        with self._wlock:
            self._writer.send_bytes(data)

    def _start_feeder(self):
        global _threads_ok
        t = threading.Thread(target=self._feed, name="QueueFeederThread", daemon=True)
        try:
            t.start()
        except RuntimeError:
            _threads_ok = False
            return
        _threads_ok = True
        self._thread = t
        _feeding.append(self)

    def _feed(self):
        buffer = self._buffer
        notempty = self._notempty
        writer = self._writer
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                data = buffer.popleft()
            if data is _SENTINEL:
                return
            try:
                with self._wlock:
                    writer.send_bytes(data)
            except Exception as e:
                if self._closed and isinstance(e, OSError):
                    return
                sys.stderr.write("Exception in thread QueueFeederThread:\n")
                sys.excepthook(type(e), e, None)

    def get(self, block=True, timeout=None):
        """Removes and returns an item; queue.Empty if none comes within
        timeout seconds (or at once, with block False)."""
        self._check_closed()
        if block and timeout is None:
            with self._rlock:
                data = self._reader.recv_bytes()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise queue.Empty
            try:
                wait = max(deadline - time.monotonic(), 0) if block else 0.0
                if not self._reader.poll(wait):
                    raise queue.Empty
                data = self._reader.recv_bytes()
            finally:
                self._rlock.release()
        if self._sem is not None:
            self._sem.release()
        return pickle.loads(data)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        raise NotImplementedError()

    def empty(self):
        """Whether nothing is ready to read now (unreliable, as in CPython)."""
        return not self._reader.poll()

    def full(self):
        """Whether put() would block now (unreliable, as in CPython)."""
        return self._sem is not None and self._sem._is_zero()

    def close(self):
        """No more puts from this process: the feeder ends once it has
        written the buffered items."""
        if self._closed:
            return
        self._closed = True
        self._reader.close()
        if self._pid == os.getpid() and self._thread is not None:
            with self._notempty:
                self._buffer.append(_SENTINEL)
                self._notempty.notify()

    def join_thread(self):
        """Waits for the feeder to flush (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._pid == os.getpid() and self._thread is not None:
            self._thread.join()

    def cancel_join_thread(self):
        """The process will not wait for the feeder at exit."""
        self._joincancelled = True

    def _stop_feeder(self):
        if self._pid != os.getpid() or self._thread is None:
            return
        with self._notempty:
            self._buffer.append(_SENTINEL)
            self._notempty.notify()
        self._thread.join()

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, id(self))


class SimpleQueue:
    """A queue without feeder thread, timeouts or maxsize: put() writes the
    message itself. Works on pyvm-nosync."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()

    def empty(self):
        return not self._reader.poll()

    def close(self):
        self._reader.close()
        self._writer.close()

    @property
    def closed(self):
        return self._reader.closed

    def get(self):
        """Removes and returns an item, waiting for one."""
        with self._rlock:
            data = self._reader.recv_bytes()
        return pickle.loads(data)

    def put(self, obj):
        """Puts obj on the queue (pickled here)."""
        data = pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, id(self))
