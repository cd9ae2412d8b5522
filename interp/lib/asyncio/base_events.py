"""asyncio.base_events: the event loop (one implementation, on
select.epoll, as CPython's selector loop on Linux) and Server, what
loop.create_server() returns.

Follows CPython 3.11's asyncio behaviour (asyncio.base_events and
asyncio.selector_events); written independently for gillab.

Invariants:
  - The epoll set holds exactly the descriptors of the reader and writer
    tables, each with EPOLLIN if it has a reader and EPOLLOUT if it has a
    writer (_update_fd after every change); epoll.poll() waits in the
    back-end's blocking region, so other threads run meanwhile.
  - Only the thread running run_forever() touches the loop's state, except
    call_soon_threadsafe(), which appends to a lock-protected list and wakes
    the loop through its self-pipe (a socket.socketpair(), read end always
    registered for reading).
  - One iteration (_run_once) waits in select() for at most the time until
    the earliest timer (not at all if callbacks are ready or stop() was
    called), queues the callbacks of ready descriptors, then the due timers,
    then the callbacks from other threads, and runs exactly the callbacks
    that were ready at that point, in FIFO order: callbacks they schedule
    run in the next iteration. This is CPython's order, so programs see the
    same interleaving of tasks.
  - Timers live in a heap of (when, sequence, TimerHandle); a cancelled timer
    stays in the heap until it reaches the top (or until more than half of a
    heap of over 100 is cancelled, when the heap is rebuilt).
  - At most one reader and one writer callback per descriptor.
  - close() reports what CPython reports when the objects are garbage
    collected (gillab has no __del__): futures and tasks whose exception was
    never retrieved, and tasks still pending ("Task was destroyed but it is
    pending!"), through the exception handler, which writes to sys.stderr
    (gillab has no logging module) in the logging module's format.
  - Not provided: SSL/TLS, UDP (create_datagram_endpoint), Unix sockets
    (create_unix_*), subprocesses, signal handlers, sendfile, asynchronous
    generators' shutdown (gillab has none), debug mode checks.
"""

import _thread
import collections
import heapq
import socket
import sys
import time
import select

from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from . import transports

_READ_MASK = select.EPOLLIN | select.EPOLLERR | select.EPOLLHUP | select.EPOLLRDHUP
_WRITE_MASK = select.EPOLLOUT | select.EPOLLERR | select.EPOLLHUP

__all__ = ("BaseEventLoop", "Server", "SelectorEventLoop")

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

# Linux errno values (gillab has no errno module).
EINTR = 4
EAGAIN = 11
ENOMEM = 12
ENFILE = 23
EMFILE = 24
ENOBUFS = 105
EALREADY = 114
EINPROGRESS = 115


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: %r" % (fileobj,)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: %s" % fd)
    return fd


def _is_ip_literal(host):
    parts = host.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # The loop stops by the exception propagating out of run_forever.
            return
    futures._get_loop(fut).stop()


