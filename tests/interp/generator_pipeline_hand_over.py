# A generator pipeline that C++ code drives, which only ends once another
# thread has run after it started: passing its commit points over (serial
# mode), the transaction still commits and hands the token over when the
# other thread asks for it (a drop request), as the GIL would. (A hang
# here: the request ignored.)
import threading

started = threading.Event()
ran = []


def other():
    started.wait()
    ran.append(True)


def until_the_other_ran():
    i = 0
    while not ran:
        if i == 1:
            started.set()
        yield i
        i += 1


t = threading.Thread(target=other)
t.start()
total = sum(0 * x for x in until_the_other_ran())
t.join()
print("the other thread ran:", total == 0 and ran == [True])
