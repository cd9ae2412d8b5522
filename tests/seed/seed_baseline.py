"""The seed's "Sequential baseline" block, shared by the seed programs
here as the seed's later sections share it: its sites (pointed at the
local stand-in, seed_site.py, which importing this module starts), its
fetch_site with requests, and sequential(). As written otherwise."""
from typing import Dict, List, Tuple

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
