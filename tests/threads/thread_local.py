# threading.local as CPython's: per-thread attribute dicts, a subclass's
# __init__ re-run per thread with the constructor's arguments, data
# descriptors before the thread's dict, class attributes after it, and no
# data inherited by a later thread that reuses an identifier.
import threading

data = threading.local()
data.x = 1


def run(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    t.join()


seen = []


def other_thread():
    seen.append(hasattr(data, "x"))
    data.x = 2
    seen.append(data.x)
    seen.append(sorted(data.__dict__))


run(other_thread)
print("plain:", seen, data.x, data.__dict__)


class Counter(threading.local):
    label = "class"
    inits = []

    def __init__(self, start, step=1):
        Counter.inits.append((threading.current_thread().name, start, step))
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value

    @property
    def doubled(self):
        return self.value * 2

    @doubled.setter
    def doubled(self, v):
        self.value = v // 2

    def __getattr__(self, name):
        return "missing " + name


counter = Counter(10, step=5)
counter.bump()
counter.label = "mine"


def use_counter(name):
    before = (counter.value, counter.label, counter.doubled)
    counter.bump()
    counter.bump()
    counter.doubled = 100
    seen.append((name, before, counter.value, counter.nothing))


seen.clear()
run(use_counter, "A")
run(use_counter, "B")
print("subclass:", seen)
print("main still:", counter.value, counter.label, counter.doubled, Counter.label)
print("inits:", [(start, step) for _, start, step in Counter.inits], len(Counter.inits))

# A later thread (whose identifier may well be a dead one's) starts empty.
marker = threading.local()
results = []


def set_marker(i):
    results.append((i, hasattr(marker, "owner")))
    marker.owner = i


for i in range(6):
    run(set_marker, i)
print("reuse:", results)

# Eight threads at once, each with its own value through a barrier.
shared = threading.local()
barrier = threading.Barrier(8)
out = []
lock = threading.Lock()


def overlap(i):
    shared.me = i
    barrier.wait()
    for _ in range(200):
        shared.me = shared.me + 8
    with lock:
        out.append(shared.me - 1600 == i)


threads = [threading.Thread(target=overlap, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("overlap:", out.count(True), len(out))

# Errors, as CPython words them.
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    del data.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    data.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print("deleted:", hasattr(data, "x"), isinstance(counter, threading.local))

# Locals made by several threads at once (their keys must not collide).
made = []


def make_many():
    mine = [threading.local() for _ in range(500)]
    for i, loc in enumerate(mine):
        loc.value = i
    made.append(sum(loc.value for loc in mine))


threads = [threading.Thread(target=make_many) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("made concurrently:", made)
