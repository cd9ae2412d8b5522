"""multiprocessing.connection: Pipe() and its Connection objects, and the
message framing every channel of the package uses. Follows CPython 3.11's
multiprocessing behaviour with the fork start method (method names,
errors and their messages); written for gillab.

Invariants:
  - A message on the wire is an 8-byte big-endian length, then that many
    bytes. send() sends pickle.dumps(obj) as one message, send_bytes() the
    bytes as given; recv()/recv_bytes() read exactly one whole message.
    The framing is gillab's own (CPython uses a 4-byte length), and so is
    the pickle format: both ends are this package.
  - A message is written by one sendall; two threads or processes that
    share one end must serialise their sends (Queue does, with a Lock), or
    the bytes of two messages interleave. Readers likewise.
  - Every Connection is a socket of a socketpair (Pipe(duplex=False) too),
    never an os.pipe: writing to a peer that is gone raises BrokenPipeError
    (the socket is sent to with MSG_NOSIGNAL) instead of killing the
    process with SIGPIPE. EOF before a whole message raises EOFError.
  - A closed Connection has _sock None; its methods raise
    OSError("handle is closed"); a write-only end's recv raises
    OSError("connection is write-only"), a read-only end's send
    OSError("connection is read-only").

Not provided: Listener/Client (connections by address), wait(),
recv_bytes_into, passing a Connection through a pickle.
"""

import pickle
import select
import socket

__all__ = ["Connection", "Pipe"]


_CHUNK = 1 << 20


def _encode_int(n):
    """8 bytes, big-endian (the VM's int has no to_bytes)."""
    return bytes(((n >> 56) & 255, (n >> 48) & 255, (n >> 40) & 255, (n >> 32) & 255,
                  (n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255))


def _decode_int(data, start=0):
    n = 0
    for k in range(start, start + 8):
        n = (n << 8) | data[k]
    return n


def _recv_exact(sock, n):
    """Exactly n bytes from sock; EOFError if the peer closes first."""
    if n == 0:
        return b""
    data = sock.recv(min(n, _CHUNK))
    if len(data) == n:
        return data
    if not data:
        raise EOFError()
    chunks = [data]
    got = len(data)
    while got < n:
        data = sock.recv(min(n - got, _CHUNK))
        if not data:
            raise EOFError()
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def _send_message(sock, data, prefix=b""):
    """One message: the length of prefix + data, prefix, data."""
    header = _encode_int(len(prefix) + len(data)) + prefix
    if len(data) <= 65536:
        sock.sendall(header + data)
    else:
        sock.sendall(header)
        sock.sendall(data)


def _recv_message(sock):
    return _recv_exact(sock, _decode_int(_recv_exact(sock, 8)))


def _readable(sock, timeout):
    """Whether sock has data (or EOF) within timeout seconds (None: wait)."""
    if timeout is not None and timeout < 0:
        timeout = 0
    r, _, _ = select.select([sock], [], [], timeout)
    return bool(r)


class Connection:
    """One end of a Pipe: sends and receives whole messages."""

    def __init__(self, sock, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._sock = sock
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._sock is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed."""
        return self._sock is None

    @property
    def readable(self):
        """True if the connection is readable."""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable."""
        return self._writable

    def fileno(self):
        """The file descriptor of the connection."""
        self._check_closed()
        return self._sock.fileno()

    def close(self):
        """Closes this end (idempotent)."""
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

    def send_bytes(self, buf, offset=0, size=None):
        """Sends bytes (or the slice [offset:offset+size]) as one message."""
        self._check_closed()
        self._check_writable()
        buf = bytes(buf)
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            buf = buf[offset:offset + size]
        _send_message(self._sock, buf)

    def send(self, obj):
        """Sends a picklable object (pickled here: a PicklingError is raised
        by this call)."""
        self._check_closed()
        self._check_writable()
        _send_message(self._sock, pickle.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receives one message as bytes; EOFError if the other end closed."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        n = _decode_int(_recv_exact(self._sock, 8))
        if maxlength is not None and n > maxlength:
            self.close()
            raise OSError("bad message length")
        return _recv_exact(self._sock, n)

    def recv(self):
        """Receives one object sent by send()."""
        self._check_closed()
        self._check_readable()
        return pickle.loads(_recv_message(self._sock))

    def poll(self, timeout=0.0):
        """Whether there is something to read (a message or EOF) within
        timeout seconds (None: wait for it)."""
        self._check_closed()
        self._check_readable()
        return _readable(self._sock, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, id(self))


def Pipe(duplex=True):
    """Two Connections: (conn1, conn2), both ends two-way; or, with
    duplex=False, (reader, writer)."""
    a, b = socket.socketpair()
    if duplex:
        return Connection(a), Connection(b)
    return Connection(a, writable=False), Connection(b, readable=False)
