# Lock-free dict reads (issue 9, PEP 703's optimistic lookup): reader
# threads look keys up in one dict and globals up in one module while
# writer threads replace, delete and re-insert them, forcing table
# rebuilds. Every value a reader gets must belong to the key it asked for
# (a torn or freed value would not), and nothing may crash. Under ASan a
# value freed before a reader's incref is a use-after-free report; under
# TSan an unordered publication is a race report.
import sys
import threading

READERS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
KEYS = ["k%d" % i for i in range(64)] + list(range(64))

shared = {}
for k in KEYS:
    shared[k] = (k, 0)

current = ("current", 0)  # a global rebound by the writers
stop = False
bad = []


def writer(w):
    global current
    for i in range(ROUNDS):
        for j, k in enumerate(KEYS):
            if (i + j + w) % 7 == 0:
                shared.pop(k, None)
            shared[k] = (k, i)  # a new tuple each time: the old one is freed
        current = ("current", i)
        if i % 97 == 0:
            # Grow and shrink the table: rebuilds while readers walk it.
            for n in range(200):
                shared[("extra", w, n)] = (("extra", w, n), i)
            for n in range(200):
                del shared[("extra", w, n)]


def reader(r):
    seen = 0
    while not stop:
        for k in KEYS:
            v = shared.get(k)
            if v is not None:
                if v[0] != k:
                    bad.append((k, v))
                seen += 1
        c = current
        if c[0] != "current":
            bad.append(("current", c))
    return seen


def run():
    global stop
    readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
    writers = [threading.Thread(target=writer, args=(w,)) for w in range(2)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join()
    stop = True
    for t in readers:
        t.join()
    live = sum(1 for k in KEYS if shared[k][0] == k)
    print("keys", live, "of", len(KEYS))
    print("extra", sum(1 for k in shared if isinstance(k, tuple)))
    print("mismatches", len(bad))
    print("last", current[1] == ROUNDS - 1)


run()
