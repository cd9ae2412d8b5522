"""io: in-memory text and byte streams (StringIO, BytesIO), as CPython's io
module offers them (the position is in characters, bytes for BytesIO), and
files: open() and its layers (below)."""

import sys as _sys

__all__ = ["StringIO", "BytesIO", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "open", "FileIO",
           "BufferedReader", "BufferedWriter", "BufferedRandom", "TextIOWrapper", "DEFAULT_BUFFER_SIZE"]

SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2


class UnsupportedOperation(OSError, ValueError):
    pass


def _closed_error():
    return ValueError("I/O operation on closed file.")


class IOBase:
    """What every stream here shares (CPython's io.IOBase): iteration by
    lines, readlines, writelines, flush and the with statement."""

    def _check(self):
        if self.closed:
            raise _closed_error()

    def flush(self):
        self._check()

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class _Layer(IOBase):
    """A stream over another one, `_below()`: the buffered layer over the raw
    file, the text layer over the buffered one."""

    @property
    def name(self):
        return self._below().name

    @property
    def closed(self):
        return self._below().closed

    def fileno(self):
        return self._below().fileno()

    def readable(self):
        return self._below().readable()

    def writable(self):
        return self._below().writable()

    def seekable(self):
        return self._below().seekable()

    def isatty(self):
        return self._below().isatty()

    def close(self):
        if not self._below().closed:
            self._below().close()


