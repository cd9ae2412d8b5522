"""operator: the operators as functions (CPython 3.11's operator module,
written for gillab): the plain and in-place forms, their __dunder__
aliases, call, length_hint, the sequence helpers, and attrgetter,
itemgetter and methodcaller with CPython's reprs and argument errors.
Lacks: pickling support of the getter objects."""


def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def ge(a, b): return a >= b
def gt(a, b): return a > b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
_abs = abs


def abs(a): return _abs(a)
def add(a, b): return a + b
def and_(a, b): return a & b
def floordiv(a, b): return a // b


def index(a):
    if isinstance(a, int):
        return int(a)  # an exact int, as CPython's (index(True) is 1)
    method = getattr(type(a), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(a).__name__)
    result = method(a)
    if not isinstance(result, int):
        raise TypeError("__index__ returned non-int (type %s)" % type(result).__name__)
    return int(result)


def inv(a): return ~a
def invert(a): return ~a  # a function of its own, as in CPython
def lshift(a, b): return a << b
def mod(a, b): return a % b
def mul(a, b): return a * b
def matmul(a, b): return a @ b
def neg(a): return -a
def or_(a, b): return a | b
def pos(a): return +a
def pow(a, b): return a ** b
def rshift(a, b): return a >> b
def sub(a, b): return a - b
def truediv(a, b): return a / b
def xor(a, b): return a ^ b


def _check_sequence(a):
    # CPython concatenates only sequences: types with __getitem__, not dicts.
    if isinstance(a, dict) or not hasattr(type(a), "__getitem__"):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)


def concat(a, b):
    _check_sequence(a)
    return a + b


def _iterate(a):
    try:
        return iter(a)
    except TypeError:
        raise TypeError("argument of type '%s' is not iterable" % type(a).__name__) from None


def contains(a, b): return b in a


def countOf(a, b):
    n = 0
    for x in _iterate(a):
        if x is b or x == b:
            n += 1
    return n


def delitem(a, b): del a[b]
def getitem(a, b): return a[b]


def indexOf(a, b):
    for i, x in enumerate(_iterate(a)):
        if x is b or x == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


def setitem(a, b, c): a[b] = c


def call(obj, /, *args, **kwargs):
    return obj(*args, **kwargs)


def length_hint(obj, default=0):
    """len(obj) if it has one, else its __length_hint__(), else default."""
    default = index(default)
    t = type(obj)
    if hasattr(t, "__len__"):
        try:
            return len(obj)
        except TypeError:
            pass
    hint = getattr(t, "__length_hint__", None)
    if hint is None:
        return default
    try:
        value = hint(obj)
    except TypeError:
        return default
    if value is NotImplemented:
        return default
    if not isinstance(value, int):
        raise TypeError("__length_hint__ must be an integer, not %s" % type(value).__name__)
    if value < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return value


def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    _check_sequence(a)
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def imatmul(a, b):
    a @= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


class attrgetter:
    __slots__ = ("_attrs", "_paths")

    def __init__(self, *attrs):
        if not attrs:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for name in attrs:
            if not isinstance(name, str):
                raise TypeError("attribute name must be a string")
        self._attrs = attrs
        self._paths = tuple(tuple(name.split(".")) for name in attrs)

    def _get(self, obj, path):
        for part in path:
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj, /):
        paths = self._paths
        if len(paths) == 1:
            return self._get(obj, paths[0])
        return tuple([self._get(obj, p) for p in paths])

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join(map(repr, self._attrs))


class itemgetter:
    __slots__ = ("_items",)

    def __init__(self, *items):
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, obj, /):
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple([obj[i] for i in items])

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join(map(repr, self._items))


class methodcaller:
    __slots__ = ("_name", "_args", "_kwargs")

    def __init__(*args, **kwargs):
        # self and name positional-only without a signature the caller sees.
        if len(args) < 2:
            raise TypeError("methodcaller needs at least one argument, the method name")
        self, name = args[0], args[1]
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name = name
        self._args = args[2:]
        self._kwargs = kwargs

    def __call__(self, obj, /):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(map(repr, self._args))
        parts.extend("%s=%r" % item for item in self._kwargs.items())
        return "operator.methodcaller(%s)" % ", ".join(parts)


# CPython also offers every function under its __dunder__ name.
__lt__ = lt; __le__ = le; __eq__ = eq; __ne__ = ne; __ge__ = ge; __gt__ = gt
__not__ = not_; __abs__ = abs; __add__ = add; __and__ = and_
__floordiv__ = floordiv; __index__ = index; __inv__ = inv; __invert__ = invert
__lshift__ = lshift; __mod__ = mod; __mul__ = mul; __matmul__ = matmul
__neg__ = neg; __or__ = or_; __pos__ = pos; __pow__ = pow; __rshift__ = rshift
__sub__ = sub; __truediv__ = truediv; __xor__ = xor; __concat__ = concat
__contains__ = contains; __delitem__ = delitem; __getitem__ = getitem
__setitem__ = setitem; __call__ = call
__iadd__ = iadd; __iand__ = iand; __iconcat__ = iconcat; __ifloordiv__ = ifloordiv
__ilshift__ = ilshift; __imod__ = imod; __imul__ = imul; __imatmul__ = imatmul
__ior__ = ior; __ipow__ = ipow; __irshift__ = irshift; __isub__ = isub
__itruediv__ = itruediv; __ixor__ = ixor
