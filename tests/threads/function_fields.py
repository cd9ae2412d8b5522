# A function's fields assigned while other threads call and read it:
# __defaults__ (read by every call that uses a default), __qualname__,
# __name__, __doc__, and __annotations__ made on first read by several
# threads at once. The fine back-ends read these fields without a lock, so
# a replaced value must stay alive until every reader that may have loaded
# it has passed a safepoint, and each value a writer displaces must be
# released once (a double release frees a value another function still
# holds; a lost one leaks). Every stored value is a fresh object, freed when
# the next store displaces it, so a reader that followed a freed pointer
# sees garbage (or a sanitizer reports it).
import sys
import threading

WRITERS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
READERS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 100
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 30


def make_function(j):
    def f(a=(j, [-1])):
        return a
    return f


def annotated(x: int) -> int:
    return x


functions = [make_function(j) for j in range(COUNT)]
fresh = [make_function(j) for j in range(COUNT)]  # __annotations__ never read yet
writers_left = [WRITERS]
left_lock = threading.Lock()
start = threading.Barrier(WRITERS + READERS)


def writer(w):
    start.wait()
    for r in range(ROUNDS):
        for j in range(w, COUNT, WRITERS):
            f = functions[j]
            f.__defaults__ = ((j, [r]),)
            f.__qualname__ = "q%d_%d" % (j, r)
            f.__name__ = "n%d_%d" % (j, r)
            f.__doc__ = "d%d_%d" % (j, r)
    with left_lock:
        writers_left[0] -= 1


def reader(results, index):
    start.wait()
    bad = []
    annotations = [id(fresh[j].__annotations__) for j in range(COUNT)]
    calls = 0
    done = False
    while not done:
        done = writers_left[0] == 0  # one whole pass after the last write
        for j in range(COUNT):
            f = functions[j]
            a = f()
            calls += 1
            if type(a) is not tuple or a[0] != j or type(a[1]) is not list or not -1 <= a[1][0] < ROUNDS:
                bad.append(("default", j, repr(a)))
            q = f.__qualname__
            if q != "make_function.<locals>.f" and not q.startswith("q%d_" % j):
                bad.append(("qualname", j, q))
            n = f.__name__
            if n != "f" and not n.startswith("n%d_" % j):
                bad.append(("name", j, n))
            d = f.__doc__
            if d is not None and not d.startswith("d%d_" % j):
                bad.append(("doc", j, d))
            text = repr(f)
            if not text.startswith(("<function make_function.", "<function q%d_" % j)):
                bad.append(("repr", j, text))
    results[index] = (bad, annotations, calls)


results = [None] * READERS
threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
threads += [threading.Thread(target=reader, args=(results, i)) for i in range(READERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("readers saw only stored values:", all(not bad for bad, _, _ in results))
for bad, _, _ in results:
    for b in bad[:5]:
        print("  ", b)
print("readers called every function:", all(calls >= COUNT for _, _, calls in results))
print("one __annotations__ dict per function:",
      all(ids == [id(f.__annotations__) for f in fresh] for _, ids, _ in results))
print("last stores stayed:",
      all(f() == (j, [ROUNDS - 1]) and f.__qualname__ == "q%d_%d" % (j, ROUNDS - 1)
          and f.__name__ == "n%d_%d" % (j, ROUNDS - 1) and f.__doc__ == "d%d_%d" % (j, ROUNDS - 1)
          for j, f in enumerate(functions)))
print("annotations:", annotated.__annotations__ == {"x": int, "return": int})
