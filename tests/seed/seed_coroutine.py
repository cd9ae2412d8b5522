# Coroutines with explicit construction of Futures (aiohttp) from the seed
# (the gillab design's source document, section "Explicit construction of
# Futures"), as written, over seed_baseline.py's sites and
# seed_boilerplate.py's fetch_site and get_result (the seed's earlier blocks;
# the sites point at a local stand-in, since these machines have no internet).
# Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple
import asyncio

import seed_site
from seed_baseline import sites
from seed_boilerplate import fetch_site, get_result


def coroutine() -> Dict[str, Tuple[int, float]]:
    loop = asyncio.get_event_loop()
    tasks = []
    for url in sites:
        t = asyncio.ensure_future(fetch_site(url))
        tasks.append(t)
    done, _ = loop.run_until_complete(asyncio.wait(tasks))
    loop.close()
    return get_result(done)


try:
    print(seed_site.summary(coroutine()))
finally:
    seed_site.stop()
