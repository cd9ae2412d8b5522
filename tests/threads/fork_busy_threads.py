# os.fork while other threads are busy mutating shared containers: without
# a GIL (fine), a thread may hold a list's or dict's lock at the moment of
# fork(2); the child, where that thread does not exist, would then wait for
# the lock forever. The VM stops the world before forking (as free-threaded
# CPython does), so every child finds the containers unlocked and
# consistent. A hang here is the failure (the test driver's timeout).
import os
import sys
import threading

shared_list = []
shared_dict = {}
shared_set = set()
stop = threading.Event()


def churn(seed):
    i = seed
    while not stop.is_set():
        shared_list.append(i)
        shared_dict[i % 64] = i
        shared_set.add(i % 32)
        if len(shared_list) > 200:
            del shared_list[:100]
        i += 1


workers = [threading.Thread(target=churn, args=(k * 1000,)) for k in range(3)]
for w in workers:
    w.start()

children_ok = 0
for n in range(40):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        # Only this thread exists here: every container must be usable and
        # consistent (lengths match what iteration finds).
        shared_list.append(-1)
        shared_dict[-1] = -1
        shared_set.add(-1)
        ok = (len(list(shared_list)) == len(shared_list) and len(dict(shared_dict)) == len(shared_dict)
              and len(set(shared_set)) == len(shared_set) and shared_list[-1] == -1 and shared_dict[-1] == -1)
        os._exit(0 if ok else 3)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        children_ok += 1

stop.set()
for w in workers:
    w.join()
print("children that found the containers usable:", children_ok, "of 40")
print("dict keys within range:", all(0 <= k < 64 for k in shared_dict))
