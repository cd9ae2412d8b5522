# Caching layer: a hand-written LRU cache (dict + doubly linked list) used as
# a decorator, compared hit-for-hit with functools.lru_cache and an
# OrderedDict-based cache over the same access trace, plus cache_info,
# eviction callbacks and typed keys.
import functools
from collections import OrderedDict, namedtuple

CacheInfo = namedtuple("CacheInfo", "hits misses maxsize currsize")


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None


class LRUCache:
    def __init__(self, maxsize, on_evict=None):
        if maxsize < 1:
            raise ValueError("maxsize must be positive")
        self.maxsize = maxsize
        self.map = {}
        self.head = _Node()  # sentinel: head.next is most recent
        self.head.prev = self.head.next = self.head
        self.hits = self.misses = 0
        self.on_evict = on_evict

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node):
        node.next = self.head.next
        node.prev = self.head
        self.head.next.prev = node
        self.head.next = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.maxsize:
            old = self.head.prev
            self._unlink(old)
            del self.map[old.key]
            if self.on_evict:
                self.on_evict(old.key, old.value)
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)

    def __contains__(self, key):
        return key in self.map

    def __len__(self):
        return len(self.map)

    def __iter__(self):
        node = self.head.next
        while node is not self.head:
            yield node.key
            node = node.next

    def __repr__(self):
        items = ", ".join(f"{k!r}: {self.map[k].value!r}" for k in self)
        return f"LRUCache({self.maxsize}, {{{items}}})"

    def info(self):
        return CacheInfo(self.hits, self.misses, self.maxsize, len(self.map))


_MISSING = object()


def lru(maxsize=128):
    def decorate(fn):
        cache = LRUCache(maxsize)

        @functools.wraps(fn)
        def wrapper(*args):
            value = cache.get(args, _MISSING)
            if value is _MISSING:
                value = fn(*args)
                cache.put(args, value)
            return value

        wrapper.cache_info = cache.info
        wrapper.cache = cache
        return wrapper
    return decorate


class ODCache:
    def __init__(self, maxsize):
        self.maxsize, self.d, self.hits, self.misses = maxsize, OrderedDict(), 0, 0

    def access(self, key, compute):
        if key in self.d:
            self.hits += 1
            self.d.move_to_end(key)
            return self.d[key]
        self.misses += 1
        value = self.d[key] = compute(key)
        if len(self.d) > self.maxsize:
            self.d.popitem(last=False)
        return value


evicted = []
c = LRUCache(3, on_evict=lambda k, v: evicted.append(k))
for k in "abcadbe":
    if c.get(k) is None:
        c.put(k, k.upper() * 2)
print(c, list(c), len(c), "a" in c, "c" in c)
print("evicted:", evicted, c.info())
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)


@lru(maxsize=4)
def slow_square(n):
    """Square n (slowly)."""
    return n * n


@functools.lru_cache(maxsize=4)
def std_square(n):
    return n * n


trace = [(i * i + i // 4) % 6 for i in range(40)]
od = ODCache(4)
results = [(slow_square(k), std_square(k), od.access(k, lambda x: x * x)) for k in trace]
assert all(a == b == c for a, b, c in results)
print("trace:", trace[:12], "...")
mine, std = slow_square.cache_info(), std_square.cache_info()
print("mine:", mine)
print("std: ", std)
print("od:   hits=%d misses=%d" % (od.hits, od.misses))
print("agree:", (mine.hits, mine.misses) == (std.hits, std.misses) == (od.hits, od.misses))
print("recency:", list(slow_square.cache), list(od.d))
print(slow_square.__name__, slow_square.__doc__, slow_square.__wrapped__(12))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru(maxsize=1000)
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)


print(fib(150), fib.cache_info())
print(fib2(150) == fib(150), fib2.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=8, typed=True)
def kind(x):
    return type(x).__name__


print([kind(v) for v in (1, 1.0, True, 1, 1.0)], kind.cache_info().misses)


@functools.lru_cache(maxsize=2)
def tagged(x, *, tag="-"):
    return f"{tag}{x}"


print(tagged(1), tagged(1, tag="+"), tagged(1), tagged.cache_info())
try:
    std_square([1, 2])
except TypeError as e:
    print("TypeError:", e)
