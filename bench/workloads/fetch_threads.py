# The fetch case study, form 2: one threading.Thread per page (at most
# WORKERS at a time), results in a list indexed by page.
import threading
from _fetch import arguments, fetch, report

workers, urls, rounds = arguments()
results = [None] * len(urls)


def get(i):
    results[i] = fetch(urls[i], rounds)


for start in range(0, len(urls), workers):
    batch = [threading.Thread(target=get, args=(i,)) for i in range(start, min(start + workers, len(urls)))]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
report(results)
