"""asyncio.transports: the transport interface and gillab's one transport,
a non-blocking TCP (or socketpair) socket driven by the event loop's
add_reader/add_writer.

Follows CPython 3.11's asyncio behaviour (asyncio.transports and
_SelectorSocketTransport in asyncio.selector_events); written
independently for gillab.

Invariants of _SocketTransport:
  - The protocol's callbacks follow protocols.py's contract; connection_made
    and the start of reading are scheduled with call_soon when the transport
    is made.
  - The socket is watched for reading while reading is wanted (not paused,
    not closing, no EOF seen), and for writing exactly while the write buffer
    is non-empty.
  - write() sends at once what the socket takes and buffers the rest (a deque
    of bytes chunks, so many small writes stay linear); the buffer is
    flushed by the writer callback. Crossing the high water mark (64 KiB)
    calls protocol.pause_writing(), going back to the low one (16 KiB)
    resume_writing() (what StreamWriter.drain() waits for).
  - close() stops reading and, once the buffer is flushed, calls
    connection_lost(None) and closes the socket; abort() and fatal errors
    drop the buffer and do so at once. The socket is closed exactly once,
    after the loop stopped watching it.
"""

import collections
import socket

from . import futures

__all__ = ("BaseTransport", "ReadTransport", "WriteTransport", "Transport")


class BaseTransport:
    """What every transport offers."""

    def __init__(self, extra=None):
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        """'peername', 'sockname', 'socket' (None if unknown)."""
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    def set_write_buffer_limits(self, high=None, low=None):
        raise NotImplementedError

    def get_write_buffer_size(self):
        raise NotImplementedError

    def get_write_buffer_limits(self):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError

    def writelines(self, list_of_data):
        self.write(b"".join(list_of_data))

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    """A bidirectional stream transport."""


try:
    _BYTES_TYPES = (bytes, bytearray, memoryview)
except NameError:  # gillab: bytes only
    _BYTES_TYPES = (bytes,)

# After this many write() calls on a lost connection, say so once.
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5


class _SocketTransport(Transport):
    max_size = 256 * 1024  # bytes read per recv()
    _send_chunk = 256 * 1024  # bytes joined per send()

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra)
        self._extra["socket"] = sock
        try:
            self._extra["sockname"] = sock.getsockname()
        except OSError:
            self._extra["sockname"] = None
        if "peername" not in self._extra:
            try:
                self._extra["peername"] = sock.getpeername()
            except OSError:
                self._extra["peername"] = None
        self._loop = loop
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._protocol_connected = True
        self._server = server
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._conn_lost = 0  # write() calls after the connection was lost (+1)
        self._closing = False
        self._paused = False  # reading paused by pause_reading()
        self._eof = False  # write_eof() was called
        self._high_water = 64 * 1024
        self._low_water = 16 * 1024
        self._protocol_paused = False
        if server is not None:
            server._attach()
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except (OSError, AttributeError):
            pass  # not TCP (a socketpair)
        loop.call_soon(self._protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [type(self).__name__]
        if self._sock is None:
            info.append("closed")
        elif self._closing:
            info.append("closing")
        info.append("fd=%s" % self._sock_fd)
        if self._sock is not None and not self._loop.is_closed():
            info.append("read=%s" % ("polling" if self._sock_fd in self._loop._readers else "idle"))
            state = "polling" if self._sock_fd in self._loop._writers else "idle"
            info.append("write=<%s, bufsize=%d>" % (state, self._buffer_size))
        return "<%s>" % " ".join(info)

    # ---- protocol and state ----

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def _add_reader(self):
        if self.is_reading():
            self._loop.add_reader(self._sock_fd, self._read_ready)

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._loop.remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader()

    # ---- reading ----

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, "Fatal read error on socket transport")
            return
        if not data:
            self._read_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, "Fatal error: protocol.data_received() call failed.")

    def _read_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, "Fatal error: protocol.eof_received() call failed.")
            return
        if keep_open:
            self._loop.remove_reader(self._sock_fd)  # nothing more to read; writing goes on
        else:
            self.close()

    # ---- writing ----

    def write(self, data):
        if not isinstance(data, _BYTES_TYPES):
            raise TypeError("data argument must be a bytes-like object, not %r" % type(data).__name__)
        if self._eof:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data:
            return
        data = bytes(data)
        if self._conn_lost:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                import sys
                sys.stderr.write("socket.send() raised exception.\n")
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                sent = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, "Fatal write error on socket transport")
                return
            else:
                data = data[sent:]
                if not data:
                    return
            self._loop.add_writer(self._sock_fd, self._write_ready)
        self._buffer.append(data)
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b"".join(bytes(d) for d in list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        chunks, size = [], 0
        while self._buffer and size < self._send_chunk:
            chunk = self._buffer.popleft()
            chunks.append(chunk)
            size += len(chunk)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        try:
            sent = self._sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.remove_writer(self._sock_fd)
            self._buffer.clear()
            self._buffer_size = 0
            self._fatal_error(exc, "Fatal write error on socket transport")
            return
        if sent < len(data):
            self._buffer.appendleft(data[sent:])
        self._buffer_size -= sent
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop.remove_writer(self._sock_fd)
            if self._closing:
                self._conn_lost += 1
                self._call_connection_lost(None)
            elif self._eof:
                self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):
        """Half-closes: no more writes; the other end reads EOF after the buffer."""
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):
        return True

    def get_write_buffer_size(self):
        return self._buffer_size

    def get_write_buffer_limits(self):
        return self._low_water, self._high_water

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError("high (%r) must be >= low (%r) must be >= 0" % (high, low))
        self._high_water, self._low_water = high, low
        self._maybe_pause_protocol()

    def _maybe_pause_protocol(self):
        if self._buffer_size <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({"message": "protocol.pause_writing() failed", "exception": exc,
                                               "transport": self, "protocol": self._protocol})

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self._buffer_size <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop.call_exception_handler({"message": "protocol.resume_writing() failed",
                                                   "exception": exc, "transport": self,
                                                   "protocol": self._protocol})

    # ---- closing ----

    def close(self):
        """Closes after the buffered data is sent."""
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        """Closes at once, dropping the buffered data."""
        self._force_close(None)

    def _fatal_error(self, exc, message):
        # Connection errors (OSError) are normal events, reported to the
        # protocol only, as in CPython outside debug mode.
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({"message": message, "exception": exc, "transport": self,
                                               "protocol": self._protocol})
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop.remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None
