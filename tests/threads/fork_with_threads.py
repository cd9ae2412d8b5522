# os.fork while another thread is alive (and blocked on a lock): in the
# child only the forking thread exists — threading sees one thread, which is
# the main thread; the child can start, run and join new threads (the
# interpreter lock was rebuilt for it) and ends normally; the parent's
# thread is untouched.
import os
import sys
import threading

release = threading.Event()
results = []


def parked():
    release.wait()
    results.append("parked thread done")


t = threading.Thread(target=parked, name="parked")
t.start()
print("threads before fork:", threading.active_count())
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child: threads", threading.active_count(), "main is current:",
          threading.main_thread() is threading.current_thread(), "parked alive:", t.is_alive())
    t.join()  # returns at once: the thread does not exist here
    box = []
    workers = [threading.Thread(target=lambda i=i: box.append(i * i)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("child: workers computed", sorted(box))
    sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child exit code", os.waitstatus_to_exitcode(status))
release.set()
t.join()
print(results, threading.active_count())
