# A lock taken by one thread and released by another once locked() says it
# is held (a lock is not owned). stm takes a free lock inside the running
# transaction: another thread must neither see it held nor release it until
# that transaction ended, since an abort releases it again (the observer
# would release one acquire twice, and the taker's last acquire would wait
# forever: a deadlock report). With the stress switches aborts land
# between the acquire and the commit.
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
lock = threading.Lock()
acquired = 0
released = 0
errors = []


def taker():
    global acquired
    for _ in range(N):
        lock.acquire()  # free when the releaser was quicker, else a wait
        acquired += 1
        spin = 0
        while spin < 30:  # time for the releaser, so that most acquires find the lock free
            spin += 1


def releaser():
    global released
    while released < N:
        polls = 0
        while polls < 200 and not lock.locked():  # often while the taker's transaction runs
            polls += 1
        if lock.locked():
            try:
                lock.release()
            except RuntimeError as e:  # it saw the lock held, and only it releases
                errors.append(str(e))
                return
            released += 1
        else:
            time.sleep(0.0001)


threads = [threading.Thread(target=taker), threading.Thread(target=releaser)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(acquired, released, errors, lock.locked())

# Two threads, each holding its own lock, ask about the other's: each may
# have been taken inside the other's running transaction, so neither may
# wait for the other's transaction inside its own (stm commits first).
first, second = threading.Lock(), threading.Lock()
rounds = [0, 0]


def asker(index, mine, theirs):
    for _ in range(3 * N):
        with mine:
            theirs.locked()
            repr(theirs)
            rounds[index] += 1


threads = [threading.Thread(target=asker, args=(0, first, second)),
           threading.Thread(target=asker, args=(1, second, first))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(rounds, first.locked(), second.locked())
