# Lock-free list reads (issue 9, PEP 703's list): reader threads index,
# iterate, slice and unpack one list while writer threads replace items,
# append and pop at both ends, insert, grow it far enough to replace its
# item array, delete slices and reverse it; and read a second list that a
# third writer sorts over and over (each sort takes the items out and puts
# them back in a new item array, so old arrays are retired all the time). Every item is a fresh tuple
# ("item", round), so a reader that got a torn or freed pointer would see
# something else (or crash); under ASan a tuple freed before a reader's
# incref is a use-after-free report, under TSan an unordered publication is
# a race report. Every writer step keeps the length, so the end state is
# exact on any interleaving.
import sys
import threading

READERS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
N = 256

shared = [("item", -1) for _ in range(N)]
churn = [("item", k) for k in range(64)]
stop = False
bad = []
reads = [0] * READERS


def writer(w):
    for i in range(ROUNDS):
        for j in range(w, N, 16):
            shared[j] = ("item", i)  # the old tuple is freed
        shared.append(("item", i))
        shared.pop()
        shared.insert(0, ("item", i))
        shared.pop(0)
        if i % 53 == w:
            shared.extend([("item", i)] * 300 + [("item", i + 1) for _ in range(300)])  # a new array
            del shared[-600:]
        if i % 101 == w:
            shared.reverse()
        if i % 31 == w:
            shared[10:20] = [("item", i) for _ in range(10)]


def sorter():
    for i in range(ROUNDS):
        churn.sort(reverse=(i % 2 == 0))


def check(x):
    if type(x) is not tuple or x[0] != "item":
        bad.append(repr(x))


def reader(r):
    seen = 0
    while not stop:
        n = len(shared)
        for j in (0, 7, n // 2, n - 1, -1, -3):
            try:
                x = shared[j]
            except IndexError:
                continue
            check(x)
            seen += 1
        for x in shared:
            check(x)
            seen += 1
        for j in (0, 5, 63):
            try:
                check(churn[j])
            except IndexError:  # a sort in progress: the list is empty meanwhile
                pass
        for x in churn:
            check(x)
        part = shared[3:5]
        if len(part) == 2:
            a, b = part
            check(a)
            check(b)
    reads[r] = seen


def run():
    global stop
    readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
    writers = [threading.Thread(target=writer, args=(w,)) for w in range(2)] + [threading.Thread(target=sorter)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join()
    stop = True
    for t in readers:
        t.join()
    print("length", len(shared), "of", N)
    print("items", all(type(x) is tuple and x[0] == "item" for x in shared))
    print("sorted", churn == [("item", k) for k in range(64)] if ROUNDS % 2 == 0 else churn[0][1] == 63)
    print("mismatches", len(bad), bad[:3])
    print("every reader read", all(n > 0 for n in reads))


run()
