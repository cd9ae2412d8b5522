# Multithreading with ThreadPoolExecutor from the seed (the gillab design's
# source document, section "Multithreading with ThreadPoolExecutor"), as
# written, over seed_baseline.py's sites and fetch_site (the seed's earlier
# blocks; the sites point at a local stand-in, since these machines have no
# internet). Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple

import seed_site
from seed_baseline import fetch_site, sites


def multithread() -> Dict[str, Tuple[int, float]]:
    from concurrent.futures import ThreadPoolExecutor
    result = {}
    with ThreadPoolExecutor() as pool:
        for url, size, duration in pool.map(fetch_site, sites):
            result[url] = size, duration
    return result


try:
    print(seed_site.summary(multithread()))
finally:
    seed_site.stop()
