# Ctrl-C: run by run_sigint_test.py, which sends SIGINT after each line this
# prints. KeyboardInterrupt must arrive in the main thread wherever it is:
# a busy loop (a safepoint), time.sleep, Thread.join, Lock.acquire; the last
# one is not caught, so the process prints the traceback and ends by SIGINT
# as CPython's does. With the argument "nothreads" (pyvm-nosync) the join
# and acquire steps are left out. Each handler writes an old object before
# it prints: under pyvm-stm's abort stress switch that write aborts the
# transaction, which must not take the interrupt back with it.
import sys
import time

threads = len(sys.argv) < 2 or sys.argv[1] != "nothreads"
if threads:
    # Imported before "ready": compiling it takes long enough under
    # ThreadSanitizer for the driver's next SIGINT to land in the import.
    import threading
hits = []
print("ready", flush=True)
n = 0
try:
    while True:
        n += 1
except KeyboardInterrupt:
    hits.append(1)
    print("caught in loop", n > 0, flush=True)
try:
    time.sleep(30)
except KeyboardInterrupt:
    hits.append(1)
    print("caught in sleep", flush=True)
if threads:
    lock = threading.Lock()
    lock.acquire()
    t = threading.Thread(target=lambda: time.sleep(60), daemon=True)
    t.start()
    try:
        t.join()
    except KeyboardInterrupt:
        hits.append(1)
        print("caught in join", flush=True)
    try:
        lock.acquire()
    except KeyboardInterrupt:
        hits.append(1)
        print("caught in acquire", flush=True)
while True:
    pass
