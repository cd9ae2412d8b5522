"""multiprocessing.synchronize: locks shared by forked processes. Follows
CPython 3.11's multiprocessing behaviour with the fork start method;
written for gillab, which has no POSIX semaphores: a lock is a token byte
in a socketpair.

Invariants:
  - Lock: the socketpair holds exactly one byte while the lock is free and
    none while some thread of some process holds it. acquire() takes the
    byte (the reading end is non-blocking; a waiter sleeps in select() and
    retries, so acquire(timeout=...) is exact); release() puts it back. A
    process that dies holding the lock loses the byte: the lock stays held
    for good (as a CPython Lock left acquired by a dead process).
  - The two sockets are inherited by every child forked after the lock is
    made, which is how the lock is shared.
  - RLock: a Lock plus (pid, thread ident, count) of the owner, kept in the
    owner's memory (only the owner reads them to decide whether it already
    holds the lock).
  - _Semaphore (internal, Queue(maxsize)): `value` bytes in an os.pipe.
    Every process holds both ends for as long as the pipe lives, so writes
    never meet a closed reader. A timed acquire waits in select() and then
    reads; when two processes race for the last byte, the loser blocks in
    read() until the next release, past its timeout.

Not provided: Semaphore/BoundedSemaphore/Event/Condition/Barrier as public
classes.
"""

import os
import select
import socket
import threading
import time

__all__ = ["Lock", "RLock"]


class Lock:
    """A lock shared with forked children."""

    def __init__(self):
        self._r, self._w = socket.socketpair()
        self._r.setblocking(False)
        self._w.sendall(b"x")

    def acquire(self, block=True, timeout=None):
        """Takes the lock; with block False or a timeout, returns False if it
        could not."""
        deadline = None
        if block and timeout is not None:
            deadline = time.monotonic() + max(timeout, 0)
        while True:
            try:
                if self._r.recv(1):
                    return True
            except (BlockingIOError, InterruptedError):
                pass
            if not block:
                return False
            if deadline is None:
                select.select([self._r], [], [])
            else:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                select.select([self._r], [], [], remaining)

    def release(self):
        """Releases the lock (any process may)."""
        self._w.sendall(b"x")

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<Lock(owner=unknown)>"


class RLock(Lock):
    """A lock its owner (one thread of one process) may take again."""

    def __init__(self):
        Lock.__init__(self)
        self._owner = None
        self._count = 0

    def _me(self):
        return (os.getpid(), threading.get_ident())

    def acquire(self, block=True, timeout=None):
        me = self._me()
        if self._owner == me:
            self._count += 1
            return True
        if not Lock.acquire(self, block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != self._me():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            Lock.release(self)

    def __repr__(self):
        return "<RLock(%s, %s)>" % ("None" if self._owner is None else self._owner[0], self._count)


class _Semaphore:
    """A counting semaphore shared with forked children (Queue(maxsize))."""

    def __init__(self, value):
        self._r, self._w = os.pipe()
        self._local = threading.Lock()  # one reader per process at a time
        n = value
        while n > 0:
            n -= os.write(self._w, b"x" * min(n, 4096))

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        deadline = None if timeout is None else time.monotonic() + max(timeout, 0)
        if deadline is None:
            self._local.acquire()
        elif not self._local.acquire(True, max(timeout, 0)):
            return False
        try:
            while True:
                wait = None if deadline is None else max(deadline - time.monotonic(), 0)
                r, _, _ = select.select([self._r], [], [], wait)
                if r:
                    os.read(self._r, 1)
                    return True
                if deadline is not None and time.monotonic() >= deadline:
                    return False
        finally:
            self._local.release()

    def release(self):
        os.write(self._w, b"x")

    def _is_zero(self):
        r, _, _ = select.select([self._r], [], [], 0)
        return not r
