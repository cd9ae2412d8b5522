# TCP over loopback in one thread (the golden suite also runs on
# pyvm-nosync): a listener, a client whose connect completes in the
# listener's backlog, accept, send/recv both ways, timeouts, non-blocking
# mode, errors (refused, closed socket, wrong argument types), select, the
# context manager, and socketpair.
import select
import socket

server = socket.create_server(("127.0.0.1", 0))
host, port = server.getsockname()
print(host, port > 0, server.family, server.type, server.proto, server.gettimeout(), server.getblocking())
print(repr(server).startswith("<socket.socket fd="), "laddr=('127.0.0.1'," in repr(server))

client = socket.create_connection(("localhost", port), timeout=5)
print(client.gettimeout(), client.timeout)
conn, addr = server.accept()
print(addr[0], addr[1] == client.getsockname()[1], conn.getpeername() == client.getsockname())
client.sendall(b"ping " * 1000)
received = b""
while len(received) < 5000:
    received += conn.recv(65536)
print(len(received), received[:10])
print(conn.send(b"pong"), client.recv(100))

# Nothing to read: a timeout, then non-blocking.
conn.settimeout(0.05)
try:
    conn.recv(10)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e, e.errno, socket.timeout is TimeoutError)
conn.setblocking(False)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except BlockingIOError as e:
    print("would block:", e.errno, e.strerror)
conn.settimeout(None)
print(conn.gettimeout(), conn.getblocking())

# select: nothing readable, then readable; writable at once.
print(select.select([conn], [], [], 0))
client.send(b"x")
readable, writable, _ = select.select([conn, server], [client], [], 2)
print(readable == [conn], writable == [client])
print(conn.recv(1))

# The peer closes: recv returns b"" (end of stream).
client.shutdown(socket.SHUT_WR)
print(conn.recv(10))
with client, conn:
    pass
print(repr(client).startswith("<socket.socket [closed] fd=-1"), client.fileno())
try:
    client.send(b"late")
except OSError as e:
    print(type(e).__name__, e)

# Connection refused: the listener is gone.
server.close()
refused = socket.socket()
try:
    refused.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e)
print(refused.connect_ex(("127.0.0.1", port)) == 111)
refused.close()

# Wrong arguments.
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
for bad in (lambda: s.sendall("text"), lambda: s.bind(("127.0.0.1", 70000)), lambda: s.settimeout(-1),
            lambda: s.connect("127.0.0.1"), lambda: s.recv(-1)):
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
s.close()

a, b = socket.socketpair()
a.sendall(b"pair")
print(b.recv(10), a.family == socket.AF_UNIX)
a.close()
b.close()
print(socket.getdefaulttimeout(), socket.gethostbyname("localhost"), isinstance(socket.gethostname(), str))
try:
    socket.create_connection(("no-such-host.invalid", 80), timeout=5)
except socket.gaierror as e:
    print("gaierror", isinstance(e, OSError))
