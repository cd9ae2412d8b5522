# selectors.DefaultSelector (epoll) and select.epoll on socket pairs and a
# listening socket, in one thread: readiness for reading and writing,
# timeouts, modify/unregister, and the errors for bad registrations.
import select
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__)
a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
key = sel.register(a, selectors.EVENT_READ, data="a-reader")
print(key.fd == a.fileno(), key.events, key.data, key.fileobj is a)
print(sel.select(timeout=0))  # nothing to read yet
b.send(b"hello")
ready = sel.select(timeout=1)
print([(k.data, ev) for k, ev in ready])
print(a.recv(10))
sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="both")
ready = sel.select(timeout=1)
print([(k.data, ev) for k, ev in ready])
print(sel.get_key(a).data, len(sel.get_map()), a in sel.get_map())
for bad in (lambda: sel.register(a, selectors.EVENT_READ), lambda: sel.register(b, 0),
            lambda: sel.unregister(b), lambda: sel.register("nope", selectors.EVENT_READ)):
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__)
print(sel.unregister(a).data, len(sel.get_map()))

# A listener becomes readable when a client connects.
server = socket.create_server(("127.0.0.1", 0))
server.setblocking(False)
sel.register(server, selectors.EVENT_READ, data="listener")
client = socket.create_connection(server.getsockname())
ready = sel.select(timeout=1)
print([k.data for k, _ in ready])
conn, _ = server.accept()
sel.close()

# select.epoll directly.
ep = select.epoll()
ep.register(conn.fileno(), select.EPOLLIN)
print(ep.poll(0))
client.sendall(b"x")
events = ep.poll(1)
print(len(events), events[0][0] == conn.fileno(), bool(events[0][1] & select.EPOLLIN))
try:
    ep.register(conn.fileno(), select.EPOLLIN)
except FileExistsError as e:
    print("FileExistsError", e.errno)
ep.unregister(conn.fileno())
try:
    ep.unregister(conn.fileno())
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
with ep:
    print(ep.closed)
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print("ValueError", e)
for s in (a, b, server, client, conn):
    s.close()
