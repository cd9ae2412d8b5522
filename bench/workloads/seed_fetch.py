"""The seed's case study ("Batch Fetching Web Pages"), its eight forms as
written, against bench/page_server instead of the public sites.

    python3 seed_fetch.py WORKERS PAGES ROUNDS FORM

FORM is one of sequential, multiprocess, multiprocess2, multiprocess3,
multithread, coroutine, coroutine2, coroutine3 (the seed's function names).
WORKERS and ROUNDS are ignored: the seed's forms choose their own worker
counts (Pool() and ProcessPoolExecutor() one per CPU, ThreadPoolExecutor()
min(32, CPUs + 4), a process or a task per page) and do no CPU work.
coroutine2 and coroutine3 pass bare coroutines to asyncio.wait, which
CPython 3.11 refuses (tests/seed checks that gillab refuses them too);
here they run in 3.11's form, map(asyncio.ensure_future, ...), as the
issue asks. Needs `requests` and `aiohttp` importable (bench/clientlibs
for the reference interpreters, built into every pyvm). Prints "checksum
N", the sum of the page sizes, the same for every form and interpreter.
"""
import asyncio
import os
import sys
from typing import Dict, List, Set, Tuple

_base = os.environ.get("GILLAB_PAGE_SERVER")
if not _base:
    sys.exit("set GILLAB_PAGE_SERVER=http://127.0.0.1:PORT (bench/fetch.py starts bench/page_server for you)")
_pages = int(sys.argv[2]) if len(sys.argv) > 2 else 8

# The seed lists eight public sites here.
sites: List[str] = [_base + "/page/" + str(k) for k in range(_pages)]


def fetch_site(url: str) -> Tuple[str, int, float]:
    """Return the size of a website and the time to load it."""
    import requests
    from time import time
    start_time: float = time()
    page = requests.get(url).content
    duration: float = time() - start_time
    return url, len(page), duration


def sequential() -> Dict[str, Tuple[int, float]]:
    result = {}
    for url in sites:
        _, size, duration = fetch_site(url)
        result[url] = size, duration
    return result


def multiprocess() -> Dict[str, Tuple[int, float]]:
    from multiprocessing import Process, SimpleQueue
    queue = SimpleQueue()
    procs: List[Process] = []
    for url in sites:
        p = Process(target=lambda url, q: q.put(fetch_site(url)), args=(url, queue))
        p.start()
        procs.append(p)
    for p in procs:
        p.join()
    result = {}
    while not queue.empty():
        url, size, duration = queue.get()
        result[url] = size, duration
    return result


def multiprocess2() -> Dict[str, Tuple[int, float]]:
    from multiprocessing import Pool
    result = {}
    pool = Pool()
    for url, size, duration in pool.imap_unordered(fetch_site, sites):
        result[url] = size, duration
    pool.close()
    return result


def multiprocess3() -> Dict[str, Tuple[int, float]]:
    from concurrent.futures import ProcessPoolExecutor
    result = {}
    with ProcessPoolExecutor() as pool:
        for url, size, duration in pool.map(fetch_site, sites):
            result[url] = size, duration
    return result


def multithread() -> Dict[str, Tuple[int, float]]:
    from concurrent.futures import ThreadPoolExecutor
    result = {}
    with ThreadPoolExecutor() as pool:
        for url, size, duration in pool.map(fetch_site, sites):
            result[url] = size, duration
    return result


async def async_fetch_site(url: str) -> Tuple[str, int, float]:
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


def coroutine() -> Dict[str, Tuple[int, float]]:
    loop = asyncio.get_event_loop()
    tasks = []
    for url in sites:
        t = asyncio.ensure_future(async_fetch_site(url))
        tasks.append(t)
    done, _ = loop.run_until_complete(asyncio.wait(tasks))
    loop.close()
    return get_result(done)


def coroutine2() -> Dict[str, Tuple[int, float]]:
    loop = asyncio.get_event_loop()
    done, _ = loop.run_until_complete(asyncio.wait(map(asyncio.ensure_future, map(async_fetch_site, sites))))
    loop.close()
    return get_result(done)


def coroutine3() -> Dict[str, Tuple[int, float]]:
    done, _ = asyncio.run(asyncio.wait(map(asyncio.ensure_future, map(async_fetch_site, sites))))
    return get_result(done)


FORMS = {f.__name__: f for f in (sequential, multiprocess, multiprocess2, multiprocess3, multithread, coroutine,
                                 coroutine2, coroutine3)}

if __name__ == "__main__":
    form = sys.argv[4] if len(sys.argv) > 4 else "sequential"
    if form not in FORMS:
        sys.exit("unknown form %r: one of %s" % (form, ", ".join(FORMS)))
    result = FORMS[form]()
    if len(result) != len(sites):
        sys.exit("%s fetched %d of %d pages" % (form, len(result), len(sites)))
    print("checksum", sum(size for size, _ in result.values()))
