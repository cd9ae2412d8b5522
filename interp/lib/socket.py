"""socket: TCP over IPv4 on gillab's `_socket` (interp/src/runtime/io.cpp).

The socket type, its constants and socketpair()/gethostbyname() are
_socket's; this module adds what CPython's socket.py adds on top and
programs use: the aliases `error` and `timeout`, create_connection and
create_server. AF_INET and SOCK_STREAM only (AF_UNIX for socketpair()).
"""
from _socket import *
import _socket

error = OSError
timeout = TimeoutError
herror = OSError  # gillab raises gaierror for every name that does not resolve

# create_connection's "no timeout given" marker (CPython's name, which
# urllib.request also uses).
_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    """Connects to (host, port) and returns the socket."""
    host, port = address
    sock = socket(AF_INET, SOCK_STREAM)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect((host, port))
        return sock
    except BaseException:
        sock.close()
        raise


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    """A listening TCP socket bound to address, SO_REUSEADDR set (as CPython on POSIX)."""
    if family != AF_INET or dualstack_ipv6:
        raise ValueError("gillab's socket.create_server supports AF_INET only")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
