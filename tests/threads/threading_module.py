# The threading and queue modules (interp/lib): Thread, Lock, Condition, Event,
# Barrier, BoundedSemaphore, local, Timer, Queue/SimpleQueue/PriorityQueue.
import threading, queue, time
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=work, args=(20000,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter, [t.is_alive() for t in ts], ts[0].name)
q = queue.Queue()
results = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()
c = threading.Thread(target=consumer)
c.start()
for i in range(100): q.put(i)
q.put(None)
q.join()
c.join()
print(sum(results), len(results))
ev = threading.Event()
cond = threading.Condition()
order = []
def waiter(i):
    with cond:
        cond.wait_for(lambda: ev.is_set())
        order.append(i)
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws: w.start()
with cond:
    ev.set()
    cond.notify_all()
for w in ws: w.join()
print(sorted(order))
b = threading.Barrier(3)
out = []
def bw(i):
    idx = b.wait()
    out.append(idx)
bs = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in bs: t.start()
for t in bs: t.join()
print(sorted(out))
sem = threading.BoundedSemaphore(2)
with sem: pass
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
loc = threading.local()
loc.x = 1
def lw():
    loc.x = 2
t = threading.Thread(target=lw); t.start(); t.join()
print(loc.x)
tm = threading.Timer(0.01, lambda: out.append("timer")); tm.start(); tm.join(); print(out[-1])
sq = queue.SimpleQueue(); sq.put(1); print(sq.get(), sq.empty())
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty")
pq = queue.PriorityQueue(); [pq.put(x) for x in (3, 1, 2)]; print([pq.get() for _ in range(3)])
def boom():
    raise ValueError("in thread")
t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
print("done")
