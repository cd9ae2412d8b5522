# Threads mutating and reading the same objects at once: what a back-end
# without a GIL (fine) must keep exact and memory-safe. Every count printed
# is fixed by the program, so a lost update shows as a wrong number, and a
# value freed under a reader shows as a crash (or an ASan/TSan report).
#
#  - list.append, dict stores, set.add and deque.append from all threads:
#    no item lost (the containers' own critical sections).
#  - counters under a lock, in a global, a closure cell (nonlocal) and an
#    instance attribute: exact.
#  - writers replace values (heap objects: lists and strs) in a dict, an
#    instance, a closure cell, a global and a class attribute while readers
#    read them: a reader must always see a whole value.
#  - dict.pop and dict.setdefault are atomic: each key is popped by exactly
#    one thread, and one setdefault wins.
import sys
import threading
from collections import deque

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20000

items = []
table = {}
members = set()
dq = deque()
lock = threading.Lock()
counter = 0


class Box:
    shared = ["class", 0]

    def __init__(self):
        self.value = ["start", 0]
        self.count = 0


box = Box()
current = ["global", 0]
pops = {}
popped = []
claims = {}


def make_cell_pair():
    cell_value = ["cell", 0]
    cell_count = 0

    def write(i):
        nonlocal cell_value
        cell_value = ["cell", i]

    def read():
        return cell_value[0]

    def bump():
        nonlocal cell_count
        with lock:
            cell_count += 1

    def total():
        return cell_count

    return write, read, bump, total


cell_write, cell_read, cell_bump, cell_total = make_cell_pair()


def worker(k):
    global counter, current
    bad = 0
    for i in range(N):
        items.append(i)
        table[(k, i % 64)] = str(i)
        members.add(k * N + i)
        dq.append(i)
        with lock:
            counter += 1
            box.count += 1
        cell_bump()
        # Replace shared values (heap objects) while the others read them.
        if i % 2 == k % 2:
            box.value = ["box", i]
            current = ["global", i]
            cell_write(i)
            table["shared"] = "v" + str(i)
            Box.shared = ["class", i]
        else:
            if box.value[0] != "box" and box.value[0] != "start":
                bad += 1
            if current[0] != "global" or cell_read() != "cell" or Box.shared[0] != "class":
                bad += 1
            s = table.get("shared", "v")
            if s[0] != "v":
                bad += 1
        key = i % 500
        got = pops.pop(key, None)
        if got is not None:
            popped.append(got)
        winner = claims.setdefault(i % 300, k)
        if winner not in range(THREADS):
            bad += 1
    with lock:
        bads.append(bad)


for key in range(500):
    pops[key] = key
bads = []
threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("list", len(items), sum(items) == THREADS * (N * (N - 1) // 2))
print("dict", len(table))
print("set", len(members))
print("deque", len(dq))
print("counter", counter, box.count, cell_total())
print("popped", len(popped), sorted(popped) == list(range(500)))
print("claims", len(claims))
print("torn reads", sum(bads))
