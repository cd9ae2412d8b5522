# The main thread spins (never blocks) until a thread it started has run:
# the new thread can only attach if the GIL is switched away from a
# CPU-bound holder — by a drop request (new, fair) or by the tick release
# (legacy), which must count a thread still waiting to attach.
import _thread

ran = []


def child(tag):
    ran.append(tag)


_thread.start_new_thread(child, ("child",))
spins = 0
while not ran:
    spins += 1
print(ran)  # spins may be 0: the switch can come before the loop
