# Hand-written sorting algorithms (insertion, merge, quick with three-way
# partition, heap, shell, counting, LSD radix, bucket) compared with sorted()
# on generated inputs, with key functions, reverse order and stability checks
# on records that share keys; also counts inversions with merge sort.


def insertion_sort(a, key=lambda x: x):
    a = list(a)
    for i in range(1, len(a)):
        x, j = a[i], i - 1
        while j >= 0 and key(a[j]) > key(x):
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a


def merge_sort(a, key=lambda x: x):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    left, right = merge_sort(a[:mid], key), merge_sort(a[mid:], key)
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j]); j += 1
        else:
            out.append(left[i]); i += 1
    out.extend(left[i:]); out.extend(right[j:])
    return out


def count_inversions(a):
    if len(a) <= 1:
        return list(a), 0
    mid = len(a) // 2
    left, x = count_inversions(a[:mid])
    right, y = count_inversions(a[mid:])
    out, i, j, inv = [], 0, 0, x + y
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            out.append(right[j]); j += 1; inv += len(left) - i
        else:
            out.append(left[i]); i += 1
    return out + left[i:] + right[j:], inv


def quick_sort(a):
    if len(a) <= 1:
        return list(a)
    pivot = sorted([a[0], a[len(a) // 2], a[-1]])[1]
    less = [x for x in a if x < pivot]
    equal = [x for x in a if x == pivot]
    more = [x for x in a if x > pivot]
    return quick_sort(less) + equal + quick_sort(more)


def heap_sort(a):
    a = list(a)
    n = len(a)
    def sift(i, size):
        while True:
            big, l, r = i, 2 * i + 1, 2 * i + 2
            if l < size and a[l] > a[big]:
                big = l
            if r < size and a[r] > a[big]:
                big = r
            if big == i:
                return
            a[i], a[big] = a[big], a[i]
            i = big
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a


def shell_sort(a):
    a, gap = list(a), 1
    while gap < len(a) // 3:
        gap = gap * 3 + 1
    while gap:
        for i in range(gap, len(a)):
            x, j = a[i], i
            while j >= gap and a[j - gap] > x:
                a[j] = a[j - gap]; j -= gap
            a[j] = x
        gap //= 3
    return a


def counting_sort(a, key=lambda x: x):
    if not a:
        return []
    lo, hi = min(map(key, a)), max(map(key, a))
    counts = [0] * (hi - lo + 2)
    for x in a:
        counts[key(x) - lo + 1] += 1
    for i in range(1, len(counts)):
        counts[i] += counts[i - 1]
    out = [None] * len(a)
    for x in a:
        out[counts[key(x) - lo]] = x
        counts[key(x) - lo] += 1
    return out


def radix_sort(a, base=10):
    if not a:
        return []
    a, place = list(a), 1
    while max(a) // place:
        a = counting_sort(a, key=lambda x: (x // place) % base)
        place *= base
    return a


def bucket_sort(xs, n=10):
    buckets = [[] for _ in range(n)]
    for x in xs:
        buckets[min(int(x * n), n - 1)].append(x)
    return [y for b in buckets for y in insertion_sort(b)]


def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield seed >> 33


gen = lcg(42)
inputs = {
    "empty": [], "one": [7], "sorted": list(range(20)), "reversed": list(range(20, 0, -1)),
    "dups": [next(gen) % 5 for _ in range(40)], "random": [next(gen) % 1000 for _ in range(300)],
    "big": [next(gen) for _ in range(200)], "organ": list(range(10)) + list(range(10, 0, -1)),
}
print("== integer sorts ==")
for name, data in inputs.items():
    want = sorted(data)
    sorts = [insertion_sort, merge_sort, quick_sort, heap_sort, shell_sort, radix_sort]
    if not data or max(data) - min(data) <= 100000:
        sorts.append(counting_sort)
    results = {f.__name__: f(data) for f in sorts}
    bad = [k for k, v in results.items() if v != want]
    print(f"{name:>8}: n={len(data):3} head={want[:5]} tail={want[-3:]} inversions={count_inversions(data)[1]} sorts={len(sorts)} bad={bad}")
print("radix base 2 and 16:", radix_sort(inputs["big"], 2) == radix_sort(inputs["big"], 16) == sorted(inputs["big"]))

print("== floats and strings ==")
floats = [(next(gen) % 10000) / 10000 for _ in range(50)]
print("bucket ok:", bucket_sort(floats) == sorted(floats), [f"{x:.4f}" for x in bucket_sort(floats)[:4]])
words = "the quick brown fox jumps over the lazy dog and then naps in the warm sun".split()
print(merge_sort(words))
print(merge_sort(words, key=len))
print(merge_sort(words, key=len) == sorted(words, key=len), insertion_sort(words, key=len) == sorted(words, key=len))
print(heap_sort(words)[::-1] == sorted(words, reverse=True))

print("== stability ==")
people = [("ann", 31), ("bob", 25), ("cat", 31), ("dan", 25), ("eve", 40), ("fay", 25), ("gus", 31)]
by_age = sorted(people, key=lambda p: p[1])
for f in (merge_sort, insertion_sort, counting_sort):
    got = f(people, key=lambda p: p[1])
    print(f.__name__, got == by_age, [p[0] for p in got])
multi = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1])
print("two-pass:", [p[0] for p in multi])
print("tuple key:", [p[0] for p in sorted(people, key=lambda p: (p[1], p[0]))])
rev = sorted(people, key=lambda p: p[1], reverse=True)
print("reverse keeps ties in order:", [p[0] for p in rev])
tagged = [(next(gen) % 4, i) for i in range(60)]
ms = merge_sort(tagged, key=lambda t: t[0])
print("stable on 60 tagged:", all(a[1] < b[1] for a, b in zip(ms, ms[1:]) if a[0] == b[0]))
