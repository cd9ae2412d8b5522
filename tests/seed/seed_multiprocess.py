# Multiprocessing with explicit inter-process communication (Process +
# SimpleQueue) from the seed (the gillab design's source document, section
# "Multiprocessing with explicit inter-process communication"), as written,
# over seed_baseline.py's sites and fetch_site (the seed's earlier blocks; the
# sites point at a local stand-in, since these machines have no internet).
# Prints the pages' sizes (durations vary) as one line.
from typing import Dict, List, Set, Tuple

import seed_site
from seed_baseline import fetch_site, sites


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


try:
    print(seed_site.summary(multiprocess()))
finally:
    seed_site.stop()
