# Multiprocessing with ProcessPoolExecutor from the seed (the gillab design's
# source document, section "Multiprocessing with ProcessPoolExecutor"), as
# written; only the list of sites points at the local stand-in (seed_site.py),
# since these machines have no internet. Prints the pages' sizes (durations
# vary) as one line.
from typing import Dict, List, Set, Tuple

import seed_site

sites: List[str] = seed_site.start()  # the seed lists eight public sites here


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


def multiprocess3() -> Dict[str, Tuple[int, float]]:
    from concurrent.futures import ProcessPoolExecutor
    result = {}
    with ProcessPoolExecutor() as pool:
        for url, size, duration in pool.map(fetch_site, sites):
            result[url] = size, duration
    return result


try:
    print(seed_site.summary(multiprocess3()))
finally:
    seed_site.stop()
