"""The seed's "Boilerplate code" block of its asynchronous section, shared
by the coroutine programs here: fetch_site with aiohttp and get_result.
As written."""
import asyncio
from typing import Dict, Set, Tuple


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
