# Coroutines with automatic construction of Futures (aiohttp); CPython 3.11
# refuses the bare coroutines it passes to asyncio.wait from the seed (the
# gillab design's source document, section "Automatic construction of
# Futures"), as written, over seed_baseline.py's sites and
# seed_boilerplate.py's fetch_site and get_result (the seed's earlier blocks;
# the sites point at a local stand-in, since these machines have no internet).
# Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple
import asyncio

import seed_site
from seed_baseline import sites
from seed_boilerplate import fetch_site, get_result


def coroutine2() -> Dict[str, Tuple[int, float]]:
    loop = asyncio.get_event_loop()
    done, _ = loop.run_until_complete(asyncio.wait(map(fetch_site, sites)))
    loop.close()
    return get_result(done)


try:
    print(seed_site.summary(coroutine2()))
finally:
    seed_site.stop()
