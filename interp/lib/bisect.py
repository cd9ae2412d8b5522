"""bisect: binary search over sorted sequences (CPython 3.11's bisect API,
written for gillab), key= included.  As in CPython, lo and hi must be
integers, lo >= 0, and hi=-1 (like None) means len(a)."""


def _bounds(a, lo, hi):
    lo = _index(lo)
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        return lo, len(a)
    if not isinstance(hi, int) and getattr(type(hi), "__index__", None) is None:
        raise TypeError("argument should be integer or None, not '%s'" % type(hi).__name__)
    hi = _index(hi)
    return lo, len(a) if hi == -1 else hi


def _index(value):
    if isinstance(value, int):
        return int(value)  # bool too: CPython returns 1, not True
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return method(value)


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    if hi is None and lo == 0 and type(lo) is int:
        hi = len(a)  # the common call, without _bounds' checks
    else:
        lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    if hi is None and lo == 0 and type(lo) is int:
        hi = len(a)  # the common call, without _bounds' checks
    else:
        lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    # The key applies to the elements of a, so x is searched for by its key.
    lo = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    lo = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
