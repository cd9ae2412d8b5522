# asyncio streams over loopback TCP: start_server on port 0, concurrent
# open_connection echo clients (gathered), readline/readexactly/read at EOF,
# IncompleteReadError, a large transfer (flow control: drain and paused
# reading), write_eof, writer.close + wait_closed, get_extra_info, Server
# close/wait_closed/serve_forever/async with, connection refused, and
# run_in_executor (a thread: not on pyvm-nosync) with a blocking function.
import asyncio
import time


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    assert peer[0] == "127.0.0.1", peer
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.startswith(b"BLOB "):
            n = int(line[5:].decode())
            data = await reader.readexactly(n)
            writer.write(("%d %d\n" % (len(data), sum(data) % 65521)).encode())
        elif line.startswith(b"SEND "):
            n = int(line[5:].decode())
            writer.write(bytes(i % 251 for i in range(n)))
        else:
            writer.write(b"echo " + line)
        await writer.drain()
    writer.write(b"bye\n")  # after the client's write_eof
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    assert writer.get_extra_info("peername") == ("127.0.0.1", port)
    replies = []
    for k in range(lines):
        writer.write(("%s line %d\n" % (name, k)).encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip("\n"))
    writer.close()
    await writer.wait_closed()
    return replies


def blocking(x):
    time.sleep(0.05)
    return x * x


def blocking_fails():
    raise KeyError("from the executor")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving", server.is_serving(), len(server.sockets))

    results = await asyncio.gather(*(client(port, "c%d" % i, 3) for i in range(6)))
    for replies in results:
        print(replies)

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = bytes(i % 256 for i in range(300000))
    writer.write(("BLOB %d\n" % len(payload)).encode())
    writer.write(payload)
    await writer.drain()
    print("blob reply", await reader.readline(), "expected", len(payload), sum(payload) % 65521)
    writer.write(b"SEND 200000\n")
    data = await reader.readexactly(200000)
    print("received", len(data), data == bytes(i % 251 for i in range(200000)))
    writer.write(b"SEND 5\n")
    print("readexactly", await reader.readexactly(3), await reader.readexactly(2))
    writer.write(b"ping\n")
    print("readuntil", await reader.readuntil(b" "), await reader.readuntil(b"\n"))
    print("can_write_eof", writer.can_write_eof(), "closing", writer.is_closing())
    writer.write_eof()
    print("after write_eof: read", await reader.read(), "read again", await reader.read(), "readline",
          await reader.readline(), "at_eof", reader.at_eof())
    writer.close()
    print("closing", writer.is_closing())
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write_eof()  # the server answers "bye" and closes
    try:
        await reader.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected, type(e).__mro__[1].__name__)
    writer.close()
    await writer.wait_closed()

    ticks = 0
    loop = asyncio.get_running_loop()
    work = asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(4)))
    while not work.done():
        ticks += 1
        await asyncio.sleep(0.005)
    print("executor", await work, "loop kept running", ticks > 1)
    try:
        await loop.run_in_executor(None, blocking_fails)
    except KeyError as e:
        print("executor raised", repr(e))

    server.close()
    await server.wait_closed()
    print("closed: serving", server.is_serving(), "sockets", server.sockets)
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        print("connect after close:", type(e).__name__)

    async with await asyncio.start_server(handle, "127.0.0.1", 0) as server2:
        port2 = server2.sockets[0].getsockname()[1]
        forever = asyncio.create_task(server2.serve_forever())
        print("server2", await client(port2, "s2", 2))
        forever.cancel()
        try:
            await forever
        except asyncio.CancelledError:
            print("serve_forever cancelled; serving", server2.is_serving())
    print("server2 sockets", server2.sockets)


asyncio.run(main())
print("done")
