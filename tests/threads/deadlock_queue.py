# A consumer waits on an empty queue that nobody will ever fill, and the
# main thread joins it: every thread is blocked forever on a lock.
import threading, queue
q = queue.Queue()
def consumer():
    q.get()
    print("unreachable")
t = threading.Thread(target=consumer, name="consumer")
t.start()
print("waiting")
t.join()
