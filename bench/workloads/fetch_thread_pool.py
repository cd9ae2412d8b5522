# The fetch case study, form 3: concurrent.futures.ThreadPoolExecutor.map.
from concurrent.futures import ThreadPoolExecutor
from _fetch import arguments, fetch, report

workers, urls, rounds = arguments()
with ThreadPoolExecutor(max_workers=workers) as pool:
    report(list(pool.map(lambda url: fetch(url, rounds), urls)))