class Server(events.AbstractServer):
    """Listening sockets that make a transport and protocol per connection."""

    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0  # connections (transports) still open
        self._waiters = []  # wait_closed() futures; None once woken
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return "<%s sockets=%r>" % (type(self).__name__, self.sockets)

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        """The listening sockets (an empty tuple once closed)."""
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        """Stops listening and closes the listening sockets; connections
        already accepted stay open."""
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)  # let the add_reader calls take effect

    async def serve_forever(self):
        """Serves until cancelled (then closes the server)."""
        if self._serving_forever_fut is not None:
            raise RuntimeError("server %r is already being awaited on serve_forever()" % (self,))
        if self._sockets is None:
            raise RuntimeError("server %r is closed" % (self,))
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        """As 3.11: returns at once once close() was called (or if the
        server was closed with no connection open); before close(), waits
        for close() and the end of every connection."""
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class BaseEventLoop(events.AbstractEventLoop):
    """The event loop: callbacks, timers, descriptors, an executor."""

    def __init__(self):
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []  # heap of (when, seq, TimerHandle)
        self._timer_seq = 0
        self._timer_cancelled_count = 0
        self._readers = {}  # fd -> Handle
        self._writers = {}  # fd -> Handle
        self._epoll = select.epoll()
        self._registered = {}  # fd -> the events it is registered with in _epoll
        self._threadsafe = []  # Handles from call_soon_threadsafe, not yet in _ready
        self._threadsafe_lock = _thread.allocate_lock()
        self._thread_id = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._exception_handler = None
        self._task_factory = None
        self._debug = False
        self._clock_resolution = 1e-09
        self._tasks = {}  # unfinished Tasks (ordered set; see tasks._tasks_of)
        self._unretrieved = []  # futures that got an exception (see _note_unretrieved)
        self._unretrieved_checked = 0
        self._ssock = self._csock = None
        self._make_self_pipe()

    def __repr__(self):
        return "<%s running=%s closed=%s debug=%s>" % (type(self).__name__, self.is_running(), self.is_closed(),
                                                       self.get_debug())

    # ---- the self-pipe ----

    def _make_self_pipe(self):
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self._ssock_fd = self._ssock.fileno()
        self._readers[self._ssock_fd] = events.Handle(self._read_from_self, (), self)
        self._update_fd(self._ssock_fd)

    def _close_self_pipe(self):
        self._readers.pop(self._ssock_fd, None)
        self._update_fd(self._ssock_fd)
        self._ssock.close()
        self._csock.close()
        self._ssock = self._csock = None

    def _read_from_self(self):
        while True:
            try:
                if not self._ssock.recv(4096):
                    break
            except InterruptedError:
                continue
            except BlockingIOError:
                break

    def _write_to_self(self):
        csock = self._csock
        if csock is None:
            return
        try:
            csock.send(b"\0")
        except OSError:
            pass  # full: the loop has a wake-up pending anyway

    # ---- running ----

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        """Runs iterations until stop() is called."""
        self._check_closed()
        self._check_running()
        self._thread_id = _thread.get_ident()
        events._set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)

    def run_until_complete(self, future):
        """Runs until future (a coroutine is wrapped in a Task) is done;
        returns its result or raises its exception."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()  # the caller sees it propagate: retrieved
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        """Stops run_forever() after the current iteration."""
        self._stopping = True

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def close(self):
        """Discards pending callbacks, shuts the default executor down
        (without waiting) and reports the leftovers (see the module
        docstring). A closed loop cannot run again."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._timer_cancelled_count = 0
        with self._threadsafe_lock:
            self._threadsafe = []
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        self._close_self_pipe()
        self._readers.clear()
        self._writers.clear()
        self._registered.clear()
        self._epoll.close()
        self._report_leftovers()

    def _note_unretrieved(self, fut):
        """Called by Future.set_exception: fut is reported at close() if its
        exception is still unretrieved then."""
        self._unretrieved.append(fut)
        if len(self._unretrieved) >= 2 * self._unretrieved_checked + 64:
            self._unretrieved = [f for f in self._unretrieved if f._log_traceback]
            self._unretrieved_checked = len(self._unretrieved)

    def _report_leftovers(self):
        unretrieved, self._unretrieved = self._unretrieved, []
        for fut in unretrieved:
            if fut._log_traceback:
                fut._log_traceback = False
                self.call_exception_handler({"message": "%s exception was never retrieved" % type(fut).__name__,
                                             "exception": fut._exception, "future": fut})
        pending, self._tasks = self._tasks, {}
        for task in pending:
            if not task.done() and task._log_destroy_pending:
                self.call_exception_handler({"task": task, "message": "Task was destroyed but it is pending!"})

    def _run_once(self):
        heap = self._scheduled
        if (len(heap) > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / len(heap) > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for entry in heap:
                if entry[2]._cancelled:
                    entry[2]._scheduled = False
                else:
                    kept.append(entry)
            heapq.heapify(kept)
            heap[:] = kept
            self._timer_cancelled_count = 0
        else:
            while heap and heap[0][2]._cancelled:
                self._timer_cancelled_count -= 1
                heapq.heappop(heap)[2]._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif heap:
            timeout = min(max(0, heap[0][0] - self.time()), MAXIMUM_SELECT_TIMEOUT)
        self._poll(timeout)

        end_time = self.time() + self._clock_resolution
        ready = self._ready
        while heap and heap[0][0] < end_time:
            handle = heapq.heappop(heap)[2]
            handle._scheduled = False
            ready.append(handle)
        if self._threadsafe:
            with self._threadsafe_lock:
                handles, self._threadsafe = self._threadsafe, []
            ready.extend(handles)

        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle._cancelled:
                handle._run()

    def _poll(self, timeout):
        """Waits up to timeout seconds (None: no limit) for registered
        descriptors; queues the callbacks of those that are ready."""
        readers, writers = self._readers, self._writers
        if timeout == 0 and not writers and len(readers) == 1:
            return  # only the self-pipe: nothing to poll for
        try:
            ready = self._epoll.poll(-1 if timeout is None else timeout)
        except InterruptedError:
            return
        for fd, mask in ready:
            # An error or hang-up wakes both sides, as CPython's selector does.
            if mask & _READ_MASK:
                handle = readers.get(fd)
                if handle is not None and not handle._cancelled:
                    self._ready.append(handle)
            if mask & _WRITE_MASK:
                handle = writers.get(fd)
                if handle is not None and not handle._cancelled:
                    self._ready.append(handle)

    def _update_fd(self, fd):
        """Makes fd's registration in the epoll set match the tables."""
        wanted = (select.EPOLLIN if fd in self._readers else 0) | (select.EPOLLOUT if fd in self._writers else 0)
        current = self._registered.get(fd, 0)
        if wanted == current:
            return
        if not wanted:
            del self._registered[fd]
            try:
                self._epoll.unregister(fd)
            except OSError:
                pass  # closed already: the kernel dropped it from the set
            return
        self._registered[fd] = wanted
        if current:
            try:
                self._epoll.modify(fd, wanted)
                return
            except FileNotFoundError:
                pass  # closed and its number reused since: register anew
        try:
            self._epoll.register(fd, wanted)
        except FileExistsError:
            self._epoll.modify(fd, wanted)

    # ---- callbacks and timers ----

    def time(self):
        """The loop's clock (time.monotonic())."""
        return time.monotonic()

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with %s()" % method)
        if not callable(callback):
            raise TypeError("a callable object was expected by %s(), got %r" % (method, callback))

    def call_soon(self, callback, *args, context=None):
        """Runs callback(*args) in a coming iteration (FIFO); returns its Handle."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_soon")
        handle = events.Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        """Runs callback(*args) after delay seconds; returns its TimerHandle."""
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        """Runs callback(*args) at loop time `when`; returns its TimerHandle."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_at")
        timer = events.TimerHandle(when, callback, args, self)
        self._timer_seq += 1
        heapq.heappush(self._scheduled, (when, self._timer_seq, timer))
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon() for other threads: wakes the loop up."""
        self._check_closed()
        handle = events.Handle(callback, args, self)
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        self._write_to_self()
        return handle

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    # ---- futures and tasks ----

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Wraps coro in a Task (or what the task factory makes)."""
        self._check_closed()
        if self._task_factory is None:
            return tasks.Task(coro, loop=self, name=name)
        task = self._task_factory(self, coro)
        if name is not None:
            try:
                task.set_name(name)
            except AttributeError:
                pass
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    async def shutdown_asyncgens(self):
        """Nothing to do: gillab has no asynchronous generators."""

    # ---- executor ----

    def run_in_executor(self, executor, func, *args):
        """Runs func(*args) in executor (default: a ThreadPoolExecutor made on
        first use); returns an asyncio Future of its result."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError("Executor shutdown has been called")
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor instance")
        self._default_executor = executor

    async def shutdown_default_executor(self):
        """Shuts the default executor down, waiting for its threads (in a
        helper thread, so the loop keeps running meanwhile)."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(futures._set_result_unless_cancelled, future, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    # ---- errors ----

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        """handler(loop, context) replaces the default report (None: restores it)."""
        if handler is not None and not callable(handler):
            raise TypeError("A callable object or None is expected, got %r" % (handler,))
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Writes context to sys.stderr as CPython's asyncio logger does: the
        message, the other keys sorted with their reprs, then the exception
        with its traceback (through sys.excepthook)."""
        lines = [context.get("message") or "Unhandled exception in event loop"]
        for key in sorted(context):
            if key not in ("message", "exception"):
                lines.append("%s: %r" % (key, context[key]))
        sys.stdout.flush()
        sys.stderr.write("\n".join(lines) + "\n")
        exc = context.get("exception")
        if exc is not None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.stderr.flush()

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write("Exception in default exception handler\n")
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({"message": "Unhandled error in exception handler",
                                                "exception": exc, "context": context})
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write("Exception in default exception handler while handling an unexpected "
                                 "error in custom exception handler\n")

    # ---- descriptors ----

    def add_reader(self, fd, callback, *args):
        """callback(*args) runs whenever fd is readable (replacing fd's reader)."""
        self._add_handle(self._readers, fd, callback, args)

    def remove_reader(self, fd):
        """Stops watching fd for reading; True if it was watched."""
        return self._remove_handle(self._readers, fd)

    def add_writer(self, fd, callback, *args):
        """callback(*args) runs whenever fd is writable (replacing fd's writer)."""
        self._add_handle(self._writers, fd, callback, args)

    def remove_writer(self, fd):
        """Stops watching fd for writing; True if it was watched."""
        return self._remove_handle(self._writers, fd)

    def _add_handle(self, table, fd, callback, args):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        old = table.get(fd)
        table[fd] = events.Handle(callback, args, self)
        self._update_fd(fd)
        if old is not None:
            old.cancel()

    def _remove_handle(self, table, fd):
        if self._closed:
            return False
        fd = _fileobj_to_fd(fd)
        handle = table.pop(fd, None)
        if handle is None:
            return False
        self._update_fd(fd)
        handle.cancel()
        return True

    # ---- sockets (non-blocking) ----

    def _io_future(self, fd, writing, callback, *args):
        """A future completed by callback(future, *args), which runs each
        time fd is ready; the watch ends when the future is done."""
        fut = self.create_future()
        if writing:
            self.add_writer(fd, callback, fut, *args)
            fut.add_done_callback(lambda f: self.remove_writer(fd))
        else:
            self.add_reader(fd, callback, fut, *args)
            fut.add_done_callback(lambda f: self.remove_reader(fd))
        return fut

    async def sock_recv(self, sock, n):
        """Up to n bytes from the socket (b'' at end of stream)."""
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._io_future(sock.fileno(), False, self._sock_recv, sock, n)

    def _sock_recv(self, fut, sock, n):
        if fut.done():
            return
        try:
            data = sock.recv(n)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(data)

    async def sock_sendall(self, sock, data):
        """Sends all of data."""
        try:
            sent = sock.send(data) if data else 0
        except (BlockingIOError, InterruptedError):
            sent = 0
        if sent == len(data):
            return
        return await self._io_future(sock.fileno(), True, self._sock_sendall, sock, data, [sent])

    def _sock_sendall(self, fut, sock, data, position):
        if fut.done():
            return
        try:
            position[0] += sock.send(data[position[0]:])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return
        if position[0] == len(data):
            fut.set_result(None)

    async def sock_connect(self, sock, address):
        """Connects the non-blocking socket to address (numeric IPv4 host)."""
        err = sock.connect_ex(address)
        if err == 0:
            return
        if err not in (EINPROGRESS, EINTR, EAGAIN, EALREADY):
            raise OSError(err, "Connect call failed %s" % (address,))
        return await self._io_future(sock.fileno(), True, self._sock_connect_done, sock, address)

    def _sock_connect_done(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, "Connect call failed %s" % (address,))
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    async def sock_accept(self, sock):
        """(conn, address) for the next connection (conn non-blocking)."""
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            pass
        return await self._io_future(sock.fileno(), False, self._sock_accept, sock)

    def _sock_accept(self, fut, sock):
        if fut.done():
            return
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    # ---- connections and servers (TCP over IPv4) ----

    def _resolve(self, host, port, passive=False):
        """(ip, port) for host: numeric hosts as they are, names through
        socket.gethostbyname (blocking: gillab's asyncio does not resolve in
        a thread, which pyvm-nosync could not start)."""
        if host is None or host == "":
            host = "0.0.0.0" if passive else "127.0.0.1"
        elif not _is_ip_literal(host):
            host = socket.gethostbyname(host)
        return host, int(port or 0)

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None, family=0, proto=0,
                                flags=0, sock=None, local_addr=None, server_hostname=None,
                                ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                                interleave=None):
        """Connects to (host, port) (or uses the connected socket sock);
        returns (transport, protocol)."""
        if ssl:
            raise NotImplementedError("gillab's asyncio has no SSL/TLS")
        if server_hostname is not None:
            raise ValueError("server_hostname is only meaningful with ssl")
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            address = self._resolve(host, port)
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.setblocking(False)
                if local_addr is not None:
                    sock.bind(local_addr)
                await self.sock_connect(sock, address)
            except BaseException:
                sock.close()
                raise
        elif sock is None:
            raise ValueError("host and port was not specified and no sock specified")
        else:
            sock.setblocking(False)
        return await self._make_connection(sock, protocol_factory)

    async def _make_connection(self, sock, protocol_factory):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = transports._SocketTransport(self, sock, protocol, waiter)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, *, family=0, flags=0, sock=None,
                            backlog=100, ssl=None, reuse_address=None, reuse_port=None,
                            ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True):
        """Listens on (host, port) (host None or '': every IPv4 interface;
        a list: each host) or on the bound socket sock; returns a Server."""
        if ssl:
            raise NotImplementedError("gillab's asyncio has no SSL/TLS")
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError("host/port and sock can not be specified at the same time")
            if reuse_address is None:
                reuse_address = True
            hosts = [host] if host is None or isinstance(host, str) else list(host)
            sockets = []
            try:
                for h in hosts:
                    address = self._resolve(h, port, passive=True)
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    if reuse_port:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                    try:
                        sock.bind(address)
                    except OSError as err:
                        reason = str(err.args[1]).lower() if len(err.args) > 1 else str(err)
                        raise OSError(err.errno, "error while attempting to bind on address %r: %s"
                                      % (address, reason)) from None
            except BaseException:
                for s in sockets:
                    s.close()
                raise
        else:
            if sock is None:
                raise ValueError("Neither host/port nor sock were specified")
            sockets = [sock]
        for s in sockets:
            s.setblocking(False)
        server = Server(self, sockets, protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    def _start_serving(self, protocol_factory, sock, server, backlog):
        self.add_reader(sock.fileno(), self._accept_connection, protocol_factory, sock, server, backlog)

    def _stop_serving(self, sock):
        self.remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, server, backlog):
        for _ in range(backlog):  # accept what is pending, at most backlog at a time
            try:
                conn, address = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (EMFILE, ENFILE, ENOBUFS, ENOMEM):
                    # Out of descriptors or memory: stop accepting for a second.
                    self.call_exception_handler({"message": "socket.accept() out of system resource",
                                                 "exception": exc, "socket": sock})
                    self.remove_reader(sock.fileno())
                    self.call_later(1.0, self._start_serving, protocol_factory, sock, server, backlog)
                    return
                raise
            try:
                protocol = protocol_factory()
                transports._SocketTransport(self, conn, protocol, None, {"peername": address}, server)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                conn.close()
                self.call_exception_handler({"message": "Error on transport creation for incoming connection",
                                             "exception": exc})

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError("gillab's asyncio has no signal handlers")

    def remove_signal_handler(self, sig):
        raise NotImplementedError("gillab's asyncio has no signal handlers")


class _UnixSelectorEventLoop(BaseEventLoop):
    """The event loop, under CPython's class name (its selector is
    select.epoll: see the module docstring)."""


SelectorEventLoop = _UnixSelectorEventLoop
