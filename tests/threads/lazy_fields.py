# Fields that readers follow without a lock, written while other threads
# read them: an instance's __dict__ made by its first attribute, a
# function's __dict__ made by its first attribute and its __defaults__
# replaced, a class attribute replaced. Under stm's concurrent mode a
# transaction that made such a field and then aborted would free it under
# a reader that had followed the pointer (a crash, or a sanitizer report),
# or let the reader commit what it read there. Each value a writer stores
# carries a clock stamp, new on every execution, so a re-executed store
# stores another: a reader must see only the stamp that stayed.
import sys
import threading
import time

WRITERS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
READERS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 1500


class Plain:
    pass


class Holder:
    value = (-1,)


def make_function(i):
    def f(a=i):
        return a
    return f


objects = [Plain() for _ in range(COUNT)]
functions = [make_function(j) for j in range(COUNT)]
writers_left = [WRITERS]
left_lock = threading.Lock()


def writer(w):
    for j in range(w, COUNT, WRITERS):
        o = objects[j]
        o.x = (j, time.perf_counter_ns())
        f = functions[j]
        f.tag = (j, time.perf_counter_ns())
        f.__defaults__ = ((j, time.perf_counter_ns()),)
        Holder.value = (j,)
    with left_lock:
        writers_left[0] -= 1


def reader(results, index):
    seen = []  # (what, j, value): checked against what stayed, at the end
    bad = 0
    done = False
    while not done:
        done = writers_left[0] == 0  # one whole pass after the last write
        for j in range(COUNT):
            x = getattr(objects[j], "x", None)
            if x is not None:
                seen.append((0, j, x))
            f = functions[j]
            t = getattr(f, "tag", None)
            if t is not None:
                seen.append((1, j, t))
            a = f()
            if a != j:
                seen.append((2, j, a))
            h = Holder.value
            if type(h) is not tuple or not -1 <= h[0] < COUNT:
                bad += 1
    results[index] = (bad, seen)


def stayed(what, j):
    if what == 0:
        return objects[j].x
    if what == 1:
        return functions[j].tag
    return functions[j]()


results = [None] * READERS
threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
threads += [threading.Thread(target=reader, args=(results, i)) for i in range(READERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("readers saw only stored values:", all(bad == 0 and all(v == stayed(w, j) for w, j, v in seen) for bad, seen in results))
print("readers saw every value:", all(len(seen) >= 3 * COUNT for bad, seen in results))
print("instance dicts:", all(o.x[0] == j and list(vars(o)) == ["x"] for j, o in enumerate(objects)))
print("function dicts:", all(f.tag[0] == j for j, f in enumerate(functions)))
print("defaults:", all(f()[0] == j for j, f in enumerate(functions)))
print("class attribute:", Holder.value[0] >= COUNT - WRITERS)
