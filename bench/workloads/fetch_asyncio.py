# The fetch case study, form 6: asyncio on one thread. Each page is an HTTP/1.1
# GET (Connection: close) over asyncio streams (open_connection, read to
# EOF, the headers split off); at most WORKERS at once (a Semaphore), all
# gathered. With a 4th argument "executor", the blocking fetch() of the other
# forms runs instead in the loop's default executor (run_in_executor, a
# thread pool of WORKERS threads).
import asyncio
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from _fetch import arguments, digest, fetch, report


async def get(url, rounds):
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
    writer.write(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n"
                  % (parts.path or "/", parts.netloc)).encode("ascii"))
    response = await reader.read()  # to EOF: the server closes the connection
    writer.close()
    await writer.wait_closed()
    end = response.find(b"\r\n\r\n")
    status_line = response[:response.find(b"\r\n")]
    if end < 0 or status_line.find(b" 200 ") < 0:
        raise RuntimeError("%s: unexpected response %r" % (url, status_line))
    return digest(response[end + 4:], rounds)


async def with_streams(workers, urls, rounds):
    limit = asyncio.Semaphore(workers)

    async def limited(url):
        async with limit:
            return await get(url, rounds)

    return await asyncio.gather(*(limited(url) for url in urls))


async def with_executor(workers, urls, rounds):
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=workers))
    return await asyncio.gather(*(loop.run_in_executor(None, fetch, url, rounds) for url in urls))


workers, urls, rounds = arguments()
form = with_executor if len(sys.argv) > 4 and sys.argv[4] == "executor" else with_streams
report(asyncio.run(form(workers, urls, rounds)))
