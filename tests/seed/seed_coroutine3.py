# Coroutines with asyncio.run (aiohttp); CPython 3.11 refuses the bare
# coroutines it passes to asyncio.wait from the seed (the gillab design's
# source document, section "Automatic construction of event loop and
# Futures"), as written, over seed_baseline.py's sites and
# seed_boilerplate.py's fetch_site and get_result (the seed's earlier blocks;
# the sites point at a local stand-in, since these machines have no internet).
# Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple
import asyncio

import seed_site
from seed_baseline import sites
from seed_boilerplate import fetch_site, get_result


def coroutine3() -> Dict[str, Tuple[int, float]]:
    done, _ = asyncio.run(asyncio.wait(map(fetch_site, sites)))
    return get_result(done)


try:
    print(seed_site.summary(coroutine3()))
finally:
    seed_site.stop()
