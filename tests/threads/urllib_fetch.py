# urllib.request.urlopen against a small HTTP server of the program's own
# (threads: an accept loop and one handler per connection): status,
# headers, body, a redirect, chunked encoding, a 404 (HTTPError), a timeout
# while waiting for the response, connection refused (URLError), a URL
# without a scheme; then the server is stopped and joined.
import socket, threading, urllib.request, urllib.error, time

def handle(conn):
    with conn:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        line = data.split(b"\r\n")[0].decode()
        method, path, _ = line.split(" ")
        if path == "/slow":
            time.sleep(0.5)
        if path == "/missing":
            body = b"no such page"
            conn.sendall(("HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\nContent-Type: text/plain\r\n\r\n" % len(body)).encode() + body)
        elif path == "/moved":
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /page/7\r\nContent-Length: 0\r\n\r\n")
        elif path == "/chunked":
            conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        else:
            body = ("page %s " % path).encode() * 3
            conn.sendall(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Path: " + path + "\r\nContent-Length: %d\r\n\r\n" % len(body)).encode() + body)

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
stop = False
def serve():
    while True:
        conn, _ = srv.accept()
        if stop:
            conn.close()
            return
        threading.Thread(target=handle, args=(conn,)).start()
server_thread = threading.Thread(target=serve)
server_thread.start()
base = "http://127.0.0.1:%d" % port
with urllib.request.urlopen(base + "/page/1", timeout=5) as r:
    print(r.status, r.reason, r.getcode(), r.headers["content-type"], r.headers.get("X-Path"), r.getheader("content-length"))
    print(r.read())
    print(r.headers.get_content_charset())
r = urllib.request.urlopen(base + "/moved")
print(r.status, r.geturl() == base + "/page/7", r.read())
print(urllib.request.urlopen(base + "/chunked").read())
try:
    urllib.request.urlopen(base + "/missing")
except urllib.error.HTTPError as e:
    print(type(e).__name__, e, e.code, e.reason, e.read(), repr(e), isinstance(e, OSError))
try:
    urllib.request.urlopen(base + "/slow", timeout=0.1)
except TimeoutError as e:
    print("TimeoutError", e)
try:
    urllib.request.urlopen("http://127.0.0.1:1/")
except urllib.error.URLError as e:
    print("URLError", e, type(e.reason).__name__, e.reason.errno)
try:
    urllib.request.urlopen("nonsense")
except ValueError as e:
    print("ValueError", e)
stop = True
socket.create_connection(("127.0.0.1", port)).close()
server_thread.join()
srv.close()
time.sleep(0.6)  # the /slow handler finishes its sleep
print("done")
