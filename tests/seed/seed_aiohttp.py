# The aiohttp client subset gillab ships (interp/lib/aiohttp), checked
# against what aiohttp 3.8 itself does with the same server (the .expected
# file was recorded with Debian's python3-aiohttp): a session and its
# requests as async context managers and as awaitables, read/text, status,
# headers, raise_for_status, params, redirects, chunked bodies, a total
# timeout, a refused connection, a closed session, post; eight pages at once.
import asyncio

import aiohttp
import seed_site

sites = seed_site.start()
base = seed_site.base_url


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(sites[0]) as resp:
            body = await resp.read()
            print(resp.status, resp.reason, resp.ok, len(body), resp.content_type, resp.charset)
            print(resp.headers["Content-Type"], resp.headers.get("content-length"), "Content-Length" in resp.headers)
            print((await resp.text())[:30])
        resp = await session.get(base + "/status/404")
        print(resp.status, resp.ok, await resp.read())
        try:
            resp.raise_for_status()
        except aiohttp.ClientResponseError as e:
            print("ClientResponseError", e.status, e.message, isinstance(e, aiohttp.ClientError))
        async with session.get(base + "/redirect/pypi.org/") as resp:
            print(resp.status, len(await resp.read()), len(resp.history), resp.history[0].status)
        async with session.get(base + "/chunked") as resp:
            print(await resp.text())
        async with session.get(base + "/echo", params={"q": "a b", "n": 3}) as resp:
            print((await resp.text()).splitlines()[:2])
        async with session.get(base + "/latin1") as resp:
            print(resp.charset, await resp.text(), await resp.read())
        async with session.post(base + "/echo", data={"k": "v"}) as resp:
            lines = (await resp.text()).splitlines()
            print(lines[:2], "content-type" in lines)
        try:
            async with session.get(base + "/slow", timeout=aiohttp.ClientTimeout(total=0.3)) as resp:
                await resp.read()
        except asyncio.TimeoutError as e:
            print("TimeoutError", type(e).__name__)
        try:
            await session.get("http://127.0.0.1:1/")
        except aiohttp.ClientConnectorError as e:
            print("ClientConnectorError", isinstance(e, aiohttp.ClientOSError), isinstance(e, OSError),
                  isinstance(e, aiohttp.ClientConnectionError))
        sizes = await asyncio.gather(*(fetch(session, url) for url in sites))
        print(sizes)
    print(session.closed)
    try:
        await session.get(sites[0])
    except RuntimeError as e:
        print("RuntimeError", e)


async def fetch(session, url):
    async with session.get(url) as resp:
        return len(await resp.read())


try:
    asyncio.run(main())
finally:
    seed_site.stop()
