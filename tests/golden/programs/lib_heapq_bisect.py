# heapq and bisect in programs: a priority scheduler with tie-breaking
# counters, a running median with two heaps, k-way merges with key and
# reverse, nlargest/nsmallest with keys and ties, heapreplace/heappushpop;
# bisect grade tables, lo/hi windows, insort with key, and the errors.
import bisect
import heapq

tasks = []
counter = 0
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review"), (0, "wake")]:
    heapq.heappush(tasks, (prio, counter, name))
    counter += 1
print(tasks)
print([heapq.heappop(tasks)[2] for _ in range(len(tasks))])

low, high = [], []  # max-heap (negated) and min-heap
medians = []
for x in [5, 15, 1, 3, 2, 8, 7, 9, 10, 6, 11, 4]:
    if not low or x <= -low[0]:
        heapq.heappush(low, -x)
    else:
        heapq.heappush(high, x)
    if len(low) > len(high) + 1:
        heapq.heappush(high, -heapq.heappop(low))
    elif len(high) > len(low):
        heapq.heappush(low, -heapq.heappop(high))
    medians.append(-low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2)
print(medians)

logs_a = [(1, "a:start"), (4, "a:work"), (9, "a:end")]
logs_b = [(2, "b:start"), (4, "b:work"), (5, "b:end")]
logs_c = [(0, "c:boot"), (4, "c:tick")]
print([m for _, m in heapq.merge(logs_a, logs_b, logs_c)])
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], ["", "eeeee"], key=len)))
print(list(heapq.merge([5, 3, 1], [4, 2, 0], [6], reverse=True)), list(heapq.merge()), list(heapq.merge([], [1], [])))
print(list(heapq.merge([(3, "a"), (1, "a")], [(3, "b"), (1, "b")], key=lambda t: t[0], reverse=True)))
print(list(heapq.merge([1, 2.0, 3], [1.0, 2, 3.0])), list(heapq.merge("ace", "bdf")))

words = ["kiwi", "fig", "banana", "apple", "plum", "cherry", "date", "grapefruit"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len), heapq.nsmallest(2, words))
print(heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(0, [1]), heapq.nlargest(-2, [1]), heapq.nsmallest(2, (x * x for x in range(-3, 3))))
print(heapq.nlargest(1, [1.0, 3, 3.0]), heapq.nsmallest(1, [3, 1, 1.0]), heapq.nlargest(2, [3.0, 1, 3, 3]))
scores = {"ann": 91, "bob": 78, "cy": 91, "dee": 85}
print(heapq.nlargest(2, scores, key=scores.get), heapq.nsmallest(2, scores.items(), key=lambda kv: (kv[1], kv[0])))

h = [9, 4, 7, 1, 8, 2, 6, 3]
heapq.heapify(h)
print(h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 5), h)
print(heapq.heapreplace(h, 0), h, heapq.heappushpop([], 5))
for _ in range(3):
    heapq.heappop(h)
print(h, sorted(h) == [heapq.heappop(list(h)) for _ in range(1)] + sorted(h)[1:])
top = []
for x in [12, 3, 45, 7, 22, 9, 31, 1]:
    if len(top) < 3:
        heapq.heappush(top, x)
    elif x > top[0]:
        heapq.heapreplace(top, x)
print(sorted(top, reverse=True))

breakpoints = [60, 70, 80, 90]
print(["FDCBA"[bisect.bisect(breakpoints, s)] for s in [33, 99, 77, 70, 89, 90, 100, 60]])
a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2),
      bisect.bisect_right(a, 2, lo=1, hi=3), bisect.bisect_left(a, 4, 0, len(a)), bisect.bisect_left(a, 2, 5, 1))
print(bisect.bisect_left(["a", "bb", "ccc"], 2, key=len), bisect.bisect((1, 2, 3), 2), bisect.bisect("aceg", "d"),
      bisect.bisect_right(a, 9), bisect.bisect_left(a, 0), bisect.bisect_left([], 1))
b = [1, 3, 5, 7]
bisect.insort(b, 2, 3)
bisect.insort_left(b, 5)
bisect.insort_right(b, 5.0)
print(b, [type(x).__name__ for x in b])
events = [("a", 1), ("b", 2), ("c", 3)]
bisect.insort_left(events, ("x", 2), key=lambda t: t[1])
bisect.insort_right(events, ("y", 2), key=lambda t: t[1])
bisect.insort(events, ("z", 0), key=lambda t: t[1])
print(events)


def find_le(seq, x):
    i = bisect.bisect_right(seq, x)
    if i:
        return seq[i - 1]
    raise ValueError("no item <= %r" % (x,))


print(find_le([10, 20, 30], 25), find_le([10, 20, 30], 30))
for bad in (lambda: find_le([10], 5), lambda: bisect.bisect([1], 1, -1), lambda: bisect.insort([1], 1, -1),
            lambda: bisect.bisect(None, 1), lambda: bisect.insort((1, 2), 1), lambda: heapq.heappush([1], "a"),
            lambda: bisect.bisect([1, "a"], 0)):
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
