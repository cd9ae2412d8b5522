"""urllib.request.urlopen: plain HTTP/1.1 over gillab's socket (no TLS).

What CPython 3.11's urlopen does for an http:// URL, and what programs see:
 - A request line with Host, Accept-Encoding: identity, User-Agent
   Python-urllib/3.11 and Connection: close (so the body ends where the
   connection does, unless Content-Length or chunked encoding says first).
 - Failure to connect or to send the request (refused, no such host, a
   timeout) raises URLError(reason); a timeout or a closed connection
   while reading the response raises TimeoutError (or
   http.client.RemoteDisconnected's equivalent) itself, as CPython's does. Statuses 301, 302, 303, 307 and 308
   are followed (at most 10 times); any other status >= 400 raises
   HTTPError, which is also the response (code, headers, read()).
 - https:// and other schemes raise URLError naming the scheme: gillab has
   no TLS.
Every blocking call is a socket call, so it runs in the back-end's blocking
region (the gil back-end releases the lock while the thread waits).
"""
import socket
from urllib.error import URLError, HTTPError
from urllib.parse import urlsplit, urljoin

__all__ = ["urlopen", "Request", "HTTPMessage", "HTTPResponse", "URLError", "HTTPError"]

_MAX_REDIRECTS = 10
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
            303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}


class HTTPMessage:
    """The response headers: a case-insensitive mapping from name to the
    first value, in arrival order (http.client.HTTPMessage's reading side)."""

    def __init__(self, pairs):
        self._headers = pairs  # [(name, value)] as received

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        return values or failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def __len__(self):
        return len(self._headers)

    def __iter__(self):
        return iter([k for k, _ in self._headers])

    def keys(self):
        return [k for k, _ in self._headers]

    def values(self):
        return [v for _, v in self._headers]

    def items(self):
        return list(self._headers)

    def get_content_charset(self, failobj=None):
        ctype = self.get("content-type", "")
        for part in ctype.split(";")[1:]:
            key, _, val = part.strip().partition("=")
            if key.lower() == "charset":
                return val.strip('"').lower()
        return failobj

    def __str__(self):
        return "".join("%s: %s\n" % kv for kv in self._headers) + "\n"


