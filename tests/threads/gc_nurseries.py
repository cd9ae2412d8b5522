# The collector's per-thread nurseries: young objects made by one thread and
# dropped by another (each free unlinks from the maker's nursery), threads
# that end with live and cyclic young objects in their nursery (returned to
# the pool with them, then leased again by a new thread), and collections,
# gc.get_objects(), gc.get_count() and gc.freeze() running meanwhile.
# Nothing live may be lost from the collector's view, nothing may be freed
# twice, and what the ended threads left as garbage is collected.
import gc
import queue
import threading

PRODUCERS = 3
ITEMS = 3000


class Cell:
    def __init__(self, n):
        self.n = n
        self.me = self  # a cycle: only the collector frees it


channel = queue.Queue(maxsize=64)
received = []


def produce(tid):
    for i in range(ITEMS):
        channel.put(([tid, i], {"k": i}, Cell(i)))  # made here, dropped by the consumer
    channel.put(None)


def consume():
    done = 0
    total = 0
    while done < PRODUCERS:
        item = channel.get()
        if item is None:
            done += 1
            continue
        lst, dct, cell = item
        total += lst[1] + dct["k"] - cell.n
    received.append(total)


def observer(stop):
    while not stop.is_set():
        gc.collect(0)
        gc.get_count()
        len(gc.get_objects(generation=0))


stop = threading.Event()
watch = threading.Thread(target=observer, args=(stop,))
watch.start()
workers = [threading.Thread(target=produce, args=(t,)) for t in range(PRODUCERS)]
consumer = threading.Thread(target=consume)
consumer.start()
for w in workers:
    w.start()
for w in workers:
    w.join()
consumer.join()
print("consumer total", received[0], "expected", sum(range(ITEMS)) * PRODUCERS)

# Short-lived threads, one after another: each leaves one live object and
# one garbage cycle in its nursery when it ends.
kept = []


def leave_behind(i):
    kept.append([i])
    Cell(i)


for i in range(40):
    t = threading.Thread(target=leave_behind, args=(i,))
    t.start()
    t.join()
stop.set()
watch.join()

tracked = {id(o) for o in gc.get_objects()}
print("live objects of ended threads tracked:", all(gc.is_tracked(d) and id(d) in tracked for d in kept))
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
gc.unfreeze()
for _ in range(50):
    if gc.collect() == 0:
        break
print("left-behind cycles collected:", not any(isinstance(o, Cell) for o in gc.get_objects()))
print("kept intact:", sorted(d[0] for d in kept) == list(range(40)))
