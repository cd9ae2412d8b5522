# heapq and bisect argument checking: non-list heaps, empty heaps,
# nsmallest/nlargest's order of checks and their stable ties on large
# inputs, merge errors and laziness; bisect's lo/hi rules (hi=-1 is
# len(a), negative lo is refused, non-integer bounds), key= searches, and
# insort with key on lists and other sequences.
import bisect
import heapq


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for bad in (1, (), "ab", None, {1: 2}):
    show("push", lambda: heapq.heappush(bad, 2))
    show("pop", lambda: heapq.heappop(bad))
    show("heapify", lambda: heapq.heapify(bad))
    show("replace", lambda: heapq.heapreplace(bad, 2))
    show("pushpop", lambda: heapq.heappushpop(bad, 2))


class Heap(list):
    pass


h = Heap([5, 2, 8, 1])
heapq.heapify(h)
heapq.heappush(h, 0)
print("subclass", type(h).__name__, list(h), heapq.heappop(h), heapq.heapreplace(h, 9), list(h))
show("pop empty", lambda: heapq.heappop([]))
show("replace empty", lambda: heapq.heapreplace([], 1))
show("pushpop empty", lambda: heapq.heappushpop([], 1))
show("push incomparable", lambda: heapq.heappush([1], "a"))
h = [3, 1, 2]
show("pushpop unsorted", lambda: (heapq.heappushpop(h, 2), h))

show("nsmallest n str", lambda: heapq.nsmallest("a", [1]))
show("nlargest n float", lambda: heapq.nlargest(1.5, [3, 1, 2, 5]))
show("nlargest not iterable", lambda: heapq.nlargest(2, 5))
show("nsmallest 1 empty", lambda: heapq.nsmallest(1, [], key=len))
show("nlargest 1 key", lambda: heapq.nlargest(1, ["bb", "aa", "c"], key=len))
show("nsmallest -1", lambda: heapq.nsmallest(-1, [3, 1]))
show("nsmallest 0 iter", lambda: heapq.nsmallest(0, iter([3, 1])))
pairs = [(i % 4, "abcdefghijklmnop"[i]) for i in range(16)]
print(heapq.nlargest(5, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(6, pairs, key=lambda p: p[0]))
print(heapq.nlargest(3, iter(pairs), key=lambda p: p[0]), heapq.nsmallest(3, (p for p in pairs), key=lambda p: -p[0]))
print(heapq.nlargest(4, [1, 1.0, True, 2, 2.0]), heapq.nsmallest(4, [2, 1, 1.0, True, 2.0]))
print(heapq.nsmallest(3, {5: "a", 1: "b", 3: "c", 2: "d"}), heapq.nlargest(2, "hello"), heapq.nsmallest(20, range(5, 0, -1)))

m = heapq.merge([1, 3], 5)
print("merge created", type(m).__name__)
show("merge bad", lambda: list(m))
print(list(heapq.merge([3, 2, 1], [3, 0], reverse=True)), list(heapq.merge(["bb", "a"], ["ccc"], key=len, reverse=True)))
print(list(heapq.merge([(1, "x"), (2, "x")], [(1, "y"), (2, "y")], key=lambda t: t[0])))
big = heapq.merge(range(0, 10 ** 9, 2), range(1, 10 ** 9, 2))
print([next(big) for _ in range(7)])

a = [10, 20, 20, 30]
for args in [(20,), (20, 1), (20, 0, 2), (20, 0, -1), (20, 0, -2), (20, -1), (20, 3, 1), (20, 10),
             (20, 0, None), (20, True), (20, 1.0), (20, 0, 2.0), (20, "0"), (20, None), (25, 0, 10)]:
    show("bisect %r" % (args,), lambda: (bisect.bisect_left(a, *args), bisect.bisect_right(a, *args)))
show("bisect kw", lambda: bisect.bisect(a, 20, hi=2, lo=1))
show("bisect not sized", lambda: bisect.bisect(5, 1))
show("bisect mixed", lambda: bisect.bisect([1, 2], "a"))
show("bisect str", lambda: (bisect.bisect("aceg", "d"), bisect.bisect_left(("a", "b", "b"), "b")))
recs = [("ann", 3), ("bob", 5), ("cy", 5), ("dee", 9)]
show("key", lambda: (bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right(recs, 5, key=lambda r: r[1]),
                     bisect.bisect(recs, 4, 1, 3, key=lambda r: r[1]), bisect.bisect_left(recs, 5, 2, key=lambda r: r[1])))
show("key None", lambda: bisect.bisect_left([1, 2, 3], 2, key=None))
show("key neg lo", lambda: bisect.bisect_left(recs, 5, -1, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 5), key=lambda r: r[1])
bisect.insort_left(recs, ("fay", 5), key=lambda r: r[1])
bisect.insort_right(recs, ("gus", 1), key=lambda r: r[1])
bisect.insort_left(recs, ("hal", 10), 0, -1, key=lambda r: r[1])
print(recs)
nums = [1, 3, 5]
bisect.insort(nums, 4, 0, 2)
bisect.insort_left(nums, 0, 1)
print(nums)
show("insort tuple", lambda: bisect.insort((1, 2), 1))
show("insort int", lambda: bisect.insort(5, 1))
show("insort lo", lambda: bisect.insort([1], 1, -3))