class _Reader:
    """Buffered reading from a socket: lines for the head, then the body."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.eof = False

    def _fill(self):
        if self.eof:
            return False
        chunk = self.sock.recv(65536)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def readline(self, limit=65537):
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line, self.buf = self.buf[:i + 1], self.buf[i + 1:]
                return line
            if len(self.buf) > limit:
                raise ValueError("gillab's urllib: header line longer than %d bytes" % limit)
            if not self._fill():
                line, self.buf = self.buf, b""
                return line

    def read_exactly(self, n):
        while len(self.buf) < n:
            if not self._fill():
                break
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def read_all(self):
        parts = [self.buf]
        self.buf = b""
        while not self.eof:
            chunk = self.sock.recv(65536)
            if not chunk:
                self.eof = True
            else:
                parts.append(chunk)
        return b"".join(parts)


class HTTPResponse:
    """What urlopen returns: status, reason, headers, read(), a context manager."""

    def __init__(self, sock, reader, url, method):
        self._sock = sock
        self._reader = reader
        self.url = url
        self._method = method
        self.version = 11
        self.status = None
        self.reason = None
        self.headers = None
        self.msg = None
        self.closed = False
        self.chunked = False
        self.length = None
        self._body = None  # the whole body once read (read() returns it once)

    def _begin(self):
        line = self._reader.readline()
        if not line:
            raise _RemoteDisconnected("Remote end closed connection without response")
        text = line.decode("iso-8859-1").rstrip("\r\n")
        version, _, rest = text.partition(" ")
        code, _, reason = rest.partition(" ")
        if not version.startswith("HTTP/") or not code.isdigit() or len(code) != 3:
            raise _BadStatusLine(text)
        self.version = 10 if version == "HTTP/1.0" else 11
        self.status = int(code)
        self.reason = reason.strip()
        pairs = []
        while True:
            line = self._reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            text = line.decode("iso-8859-1").rstrip("\r\n")
            if text[:1] in (" ", "\t") and pairs:  # an obsolete folded continuation
                name, value = pairs[-1]
                pairs[-1] = (name, value + " " + text.strip())
                continue
            name, _, value = text.partition(":")
            pairs.append((name.strip(), value.strip()))
        self.headers = self.msg = HTTPMessage(pairs)
        self.chunked = "chunked" in self.headers.get("transfer-encoding", "").lower()
        length = self.headers.get("content-length")
        if length is not None and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
        if self._method == "HEAD" or self.status in (204, 304) or 100 <= self.status < 200:
            self.length = 0

    def _read_body(self):
        if self.chunked:
            parts = []
            while True:
                size_line = self._reader.readline().split(b";")[0].strip().decode("ascii")
                size = int(size_line, 16) if size_line else 0
                if size == 0:
                    while self._reader.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                parts.append(self._reader.read_exactly(size))
                self._reader.readline()  # the CRLF after each chunk
            return b"".join(parts)
        if self.length is not None:
            data = self._reader.read_exactly(self.length)
            if len(data) < self.length:
                raise _IncompleteRead(len(data), self.length - len(data))
            return data
        return self._reader.read_all()

    def read(self, amt=None):
        if self._body is None:
            if self.closed:
                return b""
            self._body = self._read_body()
            self.close()
        if amt is None or amt < 0:
            data, self._body = self._body, b""
        else:
            data, self._body = self._body[:amt], self._body[amt:]
        return data

    def getcode(self):
        return self.status

    @property
    def code(self):
        return self.status

    def geturl(self):
        return self.url

    def info(self):
        return self.headers

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def close(self):
        if not self.closed:
            self.closed = True
            self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return "<http.client.HTTPResponse object at 0x%x>" % id(self)


class RemoteDisconnected(ConnectionResetError):
    pass


_RemoteDisconnected = RemoteDisconnected


class _BadStatusLine(Exception):
    def __init__(self, line):
        self.args = (repr(line),)
        self.line = line


class _IncompleteRead(Exception):
    def __init__(self, partial, expected):
        self.args = (partial,)
        self.partial = partial
        self.expected = expected

    def __str__(self):
        return "IncompleteRead(%d bytes read, %d more expected)" % (self.partial, self.expected)


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        self.data = data
        self.headers = dict(headers)
        self.method = method

    def get_method(self):
        if self.method is not None:
            return self.method
        return "POST" if self.data is not None else "GET"

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def get_full_url(self):
        return self.full_url


def _open_once(url, method, data, extra_headers, timeout):
    parts = urlsplit(url)
    if not parts.scheme:
        raise ValueError("unknown url type: %r" % url)
    if parts.scheme != "http":
        if parts.scheme == "https":
            raise URLError("unknown url type: https (gillab's urllib speaks plain HTTP only: it has no TLS)")
        raise URLError("unknown url type: %s" % parts.scheme)
    host = parts.hostname
    if not host:
        raise URLError("no host given")
    port = parts.port or 80
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    head = ["%s %s HTTP/1.1" % (method, target),
            "Host: %s" % (parts.netloc.rpartition("@")[2],)]
    given = set(k.lower() for k in extra_headers)
    # The request's own headers replace these defaults, as in CPython.
    for name, value in (("Accept-Encoding", "identity"), ("User-Agent", "Python-urllib/3.11")):
        if name.lower() not in given:
            head.append("%s: %s" % (name, value))
    if data is not None:
        if isinstance(data, str):
            raise TypeError("POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type str.")
        head.append("Content-Length: %d" % len(data))
        if not any(k.lower() == "content-type" for k in extra_headers):
            head.append("Content-Type: application/x-www-form-urlencoded")
    for k, v in extra_headers.items():
        head.append("%s: %s" % (k, v))
    head.append("Connection: close")
    request = ("\r\n".join(head) + "\r\n\r\n").encode("iso-8859-1")
    if data is not None:
        request += data
    try:
        sock = socket.create_connection((host, port), timeout)
    except OSError as err:
        raise URLError(err)
    # As CPython's do_open: an error while sending the request is a
    # URLError; one while reading the status line and headers (a timeout,
    # a server that closed) propagates as it is.
    try:
        try:
            sock.sendall(request)
        except OSError as err:
            raise URLError(err)
        response = HTTPResponse(sock, _Reader(sock), url, method)
        response._begin()
    except BaseException:
        sock.close()
        raise
    return response


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *, cafile=None, capath=None, cadefault=False,
            context=None):
    if isinstance(url, Request):
        request = url
        if data is None:
            data = request.data
        method = request.get_method()
        headers = request.headers
        url = request.full_url
    else:
        method = "POST" if data is not None else "GET"
        headers = {}
    for _ in range(_MAX_REDIRECTS + 1):
        response = _open_once(url, method, data, headers, timeout)
        if response.status in _REDIRECT_CODES and response.headers.get("location"):
            location = urljoin(url, response.headers.get("location"))
            response.read()
            if response.status in (301, 302, 303) and method == "POST":
                method, data = "GET", None
            url = location
            continue
        if response.status >= 400 or response.status in _REDIRECT_CODES:
            raise HTTPError(url, response.status, response.reason, response.headers, response)
        return response
    raise HTTPError(url, response.status,
                    "The HTTP server returned a redirect error that would lead to an infinite loop.\n"
                    "The last 30x error message was:\n" + response.reason, response.headers, response)
