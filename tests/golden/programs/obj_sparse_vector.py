# Container protocol on a sparse vector: __getitem__/__setitem__/__delitem__
# with ints, negative indices and slices (resolved by hand), __len__, __iter__,
# __reversed__, __contains__, __bool__, __eq__, __index__ objects as
# indices; and the old sequence protocol (only __getitem__) driving iter(),
# `in` and unpacking, and a __len__ returning bad values.
import operator


def as_index(value, message):
    if isinstance(value, int):
        return value
    if hasattr(type(value), "__index__"):
        return type(value).__index__(value)
    raise TypeError("%s, not %s" % (message, type(value).__name__))


class SparseVector:
    def __init__(self, size, items=None):
        self.size = size
        self.data = {}
        for i, v in (items or {}).items():
            self[i] = v

    def _index(self, i):
        i = as_index(i, "SparseVector indices must be integers or slices")
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("SparseVector index out of range")
        return i

    def _range(self, key):
        n = self.size
        step = 1 if key.step is None else as_index(key.step, "slice indices must be integers")
        if step == 0:
            raise ValueError("slice step cannot be zero")
        lo, hi = (0, n) if step > 0 else (-1, n - 1)
        bounds = []
        for value, default in ((key.start, hi if step < 0 else lo), (key.stop, lo if step < 0 else hi)):
            if value is None:
                bounds.append(default)
                continue
            value = as_index(value, "slice indices must be integers")
            if value < 0:
                value = max(value + n, lo)
            bounds.append(min(value, hi))
        return range(bounds[0], bounds[1], step)

    def __len__(self):
        return self.size

    def __getitem__(self, key):
        if isinstance(key, slice):
            rng = self._range(key)
            return SparseVector(len(rng), {n: self.data[i] for n, i in enumerate(rng) if i in self.data})
        return self.data.get(self._index(key), 0)

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            rng = self._range(key)
            values = list(value)
            if len(values) != len(rng):
                raise ValueError("attempt to assign sequence of size %d to slice of size %d" % (len(values), len(rng)))
            for i, v in zip(rng, values):
                self[i] = v
            return
        i = self._index(key)
        if value:
            self.data[i] = value
        else:
            self.data.pop(i, None)

    def __delitem__(self, key):
        i = self._index(key)
        self.data = {(j - 1 if j > i else j): v for j, v in self.data.items() if j != i}
        self.size -= 1

    def __iter__(self):
        for i in range(self.size):
            yield self.data.get(i, 0)

    def __reversed__(self):
        for i in range(self.size - 1, -1, -1):
            yield self.data.get(i, 0)

    def __contains__(self, value):
        if value == 0:
            return len(self.data) < self.size
        return value in self.data.values()

    def __bool__(self):
        return bool(self.data)

    def __eq__(self, other):
        if isinstance(other, SparseVector):
            return self.size == other.size and self.data == other.data
        return NotImplemented

    def __repr__(self):
        return "SparseVector(%d, %s)" % (self.size, dict(sorted(self.data.items())))


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


v = SparseVector(10, {1: 5, 4: 2, 9: 7})
print(v, len(v), v[1], v[-1], v[Idx(4)], v[0])
print(list(v), list(reversed(v)), sum(v), max(v))
print(5 in v, 0 in v, 3 in v, bool(v), bool(SparseVector(3)), bool(SparseVector(0)))
print(v[::3], v[8:2:-2], v[1:5], v[100:], v[Idx(1):Idx(5):Idx(3)])
v[2:5] = [1, 0, 3]
print(v)
v[-2] = 8
v[1] = 0
print(v, v.data)
del v[0]
print(v, len(v))
del v[-1]
print(v, list(v))
print(v == SparseVector(8, {1: 1, 3: 3, 7: 8}), v != v[:], v == [0] * 8, v[:] is v)
for bad in (lambda: v[20], lambda: v["a"], lambda: v.__setitem__(1.5, 1), lambda: v.__setitem__(slice(0, 2), [1]),
            lambda: v.__delitem__(-9), lambda: v[None], lambda: v[::0], lambda: v[:"x"]):
    try:
        bad()
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print([x for x in v if x], dict(enumerate(v))[3], sorted(v, reverse=True)[:3], tuple(zip(v, "abc")))
a, b, *rest = v
print(a, b, len(rest))
print(operator.index(Idx(7)), v[Idx(-1)], v[::Idx(-3)], v[-100:Idx(-6)], v[Idx(2)::-1])


class OldSeq:
    """Only __getitem__: iteration calls it with 0, 1, 2... until IndexError."""

    def __init__(self, n):
        self.n = n
        self.calls = []

    def __getitem__(self, i):
        self.calls.append(i)
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = OldSeq(4)
print(list(s), s.calls)
s.calls = []
print(9 in s, s.calls, 10 in OldSeq(5))
it = iter(OldSeq(2))
print(type(it).__name__, next(it), next(it), next(it, "done"))
x, y, z = OldSeq(3)
print(x, y, z, sorted(OldSeq(3), reverse=True), list(map(str, OldSeq(3))))
for op in (lambda: len(OldSeq(3)), lambda: OldSeq(3)[::2]):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)


class StopsWithStop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i


print(list(StopsWithStop()))


class BadLen:
    def __init__(self, value):
        self.value = value

    def __len__(self):
        return self.value


for value in (-1, "3", 3.0):
    try:
        print(len(BadLen(value)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(bool(BadLen(0)), bool(BadLen(2)), len(BadLen(True)))
