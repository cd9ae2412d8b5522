"""urllib.parse: urlsplit and urljoin for http URLs, as CPython splits them
(scheme://netloc/path?query#fragment), quote for path segments, and
quote_plus and urlencode for queries and forms."""
from collections import namedtuple


class SplitResult(namedtuple("SplitResult", "scheme netloc path query fragment")):
    @property
    def hostname(self):
        host = self.netloc.rpartition("@")[2]
        if host.startswith("["):
            return host[1:host.find("]")].lower() or None
        return host.partition(":")[0].lower() or None

    @property
    def port(self):
        host = self.netloc.rpartition("@")[2]
        if host.startswith("["):
            host = host[host.find("]") + 1:]
        _, have_port, port = host.partition(":")
        if not have_port or not port:
            return None
        if not port.isdigit():
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        port = int(port)
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port

    def geturl(self):
        return urlunsplit(self)


def urlsplit(url, scheme="", allow_fragments=True):
    url = url.strip()
    netloc = query = fragment = ""
    i = url.find(":")
    if i > 0 and url[0].isalpha() and all(c.isalnum() or c in "+-." for c in url[:i]):
        scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == "//":
        end = len(url)
        for c in "/?#":
            j = url.find(c, 2)
            if j >= 0:
                end = min(end, j)
        netloc, url = url[2:end], url[end:]
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlunsplit(parts):
    scheme, netloc, url, query, fragment = parts
    if netloc or (scheme and url[:2] != "//"):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return url


def urljoin(base, url):
    """Resolves url against base (absolute URLs, absolute paths, and paths
    relative to base's directory — what HTTP redirects use)."""
    if not base:
        return url
    if not url:
        return base
    u = urlsplit(url)
    if u.scheme:
        return url
    b = urlsplit(base)
    if url.startswith("//"):
        return b.scheme + ":" + url
    if u.path.startswith("/"):
        path = u.path
    elif not u.path:
        path = b.path
        if not u.query:
            return urlunsplit((b.scheme, b.netloc, path, b.query, u.fragment))
    else:
        path = b.path[:b.path.rfind("/") + 1] + u.path
    segments = []
    for seg in path.split("/")[1:]:
        if seg == "..":
            if segments:
                segments.pop()
        elif seg != ".":
            segments.append(seg)
    if path.endswith(("/.", "/..")):
        segments.append("")
    return urlunsplit((b.scheme, b.netloc, "/" + "/".join(segments), u.query, u.fragment))


_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def quote(string, safe="/"):
    if isinstance(string, str):
        string = string.encode("utf-8")
    out = []
    for b in string:
        c = chr(b)
        if c in _SAFE or c in safe:
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def quote_plus(string, safe=""):
    """quote() for form values: spaces become '+' (CPython's quote_plus)."""
    if isinstance(string, str) and " " not in string or isinstance(string, bytes) and b" " not in string:
        return quote(string, safe)
    return quote(string, safe + " ").replace(" ", "+")


def urlencode(query, doseq=False, safe="", quote_via=quote_plus):
    """key=value pairs joined by '&' from a mapping or a sequence of pairs;
    with doseq, a sequence value gives one pair per item (CPython's)."""
    pairs = query.items() if hasattr(query, "items") else query
    out = []
    for k, v in pairs:
        k = k if isinstance(k, (str, bytes)) else str(k)
        if doseq and not isinstance(v, (str, bytes)) and hasattr(v, "__iter__"):
            for item in v:
                item = item if isinstance(item, (str, bytes)) else str(item)
                out.append(quote_via(k, safe) + "=" + quote_via(item, safe))
        else:
            v = v if isinstance(v, (str, bytes)) else str(v)
            out.append(quote_via(k, safe) + "=" + quote_via(v, safe))
    return "&".join(out)
