"""heapq: the binary-heap functions of CPython's heapq, over lists.

A heap is a list with heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2].
heappop and heapreplace sift the hole at the root all the way down to a
leaf, then sift the moved item up (Knuth, TAOCP vol. 3, 5.2.3, exercise
18): fewer comparisons, and the very arrangement CPython produces, so
programs that print a heap print the same list.

The heap argument must be a list (CPython's TypeError otherwise), and the
errors on empty heaps are CPython's.  nsmallest and nlargest return what
CPython's do (the stable sort's first n) but simply sort; merge is lazy.
Lacks: CPython's "expected 2 arguments" wording for a wrong argument count.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]


def _sift_toward_root(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_to_leaf(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def _not_list(func, what, heap):
    got = "None" if heap is None else type(heap).__name__
    return TypeError("%s() argument%s must be list, not %s" % (func, what, got))


def heappush(heap, item):
    if not isinstance(heap, list):
        raise _not_list("heappush", " 1", heap)
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    if not isinstance(heap, list):
        raise _not_list("heappop", "", heap)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_to_leaf(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    if not isinstance(heap, list):
        raise _not_list("heapreplace", " 1", heap)
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return top


def heappushpop(heap, item):
    if not isinstance(heap, list):
        raise _not_list("heappushpop", " 1", heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(x):
    if not isinstance(x, list):
        raise _not_list("heapify", "", x)
    for i in reversed(range(len(x) // 2)):
        _sift_to_leaf(x, i)


def _select(n, iterable, key, reverse):
    # CPython's steps, which decide which errors come first: n == 1 is a
    # min()/max(); a sized input no longer than n is simply sorted; else
    # n must be an integer (range(n)).  The results are always those of the
    # stable sorted(iterable, key=key, reverse=reverse)[:n].
    if n == 1:
        it = iter(iterable)
        missing = object()
        best = (max if reverse else min)(it, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=reverse)[:n]
    it = iter(iterable)
    head = [x for _, x in zip(range(n), it)]
    if not head:
        return head
    head.extend(it)
    head.sort(key=key, reverse=reverse)
    del head[n:]
    return head


def nsmallest(n, iterable, key=None):
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    return _select(n, iterable, key, True)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs lazily; equal items keep the order of their inputs."""
    heap = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            k = value if key is None else key(value)
            heap.append([_Keyed(k, reverse), order, value, it])
            break
    heapify(heap)
    while heap:
        entry = heap[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = _Keyed(value if key is None else key(value), reverse)
            entry[2] = value
            heapreplace(heap, entry)
            break
        else:
            heappop(heap)


class _Keyed:
    __slots__ = ("k", "reverse")

    def __init__(self, k, reverse):
        self.k = k
        self.reverse = reverse

    def __lt__(self, other):
        return other.k < self.k if self.reverse else self.k < other.k

    def __eq__(self, other):
        return self.k == other.k
