# The fetch case study, form 1: one page after the other (workers ignored).
from _fetch import arguments, fetch, report

workers, urls, rounds = arguments()
report([fetch(url, rounds) for url in urls])
