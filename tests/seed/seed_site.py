"""The seed's eight web sites, served locally (these machines have no
internet): a forked HTTP/1.1 server on a loopback port, for the seed
programs beside this file, on CPython and on every pyvm (nosync included:
the server is a process, not a thread).

Invariants:
  - Each site's page is deterministic and of its own size (SIZES), so a
    program's output can show which page it fetched.
  - The server answers one connection at a time (Connection: close);
    clients that connect together wait in the listen backlog.
  - start() returns the sites' URLs; stop() (also at exit, through the
    returned handle's owner calling it) kills and reaps the server, so the
    program leaves no process behind.

Paths besides the sites, for the client-library tests: /status/N answers
with status N, /redirect/PATH answers 302 to /PATH, /chunked sends a
chunked body, /slow waits 2 s before answering, /echo answers with the
request's method, target (path and query) and header names (one per line, names in lower case).
"""
import os
import signal
import socket
import time

NAMES = ["python.org", "pypi.org", "conda.io", "jython.org", "ironpython.net", "pypy.org", "github.com",
         "stackoverflow.com"]
SIZES = {name: 1000 + 137 * i for i, name in enumerate(NAMES)}

_server_pid = None
base_url = None


def _page(name):
    text = ("<html><title>%s</title>" % name).encode()
    filler = b"x" * (SIZES[name] - len(text) - len(b"</html>"))
    return text + filler + b"</html>"


def _respond(conn, status, reason, body, headers=()):
    head = ["HTTP/1.1 %d %s" % (status, reason), "Content-Length: %d" % len(body), "Connection: close"]
    head.extend(headers)
    conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)


def _handle(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk
    head = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    method, target, _ = head[0].split(" ")
    path = target.split("?")[0]
    name = path.strip("/")
    if name in SIZES:
        _respond(conn, 200, "OK", _page(name), ["Content-Type: text/html; charset=utf-8"])
    elif path.startswith("/status/"):
        code = int(path[len("/status/"):])
        reasons = {200: "OK", 404: "Not Found", 500: "Internal Server Error", 418: "I'm a teapot"}
        _respond(conn, code, reasons.get(code, "Unknown"), ("status %d" % code).encode(),
                 ["Content-Type: text/plain"])
    elif path.startswith("/redirect/"):
        _respond(conn, 302, "Found", b"", ["Location: /" + path[len("/redirect/"):]])
    elif path == "/chunked":
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n"
                     b"Connection: close\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")
    elif path == "/slow":
        time.sleep(2)
        _respond(conn, 200, "OK", b"late")
    elif path == "/echo":
        lines = [method, target] + sorted(h.split(":")[0].strip().lower() for h in head[1:] if h)
        _respond(conn, 200, "OK", "\n".join(lines).encode(), ["Content-Type: text/plain; charset=utf-8"])
    elif path == "/latin1":
        _respond(conn, 200, "OK", "caf\xe9".encode("latin-1"), ["Content-Type: text/plain; charset=iso-8859-1"])
    else:
        _respond(conn, 404, "Not Found", b"no such page", ["Content-Type: text/plain"])


def start():
    """Forks the server; returns the eight sites' URLs (the seed's order)."""
    global _server_pid, base_url
    srv = socket.create_server(("127.0.0.1", 0), backlog=64)
    port = srv.getsockname()[1]
    pid = os.fork()
    if pid == 0:
        try:
            while True:
                conn, _ = srv.accept()
                try:
                    _handle(conn)
                except OSError:
                    pass
                finally:
                    conn.close()
        finally:
            os._exit(0)
    srv.close()
    _server_pid = pid
    base_url = "http://127.0.0.1:%d" % port
    return [base_url + "/" + name + "/" for name in NAMES]


def stop():
    """Ends the server and reaps it."""
    global _server_pid
    if _server_pid is not None:
        os.kill(_server_pid, signal.SIGKILL)
        os.waitpid(_server_pid, 0)
        _server_pid = None


def site_name(url):
    """The site a local URL stands for."""
    return url.rstrip("/").rsplit("/", 1)[1]


def summary(result):
    """The seed's result dict {url: (size, duration)} as deterministic lines."""
    rows = sorted((site_name(url), size) for url, (size, duration) in result.items())
    ok = all(isinstance(duration, float) and duration >= 0 for size, duration in result.values())
    return "%d sites %s durations ok: %s" % (len(rows), rows, ok)
