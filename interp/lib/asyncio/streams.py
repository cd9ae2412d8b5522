"""asyncio.streams: StreamReader/StreamWriter over a transport, and
open_connection()/start_server().

Follows CPython 3.11's asyncio behaviour (asyncio.streams); written
independently for gillab.

Invariants:
  - A StreamReader holds the bytes received and not yet read (a bytes
    object: gillab has no bytearray) and at most one coroutine waiting
    for more (a second concurrent reader is a RuntimeError). feed_data
    and feed_eof wake it up.
  - Flow control: the reader pauses the transport's reading when more than
    2 * limit bytes are buffered and resumes it once a read brings the
    buffer back to limit or less; StreamWriter.drain() waits while the
    transport's write buffer is above its high water mark.
  - readline()/readuntil() never return more than limit bytes before the
    separator: beyond that they raise (ValueError / LimitOverrunError).
  - Once the connection is lost, the reader sees EOF (or the error), drain()
    raises ConnectionResetError('Connection lost'), and wait_closed()
    returns (or raises the error).
"""

import collections

from . import coroutines
from . import events
from . import exceptions
from . import protocols
from .tasks import sleep

__all__ = ("StreamReader", "StreamWriter", "StreamReaderProtocol", "open_connection", "start_server")

_DEFAULT_LIMIT = 2 ** 16  # 64 KiB


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to (host, port); returns (StreamReader, StreamWriter)."""
    loop = events.get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, host, port, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Listens on (host, port); client_connected_cb(reader, writer) is called
    for each connection (a coroutine function runs as a Task). Returns the
    Server."""
    loop = events.get_running_loop()

    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await loop.create_server(factory, host, port, **kwds)


class FlowControlMixin(protocols.Protocol):
    """The protocol side of drain(): pause_writing()/resume_writing()."""

    def __init__(self, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._paused = False
        self._drain_waiters = collections.deque()
        self._connection_lost = False

    def pause_writing(self):
        self._paused = True

    def resume_writing(self):
        self._paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        if not self._paused:
            return
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError("Connection lost")
        if not self._paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin, protocols.Protocol):
    """Feeds a StreamReader; for servers, also calls client_connected_cb."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop=loop)
        self._stream_reader = stream_reader
        self._stream_writer = None
        self._task = None
        self._transport = None
        self._client_connected_cb = client_connected_cb
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        self._transport = transport
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            res = self._client_connected_cb(reader, self._stream_writer)
            if coroutines.iscoroutine(res):
                self._task = self._loop.create_task(res)

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
                self._closed._log_traceback = False  # CPython silences it too
        super().connection_lost(exc)
        self._stream_reader = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        return True  # keep the transport open for writing

    def _get_close_waiter(self, stream):
        return self._closed


class StreamWriter:
    """Writes to a transport; drain() is the flow-control point."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [type(self).__name__, "transport=%r" % (self._transport,)]
        if self._reader is not None:
            info.append("reader=%r" % (self._reader,))
        return "<%s>" % " ".join(info)

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        """Returns once the connection is closed (raises its error, if any)."""
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Waits until the write buffer is small enough to write more."""
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let connection_lost() run, so _drain_helper() sees it.
            await sleep(0)
        await self._protocol._drain_helper()


class StreamReader:
    """Bytes received from a transport, read by coroutines."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError("Limit cannot be <= 0")
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = b""
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ["StreamReader"]
        if self._buffer:
            info.append("%d bytes" % len(self._buffer))
        if self._eof:
            info.append("eof")
        if self._limit != _DEFAULT_LIMIT:
            info.append("limit=%d" % self._limit)
        if self._waiter:
            info.append("waiter=%r" % (self._waiter,))
        if self._exception:
            info.append("exception=%r" % (self._exception,))
        if self._transport:
            info.append("transport=%r" % (self._transport,))
        if self._paused:
            info.append("paused")
        return "<%s>" % " ".join(info)

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        if self._transport is not None:
            raise AssertionError("Transport already set")
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        """True once EOF was fed and the buffer is empty."""
        return self._eof and not self._buffer

    def feed_data(self, data):
        if self._eof:
            raise AssertionError("feed_data after feed_eof")
        if not data:
            return
        self._buffer += bytes(data)
        self._wakeup_waiter()
        if self._transport is not None and not self._paused and len(self._buffer) > 2 * self._limit:
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                self._transport = None  # cannot pause: the buffer may grow
            else:
                self._paused = True

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError("%s() called while another coroutine is already waiting for incoming data"
                               % func_name)
        if self._eof:
            raise AssertionError("_wait_for_data after EOF")
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _take(self, n):
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._maybe_resume_transport()
        return data

    async def readline(self):
        """The next line, b'\\n' included; at EOF what is left (maybe b'')."""
        sep = b"\n"
        try:
            return await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer[e.consumed:e.consumed + len(sep)] == sep:
                self._buffer = self._buffer[e.consumed + len(sep):]
            else:
                self._buffer = b""
            self._maybe_resume_transport()
            raise ValueError(e.args[0])

    async def readuntil(self, separator=b"\n"):
        """The data up to and including separator. IncompleteReadError at
        EOF (with what was read), LimitOverrunError past the limit."""
        seplen = len(separator)
        if seplen == 0:
            raise ValueError("Separator should be at least one-byte string")
        if self._exception is not None:
            raise self._exception
        while True:
            isep = self._buffer.find(separator)
            if isep != -1:
                break
            searched = len(self._buffer) + 1 - seplen
            if searched > self._limit:
                raise exceptions.LimitOverrunError("Separator is not found, and chunk exceed the limit", searched)
            if self._eof:
                chunk = self._buffer
                self._buffer = b""
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data("readuntil")
        if isep > self._limit:
            raise exceptions.LimitOverrunError("Separator is found, but chunk is longer than limit", isep)
        return self._take(isep + seplen)

    async def read(self, n=-1):
        """Up to n bytes (n < 0: everything up to EOF); b'' at EOF."""
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b"".join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data("read")
        return self._take(n)

    async def readexactly(self, n):
        """Exactly n bytes; IncompleteReadError if EOF comes first."""
        if n < 0:
            raise ValueError("readexactly size can not be less than zero")
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer
                self._buffer = b""
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data("readexactly")
        return self._take(n)

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b"":
            raise StopAsyncIteration
        return line
