# The main program ends while a thread still runs; the exit path calls
# threading._shutdown(), which waits for it (threading.py's job).
import threading
import time


def slow():
    time.sleep(0.05)
    print("the thread finished")


threading.start(slow)
print("main program ends")
