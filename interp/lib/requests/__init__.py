"""requests: the subset of the requests library (2.x) that programs fetching
pages use, over gillab's urllib.request (plain HTTP/1.1, no TLS).

What is here, with requests' behaviour:
  - get(url, params=None, headers=None, timeout=None), head, post(url,
    data=None, json=None, ...) and request(method, url, ...); redirects
    are always followed (allow_redirects=False raises NotImplementedError,
    and head() follows them too, unlike requests);
    a Session with the same methods (and a context manager) that only
    carries default headers (no connection pooling: every request opens
    its own connection, Connection: close).
  - Response: status_code, ok, reason, url, headers (case-insensitive),
    content (bytes), text (decoded with the Content-Type charset; without
    one, ISO-8859-1 for text/* as requests does, else UTF-8 — requests
    would guess with chardet, which gillab does not have), encoding
    (settable), json(), raise_for_status(), iter_content(chunk_size),
    close() and the context manager. A status >= 400 is a Response, not an
    exception, until raise_for_status() raises HTTPError("404 Client
    Error: Not Found for url: ...").
  - Errors: requests.exceptions.RequestException and its ConnectionError,
    Timeout (ConnectTimeout, ReadTimeout), HTTPError, InvalidURL,
    MissingSchema, InvalidSchema, TooManyRedirects; an https:// URL raises
    ConnectionError saying that gillab has no TLS.

Not here: TLS, cookies, authentication, proxies, streaming uploads,
connection pooling, retries. Every blocking call is a socket call, so it
runs in the back-end's blocking region.
"""
import socket as _socket
import urllib.request as _urlreq
from urllib.error import HTTPError as _UrllibHTTPError, URLError as _URLError
from urllib.parse import urlsplit as _urlsplit, urlencode as _urlencode

from requests import exceptions
from requests.exceptions import (RequestException, ConnectionError, Timeout, ConnectTimeout, ReadTimeout,
                                 HTTPError, InvalidURL, MissingSchema, InvalidSchema, TooManyRedirects)

__version__ = "2.28.1 (gillab subset)"
__all__ = ["get", "head", "post", "put", "delete", "request", "Session", "Response", "codes", "exceptions",
           "RequestException", "ConnectionError", "Timeout", "ConnectTimeout", "ReadTimeout", "HTTPError",
           "InvalidURL", "MissingSchema", "InvalidSchema", "TooManyRedirects"]

_USER_AGENT = "python-requests/2.28.1"


class CaseInsensitiveDict:
    """The response headers: a mapping whose keys compare case-insensitively
    and keep the case they arrived with."""

    def __init__(self, data=None):
        self._store = {}
        if data:
            for k, v in (data.items() if hasattr(data, "items") else data):
                self[k] = v

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._store

    def __iter__(self):
        return iter([k for k, _ in self._store.values()])

    def __len__(self):
        return len(self._store)

    def get(self, key, default=None):
        item = self._store.get(key.lower())
        return default if item is None else item[1]

    def keys(self):
        return [k for k, _ in self._store.values()]

    def values(self):
        return [v for _, v in self._store.values()]

    def items(self):
        return list(self._store.values())

    def __eq__(self, other):
        if not isinstance(other, CaseInsensitiveDict):
            other = CaseInsensitiveDict(other)
        return dict((k, v) for k, (_, v) in self._store.items()) == dict(
            (k, v) for k, (_, v) in other._store.items())

    def __repr__(self):
        return repr(dict(self.items()))


class _Codes:
    ok = 200
    created = 201
    no_content = 204
    moved_permanently = 301
    found = 302
    not_modified = 304
    bad_request = 400
    unauthorized = 401
    forbidden = 403
    not_found = 404
    internal_server_error = 500


codes = _Codes()


class Response:
    """One HTTP response, read whole."""

    def __init__(self):
        self.status_code = None
        self.reason = None
        self.url = None
        self.headers = CaseInsensitiveDict()
        self._content = b""
        self.encoding = None
        self.request_method = None
        self.history = []

    def __repr__(self):
        return "<Response [%s]>" % self.status_code

    def __bool__(self):
        return self.ok

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def content(self):
        """The body, as bytes."""
        return self._content

    @property
    def text(self):
        """The body decoded with self.encoding (see the module docstring)."""
        encoding = self.encoding or "utf-8"
        try:
            return self._content.decode(encoding, "replace")
        except LookupError:
            return self._content.decode("utf-8", "replace")

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def apparent_encoding(self):
        return "utf-8"

    def json(self, **kwargs):
        import json  # raises ModuleNotFoundError on a VM without one
        return json.loads(self.text, **kwargs)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        step = chunk_size or len(self._content) or 1
        for i in range(0, len(self._content), step):
            part = self._content[i:i + step]
            yield part.decode(self.encoding or "utf-8", "replace") if decode_unicode else part

    def raise_for_status(self):
        """Raises HTTPError for a 4xx or 5xx status, as requests words it."""
        if 400 <= self.status_code < 500:
            kind = "Client Error"
        elif 500 <= self.status_code < 600:
            kind = "Server Error"
        else:
            return
        raise HTTPError("%s %s: %s for url: %s" % (self.status_code, kind, self.reason, self.url), response=self)

    def close(self):
        pass


