# Multiprocessing with ProcessPoolExecutor from the seed (the gillab design's
# source document, section "Multiprocessing with ProcessPoolExecutor"), as
# written, over seed_baseline.py's sites and fetch_site (the seed's earlier
# blocks; the sites point at a local stand-in, since these machines have no
# internet). Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple

import seed_site
from seed_baseline import fetch_site, sites


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
