# Library discrete-event simulation: patrons are generator processes that
# yield ("wait", t) / ("borrow", title) / ("return", title) requests to a
# scheduler driven by a heapq priority queue with FIFO tie-breaking; holds
# queues per book, overdue fines, and a final circulation report.
import heapq
import itertools
from collections import deque, defaultdict


class Library:
    def __init__(self, copies):
        self.available = dict(copies)
        self.holds = defaultdict(deque)
        self.loans = {}
        self.history = defaultdict(int)
        self.fines = defaultdict(int)


class Scheduler:
    def __init__(self, library):
        self.lib = library
        self.now = 0
        self.queue = []
        self.seq = itertools.count()
        self.log = []
        self.blocked = {}

    def spawn(self, name, gen, at=0):
        heapq.heappush(self.queue, (at, next(self.seq), name, gen, None))

    def wake(self, name, gen, value, delay=0):
        heapq.heappush(self.queue, (self.now + delay, next(self.seq), name, gen, value))

    def emit(self, msg):
        self.log.append(f"t={self.now:>3} {msg}")

    def run(self, until=1000):
        while self.queue:
            t, _, name, gen, value = heapq.heappop(self.queue)
            if t > until:
                self.emit(f"stopping with {len(self.queue) + 1} pending")
                break
            self.now = t
            try:
                request = gen.send(value)
            except StopIteration as stop:
                self.emit(f"{name} leaves ({stop.value})")
                continue
            self.handle(name, gen, request)

    def handle(self, name, gen, request):
        kind, arg = request
        lib = self.lib
        if kind == "wait":
            self.wake(name, gen, None, arg)
        elif kind == "borrow":
            if arg not in lib.available:
                self.emit(f"{name} asks for unknown {arg!r}")
                gen_value = False
                self.wake(name, gen, gen_value)
            elif lib.available[arg] > 0:
                lib.available[arg] -= 1
                lib.loans[(name, arg)] = self.now
                lib.history[arg] += 1
                self.emit(f"{name} borrows {arg}")
                self.wake(name, gen, True)
            else:
                lib.holds[arg].append((name, gen))
                self.emit(f"{name} waits for {arg} (queue {len(lib.holds[arg])})")
        elif kind == "return":
            start = lib.loans.pop((name, arg))
            days = self.now - start
            fine = max(0, days - 14) * 25
            if fine:
                lib.fines[name] += fine
            self.emit(f"{name} returns {arg} after {days}d" + (f", fine {fine}c" if fine else ""))
            if lib.holds[arg]:
                nxt, ngen = lib.holds[arg].popleft()
                lib.loans[(nxt, arg)] = self.now
                lib.history[arg] += 1
                self.emit(f"  -> hold filled: {nxt} gets {arg}")
                self.wake(nxt, ngen, True)
            else:
                lib.available[arg] += 1
            self.wake(name, gen, None)
        else:
            raise ValueError(f"bad request {kind!r}")


def reader(wishlist, pace):
    read = []
    for title in wishlist:
        ok = yield ("borrow", title)
        if not ok:
            continue
        yield ("wait", pace * len(title) // 4)
        yield ("return", title)
        read.append(title)
        yield ("wait", 1)
    return f"read {len(read)}"


def browser(visits):
    for _ in range(visits):
        yield ("wait", 7)
    return "just browsing"


copies = {"Dune": 1, "Emma": 2, "Ulysses": 1, "Beloved": 1}
lib = Library(copies)
sched = Scheduler(lib)
sched.spawn("ana", reader(["Dune", "Emma", "Ulysses"], 3))
sched.spawn("ben", reader(["Dune", "Beloved"], 13))
sched.spawn("cai", reader(["Ulysses", "Dune", "Gatsby"], 2), at=1)
sched.spawn("dot", browser(3), at=2)
sched.spawn("eve", reader(["Emma", "Beloved"], 15), at=3)
sched.run(until=200)
print("\n".join(sched.log))

print("\ncirculation:")
for title in sorted(copies, key=lambda t: (-lib.history[t], t)):
    print(f"  {title:<8} loans={lib.history[title]} on shelf={lib.available[title]}/{copies[title]}")
print("fines:", dict(sorted(lib.fines.items())), "total", sum(lib.fines.values()))
print("open loans:", sorted(lib.loans), "holds left:", {k: len(v) for k, v in lib.holds.items() if v})

s2 = Scheduler(Library({"Dune": 1}))
s2.spawn("zed", reader(["Dune"], 100))
s2.spawn("yan", reader(["Dune"], 1))
s2.run(until=50)
print(s2.log)
try:
    s3 = Scheduler(Library({}))
    s3.spawn("bad", (req for req in [("wait", 2), ("steal", "x")]))
    s3.run()
except ValueError as e:
    print("ValueError:", e)
