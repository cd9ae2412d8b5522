# One exception object shared by threads that replace its fields while
# others read them: args (assigned, and re-set by __init__), __cause__
# (assigned, and by `raise ... from`), __context__ (assigned, and set by
# raising it while handling another exception). The fine back-ends read these fields
# without a lock, so a replaced value must stay alive until every reader
# that may have loaded it has passed a safepoint. Every stored value is a
# fresh object, freed when the next store displaces it, so a reader that
# followed a freed pointer sees garbage (or a sanitizer reports it).
import sys
import threading

WRITERS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
READERS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3000

# A raise while a field write has the world stopped (stm's concurrent mode:
# class_setattr raises inside its write scope, and the new exception's
# __context__ is set there): it must not try to stop the world again.
try:
    raise KeyError("handled")
except KeyError:
    try:
        int.x = 1
    except TypeError as e:
        print("immutable type:", type(e.__context__).__name__)

shared = ValueError("start", [0])
writers_left = [WRITERS]
left_lock = threading.Lock()
start = threading.Barrier(WRITERS + READERS)


def writer(w):
    start.wait()
    for r in range(ROUNDS):
        k = r % 4
        if k == 0:
            shared.args = ("w%d_%d" % (w, r), [r])
        elif k == 1:
            shared.__init__("i%d_%d" % (w, r), [r])
        elif k == 2:
            shared.__cause__ = KeyError("c%d_%d" % (w, r))
            shared.__context__ = IndexError("x%d_%d" % (w, r))
        else:
            try:
                raise OSError("h%d_%d" % (w, r))
            except OSError:
                try:
                    raise shared from TypeError("f%d_%d" % (w, r))
                except ValueError:
                    pass
    with left_lock:
        writers_left[0] -= 1


def args_ok(a):
    return (type(a) is tuple and len(a) == 2 and type(a[0]) is str and a[0][:1] in "swi"
            and type(a[1]) is list and len(a[1]) == 1)


def reader(results, index):
    start.wait()
    bad = []
    reads = 0
    done = False
    while not done:
        done = writers_left[0] == 0  # one more pass after the last write
        for _ in range(50):
            reads += 1
            a = shared.args
            if not args_ok(a):
                bad.append(("args", repr(a)))
            text = str(shared)
            if not text.startswith("('") or not text.endswith("])"):
                bad.append(("str", text))
            if not repr(shared).startswith("ValueError('"):
                bad.append(("repr", repr(shared)))
            c = shared.__cause__
            if c is not None and (type(c) not in (KeyError, TypeError) or c.args[0][:1] not in "cf"):
                bad.append(("cause", repr(c)))
            x = shared.__context__
            if x is not None and not (type(x) is IndexError and x.args[0][:1] == "x"
                                      or type(x) is OSError and x.args[0][:1] == "h"):
                bad.append(("context", repr(x)))
    results[index] = (bad, reads)


results = [None] * READERS
threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
threads += [threading.Thread(target=reader, args=(results, i)) for i in range(READERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("readers saw only stored values:", all(not bad for bad, _ in results))
for bad, _ in results:
    for b in bad[:5]:
        print("  ", b)
print("readers read:", all(reads >= 50 for _, reads in results))
print("args:", args_ok(shared.args))
print("cause:", type(shared.__cause__) in (KeyError, TypeError))
print("suppress context:", shared.__suppress_context__)