class _MemoryIO(IOBase):
    _empty = ""

    def __init__(self, initial=None):
        self._buf = self._empty if initial is None else initial
        self._pos = 0
        self.closed = False

    def getvalue(self):
        self._check()
        return self._buf

    def write(self, s):
        self._check()
        if not isinstance(s, type(self._empty)):
            raise TypeError("%s argument expected, got '%s'" % (
                "string" if isinstance(self._empty, str) else "a bytes-like object is required,", type(s).__name__))
        buf = self._buf
        if self._pos > len(buf):
            buf = buf + self._pad(self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            size = len(self._buf)
        result = self._buf[self._pos:self._pos + size]
        self._pos += len(result)
        return result

    def readline(self, size=-1):
        self._check()
        newline = "\n" if isinstance(self._empty, str) else b"\n"
        end = self._buf.find(newline, self._pos)
        end = len(self._buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = self._buf[self._pos:end]
        self._pos = end
        return result

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("Invalid whence (%r, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def close(self):
        self.closed = True

class StringIO(_MemoryIO):
    _empty = ""

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        _MemoryIO.__init__(self, initial_value)

    def _pad(self, n):
        return "\0" * n


class BytesIO(_MemoryIO):
    _empty = b""

    def __init__(self, initial_bytes=b""):
        _MemoryIO.__init__(self, bytes(initial_bytes))

    def _pad(self, n):
        return b"\0" * n


# ---- files: open() ----
#
# CPython's three layers, in Python over the posix module's descriptors
# (interp/src/runtime/io.cpp): FileIO (raw), BufferedReader / BufferedWriter
# / BufferedRandom (binary modes) and TextIOWrapper (text modes; utf-8,
# ascii or latin-1; universal newlines when reading with newline=None).
# Choices, where gillab differs from CPython:
#  - Writes are not held in a buffer: each write() reaches the descriptor at
#    once, as if flush() followed it. gillab does not run __del__ yet, so a
#    file the program drops without closing would otherwise lose what it
#    wrote; here the data is never lost (the descriptor is released at exit).
#  - Reads are buffered (8 KiB), and a text file keeps no decoded read-ahead,
#    so tell() is the byte offset of the next character: the same number
#    CPython's opaque cookie is for these encodings.

DEFAULT_BUFFER_SIZE = 8192


def _posix():
    import posix
    return posix


class FileIO(IOBase):
    """The raw layer: one descriptor, every call a system call."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        posix = _posix()
        self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        kind = None
        for c in mode:
            if c in "rwxa":
                if kind is not None:
                    raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
                kind = c
            elif c not in "b+":
                raise ValueError("invalid mode: %s" % mode)
        if kind is None or mode.count("+") > 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        plus = "+" in mode
        self._readable = kind == "r" or plus
        self._writable = kind != "r" or plus
        self._appending = kind == "a"
        if plus:
            flags = posix.O_RDWR
        elif kind == "r":
            flags = posix.O_RDONLY
        else:
            flags = posix.O_WRONLY
        if kind == "w":
            flags |= posix.O_CREAT | posix.O_TRUNC
        elif kind == "x":
            flags |= posix.O_CREAT | posix.O_EXCL
        elif kind == "a":
            flags |= posix.O_CREAT | posix.O_APPEND
        self.mode = {"r": "rb", "w": "wb", "x": "xb", "a": "ab"}[kind] + ("+" if plus else "")
        if kind == "r" and plus:
            self.mode = "rb+"
        self.name = file
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            self._fd = file
            self._closefd = closefd
        else:
            if not isinstance(file, str):
                raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            self._closefd = True
            if posix._stat_kind(file) == "dir":
                raise IsADirectoryError(21, "Is a directory", file)
            if opener is None:
                self._fd = posix.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError("opener returned %d" % fd)
                self._fd = fd
        if self._appending:
            posix.lseek(self._fd, 0, posix.SEEK_END)

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    def _check(self, readable=False, writable=False):
        if self._fd < 0:
            raise _closed_error()
        if readable and not self._readable:
            raise UnsupportedOperation("File not open for reading")
        if writable and not self._writable:
            raise UnsupportedOperation("File not open for writing")

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        try:
            _posix().lseek(self._fd, 0, SEEK_CUR)
        except OSError:
            return False
        return True

    def isatty(self):
        self._check()
        return _posix().isatty(self._fd)

    def read(self, size=-1):
        self._check(readable=True)
        if size is None or size < 0:
            return self.readall()
        return _posix().read(self._fd, size)

    def readall(self):
        self._check(readable=True)
        chunks = []
        while True:
            chunk = _posix().read(self._fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def write(self, data):
        self._check(writable=True)
        return _posix().write(self._fd, bytes(data))

    def seek(self, pos, whence=SEEK_SET):
        self._check()
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return _posix().lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _posix().lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check(writable=True)
        if size is None:
            size = self.tell()
        _posix().ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            if self._closefd:
                _posix().close(fd)

    def readline(self, size=-1):
        # Unbuffered: a byte at a time, as CPython's RawIOBase.readline.
        out = []
        while size is None or size < 0 or len(out) < size:
            b = self.read(1)
            if not b:
                break
            out.append(b)
            if b == b"\n":
                break
        return b"".join(out)

    def __repr__(self):
        if self.closed:
            return "<_io.FileIO [closed]>"
        return "<_io.FileIO name=%r mode=%r closefd=%r>" % (self.name, self.mode, self._closefd)


class _Buffered(_Layer):
    """The binary layer: reads through an 8 KiB buffer; writes straight
    through (see the choices above)."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self._size = buffer_size
        self._rbuf = b""
        self._rpos = 0

    @property
    def mode(self):
        return self.raw.mode

    def _below(self):
        return self.raw

    def _unread(self):
        return len(self._rbuf) - self._rpos

    def _drop_read_ahead(self):
        # The descriptor's offset back to the logical position.
        ahead = self._unread()
        self._rbuf, self._rpos = b"", 0
        if ahead:
            self.raw.seek(-ahead, SEEK_CUR)

    def _fill(self):
        chunk = self.raw.read(self._size)
        if self._rpos:
            self._rbuf = self._rbuf[self._rpos:]
            self._rpos = 0
        self._rbuf += chunk
        return len(chunk)

    def read(self, size=-1):
        self._check()
        if not self.raw.readable():
            raise UnsupportedOperation("read")
        if size is None or size < 0:
            rest = self._rbuf[self._rpos:]
            self._rbuf, self._rpos = b"", 0
            return rest + self.raw.readall()
        while self._unread() < size and self._fill():
            pass
        out = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(out)
        return out

    def read1(self, size=-1):
        self._check()
        if not self._unread():
            self._fill()
        if size is None or size < 0:
            size = self._unread()
        out = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(out)
        return out

    def peek(self, size=0):
        self._check()
        if not self._unread():
            self._fill()
        return self._rbuf[self._rpos:]

    def _line_end(self, terminator):
        # Index just past the first line ending in the read buffer, or -1;
        # -2: a b"\r" ends the buffer and the next byte decides. terminator
        # None: universal (b"\n", b"\r\n" or a lone b"\r"); else the one
        # ending that ends lines (b"\n", b"\r" or b"\r\n").
        buf = self._rbuf
        if terminator is not None:
            at = buf.find(terminator, self._rpos)
            if at < 0 and terminator == b"\r\n" and buf.endswith(b"\r"):
                return -2
            return at + len(terminator) if at >= 0 else -1
        nl = buf.find(b"\n", self._rpos)
        cr = buf.find(b"\r", self._rpos, nl if nl >= 0 else len(buf))
        if cr < 0:
            return nl + 1 if nl >= 0 else -1
        if cr + 1 == len(buf):
            return -2
        return cr + 2 if buf[cr + 1:cr + 2] == b"\n" else cr + 1

    def _readline_bytes(self, size, terminator):
        # Up to and including the first line ending, or size bytes, or to the
        # end of the file.
        if not self.raw.readable():
            raise UnsupportedOperation("readline")
        limited = size is not None and size >= 0
        while True:
            end = self._line_end(terminator)
            if end >= 0 or (limited and self._unread() >= size):
                break
            if not self._fill():
                end = len(self._rbuf)  # end of file (a trailing b"\r" is a line end too)
                break
        if end < 0:
            end = len(self._rbuf)
        if limited:
            end = min(end, self._rpos + size)
        out = self._rbuf[self._rpos:end]
        self._rpos = end
        return out

    def readline(self, size=-1):
        self._check()
        return self._readline_bytes(size, b"\n")

    def write(self, data):
        self._check()
        if not self.raw.writable():
            raise UnsupportedOperation("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        self._drop_read_ahead()
        done = 0
        while done < len(data):
            done += self.raw.write(data[done:] if done else data)
        return len(data)

    def seek(self, pos, whence=SEEK_SET):
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError("whence value %r unsupported" % whence)
        if whence == SEEK_CUR:
            pos -= self._unread()
        self._rbuf, self._rpos = b"", 0
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check()
        return self.raw.tell() - self._unread()

    def truncate(self, size=None):
        self._check()
        self._drop_read_ahead()
        return self.raw.truncate(size)

    def detach(self):
        raw, self.raw = self.raw, None
        return raw

    def __repr__(self):
        return "<_io.%s name=%r>" % (type(self).__name__, self.name)


class BufferedReader(_Buffered):
    pass


class BufferedWriter(_Buffered):
    pass


class BufferedRandom(_Buffered):
    pass


_encodings = {"utf-8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "ascii": "ascii", "us-ascii": "ascii",
              "latin-1": "latin-1", "latin1": "latin-1", "iso-8859-1": "latin-1", "iso8859-1": "latin-1"}


def _utf8_complete(data):
    """How many leading bytes of data end on a character boundary."""
    n = len(data)
    i = n - 1
    while i >= 0 and n - i <= 4 and (data[i] & 0xC0) == 0x80:
        i -= 1
    if i < 0 or n - i > 4:
        return n
    lead = data[i]
    need = 1 if lead < 0x80 else 2 if lead >> 5 == 0x6 else 3 if lead >> 4 == 0xE else 4 if lead >> 3 == 0x1E else 1
    return n if n - i >= need else i


class TextIOWrapper(_Layer):
    """The text layer over a binary one."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % (newline,))
        if encoding is None:
            encoding = "UTF-8"
        if not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
        codec = _encodings.get(encoding.lower().replace("_", "-"))
        if codec is None:
            raise LookupError("unknown encoding: %s" % encoding)
        self.buffer = buffer
        self.encoding = encoding
        self._codec = codec
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._undecoded = b""  # read(size): the start of a character split by the size

    def _below(self):
        return self.buffer

    @property
    def newlines(self):
        return None

    def _decode(self, data):
        text = data.decode(self._codec, self.errors)
        if self._newline is None and "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        self._check()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        if size is None or size < 0:
            data = self._undecoded + self.buffer.read()
            self._undecoded = b""
            return self._decode(data)
        parts = []
        count = 0
        while count < size:
            data = self._undecoded + self.buffer.read(size - count)
            self._undecoded = b""
            if not data:
                break
            if self._newline is None and data.endswith(b"\r") and self.buffer.peek(1)[:1] == b"\n":
                data += self.buffer.read(1)
            if self._codec == "utf-8":
                cut = _utf8_complete(data)
                data, self._undecoded = data[:cut], data[cut:]
                if not data:
                    more = self.buffer.read(1)
                    if not more:
                        data, self._undecoded = self._undecoded, b""
                    else:
                        self._undecoded += more
                        continue
            text, left = self._take(data, size - count)
            self._undecoded = left + self._undecoded
            parts.append(text)
            count += len(text)
        return "".join(parts)

    def _take(self, data, need):
        # data holds whole characters: the text of its first `need` (after
        # newline translation) and the bytes of the rest, given back.
        raw = data.decode(self._codec, self.errors)
        if self._newline is None and "\r" in raw:
            count, i, n = 0, 0, len(raw)
            while i < n and count < need:
                i += 2 if raw[i] == "\r" and i + 1 < n and raw[i + 1] == "\n" else 1
                count += 1
            cut = i
        else:
            cut = min(need, len(raw))
        if cut == len(raw):
            return self._decode(data), b""
        head = raw[:cut]
        if self._newline is None:
            head = head.replace("\r\n", "\n").replace("\r", "\n")
        return head, data[len(raw[:cut].encode(self._codec, self.errors)):]

    def readline(self, size=-1):
        self._check()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        if size is not None and size >= 0:
            # Rare: a bounded line, a character at a time.
            out = []
            while len(out) < size:
                c = self.read(1)
                if not c:
                    break
                out.append(c)
                if c == "\n":
                    break
            return "".join(out)
        terminator = None if self._newline in (None, "") else self._newline.encode("ascii")
        line = self.buffer._readline_bytes(-1, terminator)
        if self._undecoded:
            line, self._undecoded = self._undecoded + line, b""
        return self._decode(line)

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        text = s
        if self._newline not in (None, "", "\n") and "\n" in text:
            text = text.replace("\n", self._newline)
        self._undecoded = b""
        self.buffer.write(text.encode(self._codec, self.errors))
        return len(s)

    def seek(self, cookie, whence=SEEK_SET):
        self._check()
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._undecoded = b""
            return self.buffer.seek(0, SEEK_END)
        if whence != SEEK_SET:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" % whence)
        if cookie < 0:
            raise ValueError("negative seek position %r" % cookie)
        self._undecoded = b""
        return self.buffer.seek(cookie)

    def tell(self):
        self._check()
        return self.buffer.tell() - len(self._undecoded)

    def truncate(self, size=None):
        self._check()
        return self.buffer.truncate(size)

    def detach(self):
        buffer, self.buffer = self.buffer, None
        return buffer

    @property
    def mode(self):
        return self._mode

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self._mode, self.encoding)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if not isinstance(file, (str, int)):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: '%s'" % mode)
    binary = "b" in modes
    if binary and "t" in modes:
        raise ValueError("can't have text and binary mode at once")
    if sum(c in modes for c in "rwxa") != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if not binary and buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    raw_mode = "".join(c for c in mode if c in "rwxa+")
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    try:
        if buffering == 0:
            return raw
        size = DEFAULT_BUFFER_SIZE if buffering is None or buffering < 2 else buffering
        if "+" in modes:
            buffered = BufferedRandom(raw, size)
        elif "r" in modes:
            buffered = BufferedReader(raw, size)
        else:
            buffered = BufferedWriter(raw, size)
        if binary:
            return buffered
        text = TextIOWrapper(buffered, encoding, errors, newline, buffering == 1)
        text._mode = mode
        return text
    except BaseException:
        raw.close()
        raise
