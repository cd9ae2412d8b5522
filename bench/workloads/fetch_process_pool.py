# The fetch case study, form 4: multiprocessing.Pool.imap_unordered (fork),
# results in the order they finish (the checksum is a sum).
import functools
import multiprocessing
from _fetch import arguments, fetch, report

workers, urls, rounds = arguments()
with multiprocessing.Pool(workers) as pool:
    report(list(pool.imap_unordered(functools.partial(fetch, rounds=rounds), urls)))
