# Threads report results through a shared list; the main thread joins each
# one by a per-thread lock it created held, which the thread releases last.
# Output is sorted, so it does not depend on the schedule.
import _thread


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


results = []
results_lock = _thread.allocate_lock()


def work(i, done, scale=1):
    r = (i, fib(10 + i) * scale, _thread.get_ident() != main_ident)
    with_results = results_lock.acquire()
    results.append(r)
    results_lock.release()
    done.release()


main_ident = _thread.get_ident()
dones = []
for i in range(6):
    done = _thread.allocate_lock()
    done.acquire()
    dones.append(done)
    if i % 2:
        _thread.start_new_thread(work, (i, done), {"scale": 10})
    else:
        _thread.start_new_thread(work, (i, done))
for done in dones:
    done.acquire()
for r in sorted(results):
    print(r)
print(len(results))

# Idents of live threads differ from each other and from the main thread's.
idents = []
gate = _thread.allocate_lock()
gate.acquire()
finished = _thread.allocate_lock()
finished.acquire()
count = [0]


def report():
    results_lock.acquire()
    idents.append(_thread.get_ident())
    count[0] += 1
    last = count[0] == 3
    results_lock.release()
    if last:
        finished.release()
    gate.acquire()  # stay alive until the main thread has looked
    gate.release()


for _ in range(3):
    _thread.start_new_thread(report, ())
finished.acquire()
print(len(set(idents)), main_ident in idents)
gate.release()
