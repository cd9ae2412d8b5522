"""aiohttp: the client subset of aiohttp (3.8) that page-fetching programs
use, over gillab's asyncio streams (plain HTTP/1.1, no TLS).

What is here, with aiohttp's behaviour:
  - ClientSession(base_url=None, *, headers=None, timeout=ClientTimeout(),
    raise_for_status=False): an async context manager (close() on exit);
    get/post/put/delete/head/request(method, url, *, params, data, json,
    headers, timeout, raise_for_status) each return a request that is both
    awaitable (the response) and an async context manager (the response,
    released on exit). Using a closed session raises RuntimeError("Session
    is closed").
  - ClientResponse: status, reason, headers (case-insensitive), url,
    method, ok, content_type, charset; await read() (bytes), await
    text(encoding=None) (the Content-Type charset, else UTF-8),
    raise_for_status() (ClientResponseError with .status and .message),
    release(), close().
  - ClientTimeout(total=None, connect=None, sock_read=None): total bounds
    the whole request (headers and body); a timeout raises
    asyncio.TimeoutError, as aiohttp does. The default total is 300 s.
  - Errors: ClientError > ClientConnectionError > ClientOSError >
    ClientConnectorError (connecting failed), ServerDisconnectedError,
    ClientResponseError (> ClientPayloadError for a short body),
    InvalidURL. An https:// URL raises ClientConnectorError saying that
    gillab has no TLS.

Each request opens its own connection and sends Connection: close (aiohttp
pools keep-alive connections; gillab's subset does not). No TLS, cookies,
compression (Accept-Encoding: identity), websockets or a server.
"""
import asyncio
from urllib.parse import urlsplit as _urlsplit, urljoin as _urljoin, urlencode as _urlencode

__version__ = "3.8.4 (gillab subset)"
__all__ = ["ClientSession", "ClientResponse", "ClientTimeout", "ClientError", "ClientConnectionError",
           "ClientOSError", "ClientConnectorError", "ServerDisconnectedError", "ClientResponseError",
           "ClientPayloadError", "InvalidURL", "request"]

_USER_AGENT = "Python/3.11 aiohttp/3.8.4"
_MAX_REDIRECTS = 10
_REDIRECT_CODES = (301, 302, 303, 307, 308)


class ClientError(Exception):
    """Base of every client error."""


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    """Connecting to the host failed."""

    def __init__(self, host, port, os_error):
        self.host = host
        self.port = port
        self.os_error = os_error
        super().__init__(getattr(os_error, "errno", None), str(os_error))

    def __str__(self):
        return "Cannot connect to host %s:%s [%s]" % (self.host, self.port, self.os_error)


class ServerDisconnectedError(ClientConnectionError):
    def __init__(self, message="Server disconnected"):
        self.message = message
        super().__init__(message)


