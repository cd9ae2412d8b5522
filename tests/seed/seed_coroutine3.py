# Coroutines with asyncio.run (aiohttp); CPython 3.11 refuses the bare
# coroutines it passes to asyncio.wait from the seed (the gillab design's
# source document, section "Automatic construction of event loop and
# Futures"), as written; only the list of sites points at the local stand-in
# (seed_site.py), since these machines have no internet. Prints the pages'
# sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple
import asyncio

import seed_site

sites: List[str] = seed_site.start()  # the seed lists eight public sites here


async def fetch_site(url: str) -> Tuple[str, int, float]:
    """Return the size of a website and the time to load it."""
    import aiohttp
    from time import time
    start_time: float = time()
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            page = await resp.read()
    duration: float = time() - start_time
    return url, len(page), duration


def get_result(tasks: Set[asyncio.Task]) -> Dict[str, Tuple[int, float]]:
    """Convert finished asyncio tasks to a dict."""
    result = {}
    for t in tasks:
        url, size, duration = t.result()
        result[url] = size, duration
    return result


def coroutine3() -> Dict[str, Tuple[int, float]]:
    done, _ = asyncio.run(asyncio.wait(map(fetch_site, sites)))
    return get_result(done)


try:
    print(seed_site.summary(coroutine3()))
finally:
    seed_site.stop()
