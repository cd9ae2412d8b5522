"""The common frame of the fetch case study (issue 11): 8 pages fetched from
bench/page_server, written six ways (fetch_*.py).

    python3 fetch_FORM.py WORKERS PAGES [HASH_ROUNDS]

with GILLAB_PAGE_SERVER=http://127.0.0.1:PORT in the environment (bench/fetch.py
and the sweep start the server and set it). Each page is read with
urllib.request.urlopen; digest() then hashes it HASH_ROUNDS times in pure
Python (0: the I/O-bound case; more: the CPU-bound variant, where threads
stop helping under a GIL and processes still do). Every form prints
"checksum N", the same for every form, worker count and interpreter.
"""
import os
import sys
import urllib.request


def arguments():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    base = os.environ.get("GILLAB_PAGE_SERVER")
    if not base:
        sys.exit("set GILLAB_PAGE_SERVER=http://127.0.0.1:PORT (bench/page_server prints its port; "
                 "bench/fetch.py starts it for you)")
    urls = [base + "/page/" + str(k) for k in range(pages)]
    return workers, urls, rounds


def digest(body, rounds):
    """len(body) and sum(body), then FNV-1a over the body `rounds` times."""
    h = len(body) * 1000003 + sum(body)
    for _ in range(rounds):
        x = 2166136261
        for b in body:
            x = ((x ^ b) * 16777619) & 0xFFFFFFFF
        h += x
    return h


def fetch(url, rounds):
    with urllib.request.urlopen(url, timeout=30) as response:
        return digest(response.read(), rounds)


def report(digests):
    print("checksum", sum(digests))
