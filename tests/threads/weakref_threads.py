# Weak references raced by threads: readers dereference references whose
# referents another thread keeps dropping (a dereference must give either
# None or the whole object, never one being freed), threads make and drop
# references to the same objects at once (callback-less ones are shared),
# and every callback runs exactly once per death of a referent whose
# reference is still held. Under fine this is the try_incref protocol
# (weakref.cpp); under gil the GIL serialises it.
import gc
import threading
import weakref

ROUNDS = 300
SLOTS = 16
READERS = 3

lock = threading.Lock()
callbacks = 0


def on_death(r):
    global callbacks
    with lock:
        callbacks += 1


class Obj:
    def __init__(self, n):
        self.n = n
        self.check = n * 7


slots = [None] * SLOTS      # strong references, replaced by the writer
refs = [None] * SLOTS       # weak references with a callback (held: the callback must run)
stop = threading.Event()
made = 0
bad = []


def writer():
    global made
    for r in range(ROUNDS):
        for i in range(SLOTS):
            o = Obj(r * SLOTS + i)
            refs[i] = weakref.ref(o, on_death)
            slots[i] = o  # the previous object dies here (its reference stays in `kept`)
            made += 1
            kept.append(refs[i])
        if r % 50 == 0:
            gc.collect()
    for i in range(SLOTS):
        slots[i] = None
    stop.set()


kept = []


def reader():
    seen = 0
    while not stop.is_set():
        for i in range(SLOTS):
            r = refs[i]
            if r is None:
                continue
            o = r()
            if o is not None:
                if o.check != o.n * 7:
                    bad.append(o.n)
                seen += 1
            # A callback-less reference, shared by every thread that asks.
            if o is not None:
                w = weakref.ref(o)
                if w() is not o or weakref.ref(o) is not w:
                    bad.append(("shared", o.n))
    return seen


def cycles():
    # Referents in cycles die in the collector; their references' callbacks run there.
    for r in range(200):
        a = Obj(-1)
        a.me = a
        kept.append(weakref.ref(a, on_death))
        del a
        if r % 20 == 0:
            gc.collect()


threads = [threading.Thread(target=writer), threading.Thread(target=cycles)]
threads += [threading.Thread(target=reader) for _ in range(READERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Under fine a value displaced from a list (slots[i] = o) is released after a
# grace period (reclaim.hpp), not at the store, and the ended threads'
# pending releases are taken over at later safepoints: wait (bounded) until
# they all went. Lost or repeated callbacks still show below.
import time
for _ in range(500):
    gc.collect()
    if callbacks == made + 200 and all(r() is None for r in kept):
        break
    time.sleep(0.005)
print("made", made, "+ 200 in cycles")
print("callbacks", callbacks)
print("all dead", all(r() is None for r in kept), len(kept))
print("bad", bad)
