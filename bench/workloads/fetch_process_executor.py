# The fetch case study, form 5: concurrent.futures.ProcessPoolExecutor.map
# (fork).
import functools
from concurrent.futures import ProcessPoolExecutor
from _fetch import arguments, fetch, report

workers, urls, rounds = arguments()
with ProcessPoolExecutor(max_workers=workers) as pool:
    report(list(pool.map(functools.partial(fetch, rounds=rounds), urls)))
