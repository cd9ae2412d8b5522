# Commits inside an operation that holds a section: a dict lookup whose
# key's __eq__ writes output (irrevocable work) while the lookup holds the
# dict's read lock. Under stm's concurrent mode the lock goes over to an
# irrevocable run with the token (--stats: irrevocable.locks_handed_over);
# with another thread in `with atomic:` blocks (argument "busy"), which
# keeps the token, some of those commits find it taken: they abort and
# re-run irrevocably instead of releasing the dict's lock under the lookup
# (aborts.mid_operation). With argument "long" the __eq__ writes nothing
# but runs long enough to reach commit points: the transaction passes them
# over for a while, then hands the lock over as well, and the rest of the
# lookup runs irrevocably.
import sys
import threading
from atomic import atomic

BUSY = len(sys.argv) > 1 and sys.argv[1] == "busy"
LONG = len(sys.argv) > 1 and sys.argv[1] == "long"
ROUNDS = 100 if LONG else 3000


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if LONG:
            n = 0
            for i in range(3000):
                n += i
        else:
            sys.stdout.write("")
        return self.v == other.v


table = {Key(i): i for i in range(3)}
done = []
held = [0]


def holder():
    held[0] += 1
    while not done:
        with atomic:
            n = 0
            for i in range(200):
                n += i
            held[0] += 1


def lookups():
    # In a function: module-level names would be writes to the globals
    # dict, which the holder's loop reads (conflicts on every round).
    total = 0
    for i in range(ROUNDS):
        total += table[Key(2)]
    # With the holder: lookups go on until it ended blocks during 300 of
    # them, so that the two overlap even on a loaded machine that starts
    # the holder late or runs the threads in turns.
    overlaps = 0
    while BUSY and overlaps < 300:
        before = held[0]
        table[Key(2)]
        if held[0] != before:
            overlaps += 1
    return total


h = threading.Thread(target=holder)
if BUSY:
    h.start()
total = lookups()
done.append(True)
if BUSY:
    h.join()
print("total", total, held[0] > 0 if BUSY else held[0] == 0)
