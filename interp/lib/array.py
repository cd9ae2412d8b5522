"""array: typed arrays of numbers, as CPython's array module, kept as a list
whose every item is checked against the typecode's C range on the way in
(CPython's messages); tobytes/frombytes go through struct. Not provided:
the 'u' (wchar) typecode, buffer_info and the buffer protocol."""
import struct as _struct

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

# typecode: (struct code, min, max, what CPython names in range errors)
_INTS = {
    "b": ("b", -2 ** 7, 2 ** 7 - 1, "signed char"),
    "B": ("B", 0, 2 ** 8 - 1, "unsigned byte integer"),
    "h": ("h", -2 ** 15, 2 ** 15 - 1, "signed short integer"),
    "H": ("H", 0, 2 ** 16 - 1, "unsigned short"),
    "i": ("i", -2 ** 31, 2 ** 31 - 1, "signed integer"),
    "I": ("I", 0, 2 ** 32 - 1, "unsigned int"),
    "l": ("l", -2 ** 63, 2 ** 63 - 1, None),
    "L": ("L", 0, 2 ** 64 - 1, None),
    "q": ("q", -2 ** 63, 2 ** 63 - 1, None),
    "Q": ("Q", 0, 2 ** 64 - 1, None),
}
_FLOATS = {"f": "f", "d": "d"}


def _checker(typecode):
    if typecode in _INTS:
        _, lo, hi, what = _INTS[typecode]

        def check(x):
            if not isinstance(x, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
            if x < lo or x > hi:
                if what is None:
                    if typecode in "LQ" and x < 0:
                        raise OverflowError("can't convert negative int to unsigned")
                    raise OverflowError("Python int too large to convert to C %s" % (
                        "long" if typecode == "l" else "unsigned long" if typecode == "L" else
                        "long long" if typecode == "q" else "unsigned long long"))
                raise OverflowError("%s is %s than %s" % (what, "less" if x < lo else "greater",
                                                           "minimum" if x < lo else "maximum"))
            return int(x)
        return check

    def check_float(x):
        if not isinstance(x, (int, float)):
            raise TypeError("must be real number, not %s" % type(x).__name__)
        return float(x)
    return check_float


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in _INTS and typecode not in _FLOATS:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.typecode = typecode
        self._check = _checker(typecode)
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, bytes):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
        else:
            self.extend(initializer)

    @property
    def itemsize(self):
        return _struct.calcsize(self._code())

    def _code(self):
        return _INTS[self.typecode][0] if self.typecode in _INTS else _FLOATS[self.typecode]

    def _same(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError("bad argument type for built-in operation")

    def append(self, x):
        self._items.append(self._check(x))

    def extend(self, iterable):
        if isinstance(iterable, array):
            self._same(iterable)
            self._items.extend(iterable._items)
        else:
            self._items.extend([self._check(x) for x in iterable])

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self.extend(items)

    def insert(self, i, x):
        self._items.insert(i, self._check(x))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        return self._items.pop(i)

    def remove(self, x):
        try:
            self._items.remove(x)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, x, start=0, stop=None):
        try:
            return self._items.index(x, start, len(self._items) if stop is None else stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, x):
        return self._items.count(x)

    def reverse(self):
        self._items.reverse()

    def byteswap(self):
        size = self.itemsize
        raw = self.tobytes()
        swapped = b"".join(raw[k:k + size][::-1] for k in range(0, len(raw), size))
        self._items = list(_struct.unpack("<%d%s" % (len(self._items), self._code()), swapped)) if self._items else []

    def tolist(self):
        return list(self._items)

    def tobytes(self):
        return _struct.pack("<%d%s" % (len(self._items), self._code()), *self._items)

    def frombytes(self, data):
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        self._items.extend(_struct.unpack("<%d%s" % (len(data) // size, self._code()), bytes(data)))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            out = array(self.typecode)
            out._items = self._items[i]
            return out
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not isinstance(x, array):
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(x).__name__)
            self._same(x)
            self._items[i] = x._items
            return
        value = self._check(x)
        try:
            self._items[i] = value
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        del self._items[i]

    def __add__(self, other):
        self._same(other)
        out = array(self.typecode)
        out._items = self._items + other._items
        return out

    def __iadd__(self, other):
        self._same(other)
        self._items += other._items
        return self

    def __mul__(self, n):
        out = array(self.typecode)
        out._items = self._items * n
        return out

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def __reduce__(self):
        return (array, (self.typecode, self._items))

    def __repr__(self):
        if not self._items:
            return "array(%r)" % self.typecode
        return "array(%r, %r)" % (self.typecode, self._items)


ArrayType = array