def _encoding_from_headers(headers):
    content_type = headers.get("content-type")
    if not content_type:
        return None
    parts = [p.strip() for p in content_type.split(";")]
    for p in parts[1:]:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("'\"")
    if parts[0].lower().startswith("text"):
        return "ISO-8859-1"
    if parts[0].lower() == "application/json":
        return "utf-8"
    return None


def _with_params(url, params):
    if not params:
        return url
    base, _, fragment = url.partition("#")
    joined = base + ("&" if "?" in base else "?") + _urlencode(params, doseq=True)
    return joined + ("#" + fragment if fragment else "")


def request(method, url, params=None, data=None, headers=None, timeout=None, allow_redirects=True, json=None,
            _session_headers=None):
    """Sends one request and returns its Response (see the module docstring)."""
    if not isinstance(url, str):
        url = str(url)
    url = url.strip()
    parts = _urlsplit(url)
    if not parts.scheme:
        raise MissingSchema("Invalid URL %r: No scheme supplied. Perhaps you meant http://%s?" % (url, url))
    if parts.scheme == "https":
        raise ConnectionError("gillab's requests has no TLS: %s cannot be fetched (use http://)" % url)
    if parts.scheme != "http":
        raise InvalidSchema("No connection adapters were found for %r" % url)
    if not parts.hostname:
        raise InvalidURL("Invalid URL %r: No host supplied" % url)
    url = _with_params(url, params)
    method = method.upper()
    sent_headers = {"User-Agent": _USER_AGENT, "Accept": "*/*"}
    for extra in (_session_headers, headers):
        if extra:
            sent_headers.update(extra)
    body = None
    if json is not None and data is None:
        import json as json_module  # raises ModuleNotFoundError on a VM without one
        body = json_module.dumps(json).encode("utf-8")
        sent_headers.setdefault("Content-Type", "application/json")
    elif isinstance(data, dict):
        body = _urlencode(data, doseq=True).encode("ascii")
        sent_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    elif isinstance(data, str):
        body = data.encode("utf-8")
    elif data is not None:
        body = bytes(data)
    if isinstance(timeout, tuple):
        timeout = max(t for t in timeout if t is not None) if any(t is not None for t in timeout) else None
    if not allow_redirects:
        raise NotImplementedError("gillab's requests always follows redirects (allow_redirects=False is not supported)")
    req = _urlreq.Request(url, data=body, headers=sent_headers, method=method)
    response = Response()
    response.request_method = method
    try:
        if timeout is None:
            raw = _urlreq.urlopen(req)
        else:
            raw = _urlreq.urlopen(req, timeout=timeout)
    except _UrllibHTTPError as e:
        raw = e  # a status >= 400 is a response here
    except _URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError) or isinstance(reason, _socket.timeout):
            raise ConnectTimeout("Connection to %s timed out. (connect timeout=%s)" % (parts.hostname, timeout))
        if "redirect" in str(reason).lower():
            raise TooManyRedirects("Exceeded 30 redirects.")
        raise ConnectionError("Failed to connect to %s: %s" % (url, reason))
    except TimeoutError:
        raise ReadTimeout("Read timed out. (read timeout=%s)" % timeout)
    except OSError as e:
        raise ConnectionError("Connection aborted: %r" % (e,))
    try:
        response._content = raw.read() if method != "HEAD" else b""
    except TimeoutError:
        raise ReadTimeout("Read timed out. (read timeout=%s)" % timeout)
    except OSError as e:
        raise ConnectionError("Connection broken: %r" % (e,))
    finally:
        raw.close()
    response.status_code = raw.status
    response.reason = raw.reason
    response.url = raw.geturl()
    response.headers = CaseInsensitiveDict(list(raw.headers.items()))
    response.encoding = _encoding_from_headers(response.headers)
    return response


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


class Session:
    """Default headers for every request; no pooling (see the docstring)."""

    def __init__(self):
        self.headers = CaseInsensitiveDict({"User-Agent": _USER_AGENT, "Accept": "*/*"})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass

    def request(self, method, url, **kwargs):
        return request(method, url, _session_headers=dict(self.headers.items()), **kwargs)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)


def session():
    return Session()
