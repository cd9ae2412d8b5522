def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(a) and a[lo] == x else -1
data = list(range(0, 100, 3))
print([bsearch(data, x) for x in (0, 3, 4, 99, 96, -1)])