class ClientResponseError(ClientError):
    """A response that is an error (raise_for_status) or cannot be read."""

    def __init__(self, request_info=None, history=(), *, status=None, message="", headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        super().__init__(request_info)

    def __str__(self):
        url = getattr(self.request_info, "real_url", None)
        return "%s, message=%r, url=%r" % (self.status, self.message, url)


class ClientPayloadError(ClientError):
    """The body ended before its length (or a chunk) said it would."""


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        self.url = url
        super().__init__(url)


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return "ClientTimeout(total=%r, connect=%r, sock_read=%r, sock_connect=%r)" % (
            self.total, self.connect, self.sock_read, self.sock_connect)


_DEFAULT_TIMEOUT = ClientTimeout(total=300)


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url


class _Headers:
    """Response headers: case-insensitive lookups, arrival order kept."""

    def __init__(self, pairs):
        self._pairs = pairs

    def get(self, name, default=None):
        name = name.lower()
        for k, v in self._pairs:
            if k.lower() == name:
                return v
        return default

    def getall(self, name, default=None):
        values = [v for k, v in self._pairs if k.lower() == name.lower()]
        return values or default

    def __getitem__(self, name):
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __contains__(self, name):
        return self.get(name) is not None

    def __iter__(self):
        return iter([k for k, _ in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [k for k, _ in self._pairs]

    def values(self):
        return [v for _, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def __repr__(self):
        return "<CIMultiDictProxy(%s)>" % ", ".join("%r: %r" % kv for kv in self._pairs)


class ClientResponse:
    """A response whose status line and headers are read; the body is read
    by read()/text() (once, then kept)."""

    def __init__(self, method, url, request_info):
        self.method = method
        self.url = url
        self.real_url = url
        self.request_info = request_info
        self.status = None
        self.reason = None
        self.version = None
        self.headers = _Headers([])
        self.history = ()
        self._reader = None
        self._writer = None
        self._body = None
        self._deadline = None

    def __repr__(self):
        return "<ClientResponse(%s) [%s %s]>" % (self.url, self.status, self.reason)

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        value = self.headers.get("Content-Type", "application/octet-stream")
        return value.split(";")[0].strip().lower()

    @property
    def charset(self):
        value = self.headers.get("Content-Type")
        if not value:
            return None
        for part in value.split(";")[1:]:
            name, _, v = part.partition("=")
            if name.strip().lower() == "charset":
                return v.strip().strip("'\"")
        return None

    async def _timed(self, awaitable):
        if self._deadline is None:
            return await awaitable
        remaining = self._deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise asyncio.TimeoutError()
        return await asyncio.wait_for(awaitable, remaining)

    async def read(self):
        """The whole body as bytes."""
        if self._body is None:
            if self._reader is None:
                raise ClientConnectionError("Connection closed")
            try:
                self._body = await self._timed(self._read_body())
            finally:
                self.close()
        return self._body

    async def text(self, encoding=None, errors="strict"):
        body = await self.read()
        return body.decode(encoding or self.charset or "utf-8", errors)

    async def json(self, *, encoding=None, loads=None, content_type="application/json"):
        text = await self.text(encoding)
        if loads is None:
            import json  # raises ModuleNotFoundError on a VM without one
            loads = json.loads
        return loads(text)

    async def _read_body(self):
        reader = self._reader
        if self.method == "HEAD" or self.status in (204, 304) or 100 <= self.status < 200:
            return b""
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            parts = []
            while True:
                line = await reader.readline()
                if not line.endswith(b"\n"):
                    raise ClientPayloadError("Response payload is not completed")
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(parts)
                try:
                    parts.append(await reader.readexactly(size))
                except asyncio.IncompleteReadError:
                    raise ClientPayloadError("Response payload is not completed")
                await reader.readline()
        length = self.headers.get("Content-Length")
        if length is not None:
            try:
                return await reader.readexactly(int(length))
            except asyncio.IncompleteReadError:
                raise ClientPayloadError("Response payload is not completed")
        return await reader.read()

    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.close()

    def close(self):
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._reader = None

    async def wait_for_close(self):
        self.close()


class _RequestContextManager:
    """What session.get() returns: await it for the response, or use it in
    `async with` (the response is released on exit)."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        return False


def _with_params(url, params):
    if not params:
        return url
    return url + ("&" if "?" in url else "?") + _urlencode(params, doseq=True)


class ClientSession:
    """See the module docstring."""

    def __init__(self, base_url=None, *, headers=None, timeout=None, raise_for_status=False, **ignored):
        self._base_url = base_url
        self.headers = dict(headers or {})
        self.timeout = timeout if timeout is not None else _DEFAULT_TIMEOUT
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        self._closed = True

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request("POST", url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None, timeout=None,
                       raise_for_status=None, allow_redirects=True):
        if self._closed:
            raise RuntimeError("Session is closed")
        url = str(url)
        if self._base_url is not None:
            url = _urljoin(str(self._base_url), url)
        url = _with_params(url, params)
        timeout = timeout if timeout is not None else self.timeout
        if not isinstance(timeout, ClientTimeout):
            timeout = ClientTimeout(total=timeout)
        loop = asyncio.get_running_loop()
        deadline = None if timeout.total is None else loop.time() + timeout.total
        body = None
        sent = dict(self.headers)
        sent.update(headers or {})
        if json is not None:
            import json as json_module  # raises ModuleNotFoundError on a VM without one
            body = json_module.dumps(json).encode("utf-8")
            sent.setdefault("Content-Type", "application/json")
        elif isinstance(data, str):
            body = data.encode("utf-8")
            sent.setdefault("Content-Type", "text/plain; charset=utf-8")
        elif isinstance(data, dict):
            body = _urlencode(data, doseq=True).encode("ascii")
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif data is not None:
            body = bytes(data)
        history = []
        for _ in range(_MAX_REDIRECTS + 1):
            resp = await self._send(method, url, sent, body, deadline)
            if allow_redirects and resp.status in _REDIRECT_CODES and resp.headers.get("Location"):
                await resp.read()
                history.append(resp)
                url = _urljoin(url, resp.headers.get("Location"))
                if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                    method, body = "GET", None
                continue
            resp.history = tuple(history)
            check = self._raise_for_status if raise_for_status is None else raise_for_status
            if check:
                resp.raise_for_status()
            return resp
        raise ClientResponseError(None, tuple(history), status=0, message="Too many redirects")

    async def _send(self, method, url, headers, body, deadline):
        parts = _urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidURL(url)
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
        info = RequestInfo(url, method, headers)
        if parts.scheme == "https":
            raise ClientConnectorError(host, port, OSError("gillab's aiohttp has no TLS: use http://"))
        resp = ClientResponse(method, url, info)
        resp._deadline = deadline
        try:
            reader, writer = await resp._timed(asyncio.open_connection(host, port))
        except asyncio.TimeoutError:
            raise  # the total timeout, not a connection error (TimeoutError is an OSError)
        except OSError as e:
            raise ClientConnectorError(host, port, e)
        resp._reader, resp._writer = reader, writer
        try:
            target = parts.path or "/"
            if parts.query:
                target += "?" + parts.query
            lines = ["%s %s HTTP/1.1" % (method, target), "Host: %s" % parts.netloc.rpartition("@")[2]]
            given = set(k.lower() for k in headers)
            for name, value in (("Accept", "*/*"), ("Accept-Encoding", "identity"), ("User-Agent", _USER_AGENT)):
                if name.lower() not in given:
                    lines.append("%s: %s" % (name, value))
            for k, v in headers.items():
                lines.append("%s: %s" % (k, v))
            if body is not None:
                lines.append("Content-Length: %d" % len(body))
            lines.append("Connection: close")
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b""))
            await resp._timed(writer.drain())
            await resp._timed(self._read_head(resp))
        except BaseException:
            resp.close()
            raise
        return resp

    async def _read_head(self, resp):
        reader = resp._reader
        try:
            line = await reader.readline()
        except OSError as e:
            raise ClientOSError(getattr(e, "errno", None), str(e))
        if not line:
            raise ServerDisconnectedError()
        text = line.decode("latin-1").rstrip("\r\n")
        version, _, rest = text.partition(" ")
        code, _, reason = rest.partition(" ")
        if not version.startswith("HTTP/") or not code.isdigit():
            raise ClientResponseError(resp.request_info, status=400, message="Invalid status line %r" % text)
        resp.version = version
        resp.status = int(code)
        resp.reason = reason
        pairs = []
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n"):
                break
            if not line:
                raise ServerDisconnectedError()
            name, _, value = line.decode("latin-1").partition(":")
            pairs.append((name.strip(), value.strip()))
        resp.headers = _Headers(pairs)


def request(method, url, **kwargs):
    """A one-off request in a session of its own (aiohttp.request)."""
    return _RequestContextManager(_one_off(method, url, kwargs))


async def _one_off(method, url, kwargs):
    session = ClientSession()
    try:
        resp = await session._request(method, url, **kwargs)
        await resp.read()
        return resp
    finally:
        await session.close()
