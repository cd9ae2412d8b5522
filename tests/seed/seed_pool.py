# Multiprocessing with a process pool (Pool.imap_unordered) from the seed (the
# gillab design's source document, section "Multiprocessing with a process
# pool"), as written, over seed_baseline.py's sites and fetch_site (the seed's
# earlier blocks; the sites point at a local stand-in, since these machines
# have no internet). Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple

import seed_site
from seed_baseline import fetch_site, sites


def multiprocess2() -> Dict[str, Tuple[int, float]]:
    from multiprocessing import Pool
    result = {}
    pool = Pool()
    for url, size, duration in pool.imap_unordered(fetch_site, sites):
        result[url] = size, duration
    pool.close()
    return result


try:
    print(seed_site.summary(multiprocess2()))
finally:
    seed_site.stop()
