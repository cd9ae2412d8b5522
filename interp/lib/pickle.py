"""pickle: CPython's pickle API over gillab's own serialization format.

multiprocessing sends every task and result through dumps/loads, between
gillab processes only, so the bytes need not be CPython's. The format
follows the idea of CPython's pickle protocol -- a program for a small stack
machine, a memo that keeps shared and recursive objects shared, classes and
functions named by module and qualified name, the __reduce__ /
__getstate__ / __setstate__ / __getnewargs__ protocol -- but is laid out for
the VM's speed: each kind of operand lives in its own section, so the
loader reads a small int or a count with one bytes index, takes every str
from one list split out of one decoded text, and parses numbers only for
floats and larger ints.

Format (version 1; all numbers in the header are ASCII decimal):

    b"GPK1" hlen header   hlen one byte, the length of header: ASCII
                          "nops nraw nnums ntext nblob nstrs mode"
    ops    nops bytes, one opcode each (table below)
    raw    nraw bytes: small ints and counts, consumed in order
    nums   nnums bytes of ASCII tokens joined by " ": decimal ints,
           hex ints (hex(), for |i| >= 2**63) and float reprs, in order
    text   ntext bytes: the nstrs str payloads in order, UTF-8 (lone
           surrogates encoded as by "surrogatepass"); mode 0: joined by
           "\\0"; mode 1 (some str contains "\\0"): a line of their byte
           lengths, then the payloads back to back
    blob   nblob bytes: the bytes payloads back to back

A count (n below) is one raw byte 0..254, or 255 and then a decimal token
in nums. Opcodes (one ASCII character each):

    N T F E   push None, True, False, Ellipsis
    k         int 0..255 (1 raw byte)
    h         int 256..65535 (2 raw bytes, little-endian)
    i / I     int from a decimal / hex token of nums
    f         float from a token of nums (repr, so exact; NaN's sign and
              payload are not kept)
    s         the next str of text (strs are not memoized: equal strs
              arrive equal, not identical)
    b n       bytes: the next n bytes of blob (memoized)
    (         the empty tuple
    t n       tuple of the top n items (memoized)
    1 2 3     tuple of the top 1, 2, 3 items (memoized)
    [ { S     an empty list, dict, set (memoized)
    a n       append the top n items to the list below them
    u n       store the top n key/value pairs into the dict below them
    A n       add the top n items to the set below them
    z n       frozenset of the top n items (memoized)
    c         the global named by the next two strs, module and qualified
              name, found in sys.modules (memoized)
    R         pop args and callable, push callable(*args)
    n         pop args and cls, push cls.__new__(cls, *args)
    B         pop state, apply it to the top: __setstate__(state), else
              the state dict (or (dict, slot dict)) sets attributes
    p         memoize the top
    g n       push memo[n]
    d n       drop the top n items

Invariants: both sides number the memo in creation order (the pickler's
memo maps id(obj) to that number and keeps every temporary it pickles
alive, so an id is never reused within one dumps); a well-formed pickle
leaves exactly one item on the stack and consumes every section exactly;
anything else is an UnpicklingError (EOFError for empty input, as CPython).

Only gillab processes read these bytes: a forked child finds modules in
sys.modules (gillab has no dynamic import), and names in __main__ through
sys.modules["__main__"] (pyvm registers the script there, as CPython); a
program run some other way, without that entry, is served by the globals of
the __main__ functions and methods this process (or its parent, before the
fork) has pickled, or that _register_main() was given.
"""

import sys
import math as _math
import time as _time
try:
    from _collections import deque as _deque
except ImportError:
    from collections import deque as _deque

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4  # CPython 3.11's; every protocol gives the same bytes here
format_version = "gillab-1"

_MAGIC = b"GPK1"
_MISSING = object()
_BIG = 1 << 63  # ints beyond this go as hex: decimal str() is limited to 4300 digits


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _f():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C()._m)
_BuiltinType = type(len)
_OBJ_REDUCE_EX = getattr(object, "__reduce_ex__", None)  # None on gillab: none is user-defined
_OBJ_REDUCE = getattr(object, "__reduce__", None)
_OBJ_GETSTATE = getattr(object, "__getstate__", None)
_SINGLETON_TYPES = {type(None): None, type(...): ..., type(NotImplemented): NotImplemented}

# 'builtins' is not a module in gillab: its names for lookups, and (its
# functions have no __name__) names for its functions and math's.
_BUILTINS = {
    "print": print, "len": len, "repr": repr, "ascii": ascii, "abs": abs, "isinstance": isinstance,
    "issubclass": issubclass, "callable": callable, "vars": vars, "hash": hash, "id": id, "iter": iter,
    "next": next, "ord": ord, "chr": chr, "divmod": divmod, "pow": pow, "round": round, "hex": hex,
    "oct": oct, "bin": bin, "min": min, "max": max, "sum": sum, "any": any, "all": all, "sorted": sorted,
    "enumerate": enumerate, "zip": zip, "map": map, "filter": filter, "reversed": reversed,
    "getattr": getattr, "hasattr": hasattr, "setattr": setattr, "format": format,
    "NotImplemented": NotImplemented, "Ellipsis": ...,
}
for _t in (int, float, str, bytes, bool, list, tuple, dict, set, frozenset, range, type, object,
           property, staticmethod, classmethod, super,
           BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration,
           ArithmeticError, OverflowError, ZeroDivisionError, AssertionError, AttributeError,
           LookupError, IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
           BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
           ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
           FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
           PermissionError, ProcessLookupError, TimeoutError, RuntimeError, RecursionError,
           NotImplementedError, SyntaxError, IndentationError, TypeError, ValueError, UnicodeError,
           UnicodeEncodeError, UnicodeDecodeError, ImportError, ModuleNotFoundError):
    _BUILTINS[_t.__name__] = _t
# Not in every gillab build.
try:
    _BUILTINS["StopAsyncIteration"] = StopAsyncIteration
except NameError:
    pass
try:
    _complex = complex
    _BUILTINS["complex"] = complex
except NameError:
    _complex = None
try:
    _bytearray = bytearray
    _BUILTINS["bytearray"] = bytearray
except NameError:
    _bytearray = None
try:
    _slice = slice
    _BUILTINS["slice"] = slice
except NameError:
    _slice = None

_NAMES = {id(_deque): ("_collections", "deque")}  # id(built-in) -> (module, name)
for _n, _v in _BUILTINS.items():
    if type(_v) is _BuiltinType:
        _NAMES[id(_v)] = ("builtins", _n)
for _n in ("sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin",
           "acos", "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "trunc", "fabs",
           "pow", "hypot", "gcd", "lcm", "isqrt", "factorial", "comb", "perm", "isnan", "isinf",
           "isfinite", "isclose", "copysign", "fmod", "modf", "frexp", "ldexp", "degrees",
           "radians", "prod", "fsum", "dist"):
    _v = getattr(_math, _n, None)
    if type(_v) is _BuiltinType:
        _NAMES[id(_v)] = ("math", _n)
for _n in ("time", "monotonic", "perf_counter", "sleep", "process_time", "time_ns", "monotonic_ns",
           "perf_counter_ns", "thread_time"):
    _v = getattr(_time, _n, None)
    if type(_v) is _BuiltinType:
        _NAMES[id(_v)] = ("time", _n)

_main_globals = None  # __main__'s globals when sys.modules lacks "__main__"


def _register_main(globals_dict):
    """Tell pickle where __main__'s names live when sys.modules has no
    "__main__"; e.g. _register_main(some_main_function.__globals__)."""
    global _main_globals
    _main_globals = globals_dict


def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


def _type_label(t):
    """The type's name as CPython's "cannot pickle 'X' object" shows it."""
    name = getattr(t, "__name__", "?")
    if name == "TextIOWrapper" or name == "BufferedReader" or name == "BufferedWriter":
        return "_io." + name
    module = getattr(t, "__module__", None)
    if module in ("_thread", "_io", "_socket", "select") and "." not in name:
        return module + "." + name
    return name


def _namespace(module):
    """The module object (or globals dict) named `module`, or None."""
    m = sys.modules.get(module)
    if m is not None:
        return m
    if module == "builtins":
        return _BUILTINS
    if module == "__main__":
        return _main_globals
    return None


def _get_path(base, qualname):
    """base.qualname (base a module or a globals dict), or _MISSING."""
    parts = qualname.split(".")
    if type(base) is dict:
        obj = base.get(parts[0], _MISSING)
    else:
        obj = getattr(base, parts[0], _MISSING)
    for part in parts[1:]:
        if obj is _MISSING:
            break
        obj = getattr(obj, part, _MISSING)
    return obj


def _which_module(obj, name):
    """The module holding obj as `name`, for objects without __module__."""
    if _BUILTINS.get(name, _MISSING) is obj:
        return "builtins"
    for module, m in list(sys.modules.items()):
        if m is not None and module != "__main__" and _get_path(m, name) is obj:
            return module
    return "__main__"


def _main_globals_of(obj):
    """__main__'s globals found through obj (a function, or a class's methods)."""
    g = getattr(obj, "__globals__", None)
    if type(g) is dict:
        return g
    d = getattr(obj, "__dict__", None)
    if type(d) is dict:
        for v in d.values():
            g = getattr(v, "__globals__", None)
            if type(g) is dict and getattr(v, "__module__", None) == "__main__":
                return g
    return None


def _find_class(module, name):
    base = _namespace(module)
    if base is None:
        if module == "__main__":
            raise AttributeError("Can't get attribute %r on <module '__main__'>" % name)
        raise ModuleNotFoundError("No module named %r (pickle finds only modules already imported)" % module)
    obj = _get_path(base, name)
    if obj is _MISSING:
        raise AttributeError("Can't get attribute %r on %s" % (
            name, "<module %r>" % module if type(base) is dict else repr(base)))
    return obj


def _range_args(r):
    try:
        return (r.start, r.stop, r.step)
    except AttributeError:  # gillab's range has no start/stop/step: its repr has them
        args = tuple(int(x) for x in repr(r)[6:-1].split(", "))
        return args + (1,) if len(args) == 2 else args


def _int_from_hex(token):
    """int(token, 16) without its quadratic time on huge tokens (gillab's)."""
    if len(token) < 2000:
        return int(token, 16)
    neg = token[0] == "-"
    digits = token[3:] if neg else token[2:]
    if not digits or digits[0] == "-" or digits[0] == "+":
        raise ValueError("invalid hex int")
    digits = "0" * (-len(digits) % 16) + digits
    parts = [int(digits[i:i + 16], 16) for i in range(0, len(digits), 16)]
    bits = 64
    while len(parts) > 1:
        if len(parts) & 1:
            parts.insert(0, 0)
        parts = [(parts[i] << bits) | parts[i + 1] for i in range(0, len(parts), 2)]
        bits *= 2
    return -parts[0] if neg else parts[0]


def _decode_wtf8(b):
    """UTF-8 with lone surrogates, for VMs whose decode has no surrogatepass."""
    out = []
    i, n = 0, len(b)
    while i < n:
        c = b[i]
        if c < 0x80:
            out.append(chr(c))
            i += 1
            continue
        if 0xC2 <= c < 0xE0:
            need, cp = 1, c & 0x1F
        elif 0xE0 <= c < 0xF0:
            need, cp = 2, c & 0x0F
        elif 0xF0 <= c < 0xF5:
            need, cp = 3, c & 0x07
        else:
            raise ValueError("invalid UTF-8")
        if i + need >= n:
            raise ValueError("truncated UTF-8")
        for k in range(1, need + 1):
            cc = b[i + k]
            if cc & 0xC0 != 0x80:
                raise ValueError("invalid UTF-8")
            cp = (cp << 6) | (cc & 0x3F)
        out.append(chr(cp))
        i += need + 1
    return "".join(out)


def _utf8(b):
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return b.decode("utf-8", "surrogatepass")
    except LookupError:
        return _decode_wtf8(b)


# ---- pickling ----

def _dumps(obj, proto, dispatch_table):
    """One pickle of obj. The sections are lists joined once by finish();
    the functions share them as closure variables, which the VM reaches
    faster than attributes."""
    ops = []
    raw_ = []
    nums = []
    strs = []
    blobs = []
    memo = {}  # id(obj) -> memo index
    keep = []  # temporaries pickled: alive so their ids stay unique
    op = ops.append
    raw = raw_.append
    num = nums.append
    text = strs.append

    def count(n):
        if n < 255:
            raw(n)
        else:
            raw(255)
            num(str(n))

    def get(index):
        op(103)  # g
        count(index)

    def save(obj):
        t = type(obj)
        if t is str:
            text(obj)
            op(115)  # s
        elif t is int:
            save_int(obj)
        elif t is float:
            op(102)  # f
            num(repr(obj))
        elif t is tuple:
            save_tuple(obj)
        elif t is list:
            save_list(obj)
        elif t is dict:
            save_dict(obj)
        elif obj is None:
            op(78)  # N
        elif t is bool:
            op(84 if obj else 70)  # T / F
        else:
            save_other(obj, t)

    def save_int(x):
        if 0 <= x < 65536:
            if x < 256:
                op(107)  # k
                raw(x)
            else:
                op(104)  # h
                raw(x & 255)
                raw(x >> 8)
        elif -_BIG < x < _BIG:
            op(105)  # i
            num(str(x))
        else:
            op(73)  # I
            num(hex(x))

    # The container loops inline str, int, float and None: most items are
    # those, and a call per item is most of the cost on the VM.

    def save_tuple(obj):
        n = len(obj)
        if not n:
            op(40)  # (
            return
        d = id(obj)
        if d in memo:
            get(memo[d])
            return
        simple = True  # only atoms inside: it cannot have been reached again
        for x in obj:
            t = type(x)
            if t is str:
                text(x)
                op(115)
            elif t is int:
                if 0 <= x < 65536:
                    if x < 256:
                        op(107)
                        raw(x)
                    else:
                        op(104)
                        raw(x & 255)
                        raw(x >> 8)
                else:
                    save_int(x)
            elif t is float:
                op(102)
                num(repr(x))
            elif x is None:
                op(78)
            else:
                simple = False
                save(x)
        if not simple and d in memo:  # reached again through its items: that copy is it
            op(100)  # d
            count(n)
            get(memo[d])
            return
        if n < 4:
            op(48 + n)  # 1 2 3
        else:
            op(116)  # t
            count(n)
        memo[d] = len(memo)

    def save_list(obj):
        d = id(obj)
        if d in memo:
            get(memo[d])
            return
        memo[d] = len(memo)
        op(91)  # [
        if not obj:
            return
        n = 0
        for x in obj:
            n += 1
            t = type(x)
            if t is str:
                text(x)
                op(115)
            elif t is tuple:
                save_tuple(x)
            elif t is int:
                if 0 <= x < 256:
                    op(107)
                    raw(x)
                else:
                    save_int(x)
            elif t is float:
                op(102)
                num(repr(x))
            elif x is None:
                op(78)
            else:
                save(x)
        op(97)  # a
        count(n)

    def save_dict(obj):
        d = id(obj)
        if d in memo:
            get(memo[d])
            return
        memo[d] = len(memo)
        op(123)  # {
        if not obj:
            return
        for k, x in obj.items():
            if type(k) is str:
                text(k)
                op(115)
            else:
                save(k)
            t = type(x)
            if t is str:
                text(x)
                op(115)
            elif t is int:
                save_int(x)
            elif t is float:
                op(102)
                num(repr(x))
            elif x is None:
                op(78)
            else:
                save(x)
        op(117)  # u
        count(len(obj))

    def save_items(items, opcode):
        """Items for an a/u/A opcode: `items` a list (pairs flattened for u)."""
        keep.append(items)
        for x in items:
            save(x)
        op(opcode)
        count(len(items) // 2 if opcode == 117 else len(items))

    def save_temp(obj):
        keep.append(obj)
        save(obj)

    def memoize(obj):
        """After an R or n: memoize obj, or, if pickling its arguments
        reached it already, use that copy."""
        d = id(obj)
        if d in memo:
            op(100)
            count(1)
            get(memo[d])
        else:
            memo[d] = len(memo)
            op(112)  # p

    def save_other(obj, t):
        d = id(obj)
        if d in memo:
            get(memo[d])
            return
        if t is bytes:
            op(98)  # b
            count(len(obj))
            blobs.append(obj)
            memo[d] = len(memo)
        elif t is set:
            memo[d] = len(memo)
            op(83)  # S
            if obj:
                save_items(list(obj), 65)  # A
        elif t is frozenset:
            items = list(obj)
            for x in items:
                save(x)
            if d in memo:
                op(100)
                count(len(items))
                get(memo[d])
                return
            op(122)  # z
            count(len(items))
            memo[d] = len(memo)
        elif obj is ...:
            op(69)  # E
        # Built-in kinds first, then a dispatch_table, a class's own
        # __reduce_ex__ / __reduce__, exceptions, plain instances (CPython's order).
        elif t is _FunctionType:
            save_global(obj)
        elif isinstance(obj, type):
            if obj in _SINGLETON_TYPES:
                save_reduce(obj, (type, (_SINGLETON_TYPES[obj],)))
            elif d in _NAMES:
                save_global(obj, _NAMES[d][1], _NAMES[d][0])
            else:
                save_global(obj)
        elif t is _BuiltinType:
            name = _NAMES.get(d)
            if name is not None:
                save_global(obj, name[1], name[0])
            elif getattr(obj, "__module__", None) is not None:
                save_global(obj)  # CPython's builtins carry their names
            else:
                raise TypeError("cannot pickle %r object" % _type_label(t))
        elif obj is NotImplemented:
            save_global(obj, "NotImplemented", "builtins")
        elif t is range:
            save_reduce(obj, (range, _range_args(obj)))
        elif t is _deque:
            save_reduce(obj, (_deque, (list(obj), obj.maxlen)))
        elif t is object:
            save_reduce(obj, (object, ()))
        elif t is _MethodType:
            save_reduce(obj, (getattr, (obj.__self__, obj.__func__.__name__)))
        elif t is _complex:
            save_reduce(obj, (_complex, (obj.real, obj.imag)))
        elif t is _bytearray:
            save_reduce(obj, (_bytearray, (bytes(obj),)))
        elif t is _slice:
            save_reduce(obj, (_slice, (obj.start, obj.stop, obj.step)))
        else:
            reduce = dispatch_table.get(t) if dispatch_table is not None else None
            if reduce is not None:
                save_reduce(obj, reduce(obj))
                return
            reduce = getattr(t, "__reduce_ex__", None)
            if reduce is not None and reduce is not _OBJ_REDUCE_EX:
                save_reduce(obj, obj.__reduce_ex__(proto))
                return
            reduce = getattr(t, "__reduce__", None)
            if reduce is not None and reduce is not _OBJ_REDUCE:
                save_reduce(obj, obj.__reduce__())
            elif isinstance(obj, BaseException):
                save_reduce(obj, _exception_reduce(obj))
            else:
                save_instance(obj, t)

    def save_global(obj, name=None, module=None):
        if name is None:
            name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
        if module is None:
            module = getattr(obj, "__module__", None)
            if module is None and name is not None:
                module = _which_module(obj, name)
        if name is None or module is None:
            raise PicklingError("Can't pickle %r: it has no module and name" % (obj,))
        if "<locals>" in name.split("."):
            raise AttributeError("Can't pickle local object %r" % name)
        base = _namespace(module)
        if base is None and module == "__main__":
            base = _main_globals_of(obj)
            if base is not None:
                _register_main(base)
        if base is not None:
            found = _get_path(base, name)
            if found is _MISSING:
                raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" % (obj, name, module))
            if found is not obj:
                raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module, name))
        elif module != "__main__":
            raise PicklingError("Can't pickle %r: import of module %r failed" % (obj, module))
        # (A __main__ class without methods cannot be checked here: its name is trusted.)
        op(99)  # c
        text(module)
        text(name)
        memo[id(obj)] = len(memo)

    def save_reduce(obj, rv):
        if type(rv) is str:
            save_global(obj, rv)
            return
        if type(rv) is not tuple:
            raise PicklingError("__reduce__ must return a string or tuple")
        n = len(rv)
        if not 2 <= n <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        keep.append(rv)
        func, args = rv[0], rv[1]
        state = rv[2] if n > 2 else None
        listitems = rv[3] if n > 3 else None
        dictitems = rv[4] if n > 4 else None
        setter = rv[5] if n > 5 else None
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if type(args) is not tuple:
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if getattr(func, "__name__", None) == "__newobj__" and args:  # copyreg's convention
            save(args[0])
            save_temp(args[1:])
            op(110)  # n
        else:
            save(func)
            save(args)
            op(82)  # R
        if obj is not None:
            memoize(obj)
        if listitems is not None:
            save_items(list(listitems), 97)
        if dictitems is not None:
            flat = []
            for k, v in dictitems:
                flat.append(k)
                flat.append(v)
            save_items(flat, 117)
        if state is not None:
            if setter is None:
                save(state)
                op(66)  # B
            else:  # setter(obj, state), its result dropped
                save(setter)
                save_temp((obj, state))
                op(82)
                op(100)
                count(1)

    def save_instance(obj, t):
        """An instance of a class: cls.__new__(cls, *newargs), then its state,
        as CPython's object.__reduce_ex__(2) does."""
        if getattr(t, "__module__", None) == "builtins":  # a built-in type we do not know
            raise TypeError("cannot pickle %r object" % _type_label(t))
        getstate = getattr(t, "__getstate__", None)
        if getstate is not None and getstate is not _OBJ_GETSTATE:
            state = obj.__getstate__()
            has_state = True
        else:
            state = getattr(obj, "__dict__", None)
            has_state = state is not None
            slots = _slot_names(t)
            if slots is not None:
                has_state = True
            if slots:
                values = {}
                for name in slots:
                    v = getattr(obj, name, _MISSING)
                    if v is not _MISSING:
                        values[name] = v
                if values:
                    state = (state or None, values)
            if not state:
                state = None
        if not has_state and not isinstance(obj, (list, dict, set, tuple)):
            raise TypeError("cannot pickle %r object" % _type_label(t))
        if getattr(t, "__getnewargs__", None) is not None:
            args = obj.__getnewargs__()
        elif isinstance(obj, tuple):
            args = (tuple(obj),)
        else:
            args = ()
            for base in (int, float, str, bytes, frozenset):  # its value is set by __new__
                if isinstance(obj, base):
                    args = (base(obj),)
                    break
        keep.append(state)
        save(t)
        save_temp(args)
        op(110)  # n
        memoize(obj)
        if isinstance(obj, list):
            save_items(list(obj), 97)
        elif isinstance(obj, dict):
            flat = []
            for k, v in obj.items():
                flat.append(k)
                flat.append(v)
            save_items(flat, 117)
        elif isinstance(obj, set):
            save_items(list(obj), 65)
        if state is not None:
            save(state)
            op(66)  # B

    def finish():
        mode = 0
        if not strs:
            text_ = b""
        else:
            joined = "\0".join(strs)
            if joined.count("\0") == len(strs) - 1:
                text_ = joined.encode("utf-8", "surrogatepass")
            else:
                mode = 1
                parts = [s.encode("utf-8", "surrogatepass") for s in strs]
                text_ = (" ".join([str(len(p)) for p in parts]) + "\n").encode("ascii") + b"".join(parts)
        ops_ = bytes(ops)
        raw_b = bytes(raw_)
        nums_ = " ".join(nums).encode("ascii")
        blob = b"".join(blobs)
        head = ("%d %d %d %d %d %d %d" % (len(ops_), len(raw_b), len(nums_), len(text_), len(blob), len(strs),
                                          mode)).encode("ascii")
        return b"".join([_MAGIC, bytes([len(head)]), head, ops_, raw_b, nums_, text_, blob])

    try:
        save(obj)
        return finish()
    finally:
        # The functions reach each other through cells: a reference cycle,
        # which gillab (no cycle collector) would never free.
        count = get = save = save_int = save_tuple = save_list = save_dict = None
        save_items = save_temp = memoize = save_other = save_global = save_reduce = None
        save_instance = finish = None


_slot_cache = {}


class _Probe:
    def __init__(self):
        self.__m = 0


_MANGLES = "__m" not in _Probe().__dict__  # gillab does not mangle private names (yet)


def _slot_names(cls):
    """The slot attribute names of cls's instances; None if no class of its
    MRO declares __slots__."""
    try:
        return _slot_cache[cls]
    except KeyError:
        pass
    names = None
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__")
        if slots is None:
            continue
        if names is None:
            names = []
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if _MANGLES and name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            names.append(name)
    _slot_cache[cls] = names
    return names


def _exception_reduce(e):
    """As CPython's BaseException.__reduce__ (and OSError's, which adds the
    file names that its args leave out)."""
    args = e.args
    if isinstance(e, OSError) and len(args) == 2 and getattr(e, "filename", None) is not None:
        args = (args[0], args[1], e.filename)
        if getattr(e, "filename2", None) is not None:
            args = args + (None, e.filename2)
    state = getattr(e, "__dict__", None)
    return (type(e), args, state) if state else (type(e), args)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickled representation of obj as bytes (gillab's format)."""
    return _dumps(obj, _check_protocol(protocol), None)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj, protocol))


class Pickler:
    """CPython's Pickler: dump(obj) writes one pickle to the file; a
    dispatch_table (type -> reduce function) is honoured."""

    dispatch_table = None

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._file_write = file.write
        self.protocol = _check_protocol(protocol)

    def dump(self, obj):
        self._file_write(_dumps(obj, self.protocol, self.dispatch_table))

    def clear_memo(self):
        pass


# ---- unpickling ----

_CORRUPT = (IndexError, KeyError, ValueError, TypeError, AttributeError, OverflowError, UnicodeError)


def _header(head):
    """The seven numbers of a pickle's header (its ASCII text)."""
    try:
        fields = [int(x, 10) for x in head.decode("ascii").split(" ")]
    except (ValueError, UnicodeError):
        fields = ()
    if len(fields) != 7 or min(fields) < 0 or fields[6] > 1:
        raise UnpicklingError("invalid pickle header")
    return fields


def _check_magic(data):
    """data starts a pickle: its first 5 bytes (or all) checked; the header length."""
    if not data:
        raise EOFError("Ran out of input")
    if data[:4] != _MAGIC[:len(data)]:
        raise UnpicklingError("invalid load key, %r." % chr(data[0]))
    if len(data) < 5:
        raise UnpicklingError("pickle data was truncated")
    return data[4]


def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=(), _find=None):
    """The object pickled in data (bytes from dumps)."""
    if type(data) is not bytes:
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
    p = 5 + _check_magic(data)
    if len(data) < p:
        raise UnpicklingError("pickle data was truncated")
    nops, nraw, nnums, ntext, nblob, nstrs, mode = _header(data[5:p])
    if len(data) < p + nops + nraw + nnums + ntext + nblob:
        raise UnpicklingError("pickle data was truncated")
    ops = data[p:p + nops]
    p += nops
    raw = data[p:p + nraw]
    p += nraw
    try:
        nums = data[p:p + nnums].decode("ascii").split(" ") if nnums else []
        p += nnums
        strs = _strs(data[p:p + ntext], nstrs, mode)
    except (ValueError, IndexError, UnicodeError):
        raise UnpicklingError("pickle data was corrupt: bad text sections") from None
    p += ntext
    blob = data[p:p + nblob]
    return _run(ops, raw, nums, strs, blob, _find or _find_class)


def _strs(text, nstrs, mode):
    if not nstrs:
        if text:
            raise ValueError("text without strs")
        return []
    if mode == 0:
        try:
            strs = text.decode("utf-8").split("\0")
        except UnicodeDecodeError:  # lone surrogates: piece by piece
            strs = [_utf8(piece) for piece in text.split(b"\0")]
    else:
        head, body = text.split(b"\n", 1)  # (gillab's bytes has no partition)
        strs = []
        pos = 0
        for n in head.decode("ascii").split(" "):
            end = pos + int(n, 10)
            if end > len(body) or end < pos:
                raise ValueError("bad length")
            strs.append(_utf8(body[pos:end]))
            pos = end
        if pos != len(body):
            raise ValueError("bad length")
    if len(strs) != nstrs:
        raise ValueError("wrong number of strs")
    return strs


def _run(ops, raw, nums, strs, blob, find_class):
    """Run the opcodes (see the module docstring); the one object left."""
    stack = []
    push = stack.append
    memo = []
    put = memo.append
    j = a = s = b = 0  # next raw byte, nums token, str, blob byte
    user = False  # inside user code: its exceptions are its own
    try:
        for op in ops:
            if op == 115:  # s
                push(strs[s])
                s += 1
            elif op == 107:  # k
                push(raw[j])
                j += 1
            elif op == 104:  # h
                push(raw[j] | raw[j + 1] << 8)
                j += 2
            elif op == 102:  # f
                push(float(nums[a]))
                a += 1
            elif op == 51:  # 3
                x = (stack[-3], stack[-2], stack[-1])
                del stack[-3:]
                push(x)
                put(x)
            elif op == 50:  # 2
                x = (stack[-2], stack[-1])
                del stack[-2:]
                push(x)
                put(x)
            elif op == 49:  # 1
                x = (stack[-1],)
                stack[-1] = x
                put(x)
            elif op == 116:  # t n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                k = len(stack) - n
                if k < 0:
                    raise IndexError("stack underflow")
                x = tuple(stack[k:])
                del stack[k:]
                push(x)
                put(x)
            elif op == 105:  # i
                push(int(nums[a], 10))
                a += 1
            elif op == 78:  # N
                push(None)
            elif op == 97 or op == 117 or op == 65:  # a / u / A n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                k = len(stack) - (n * 2 if op == 117 else n)
                if k < 1:
                    raise IndexError("stack underflow")
                items = stack[k:]
                del stack[k:]
                x = stack[-1]
                t = type(x)
                if op == 97 and t is list:
                    x.extend(items)
                elif op == 117 and t is dict:
                    x.update(zip(items[::2], items[1::2]))
                elif op == 65 and t is set:
                    x.update(items)
                else:
                    user = True
                    if op == 97:
                        x.extend(items)
                    elif op == 117:
                        for i in range(0, len(items), 2):
                            x[items[i]] = items[i + 1]
                    else:
                        x.update(items)
                    user = False
            elif op == 91:  # [
                x = []
                push(x)
                put(x)
            elif op == 123:  # {
                x = {}
                push(x)
                put(x)
            elif op == 103:  # g n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                push(memo[n])
            elif op == 40:  # (
                push(())
            elif op == 84:  # T
                push(True)
            elif op == 70:  # F
                push(False)
            elif op == 99:  # c
                module = strs[s]
                name = strs[s + 1]
                s += 2
                user = True
                x = find_class(module, name)
                user = False
                push(x)
                put(x)
            elif op == 110:  # n
                args = stack.pop()
                cls = stack.pop()
                if not isinstance(cls, type) or type(args) is not tuple:
                    raise TypeError("n needs a class and an args tuple")
                user = True
                x = cls.__new__(cls, *args)
                user = False
                push(x)
            elif op == 82:  # R
                args = stack.pop()
                func = stack.pop()
                if not callable(func) or type(args) is not tuple:
                    raise TypeError("R needs a callable and an args tuple")
                user = True
                x = func(*args)
                user = False
                push(x)
            elif op == 112:  # p
                put(stack[-1])
            elif op == 66:  # B
                state = stack.pop()
                user = True
                _build(stack[-1], state)
                user = False
            elif op == 98:  # b n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                x = blob[b:b + n]
                if len(x) != n:
                    raise IndexError("blob overrun")
                b += n
                push(x)
                put(x)
            elif op == 73:  # I
                push(_int_from_hex(nums[a]))
                a += 1
            elif op == 83:  # S
                x = set()
                push(x)
                put(x)
            elif op == 122:  # z n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                k = len(stack) - n
                if k < 0:
                    raise IndexError("stack underflow")
                x = frozenset(stack[k:])
                del stack[k:]
                push(x)
                put(x)
            elif op == 100:  # d n
                n = raw[j]
                j += 1
                if n == 255:
                    n = int(nums[a], 10)
                    a += 1
                k = len(stack) - n
                if k < 0:
                    raise IndexError("stack underflow")
                del stack[k:]
            elif op == 69:  # E
                push(...)
            else:
                raise UnpicklingError("invalid opcode %r" % chr(op))
    except _CORRUPT as e:
        if user:
            raise
        raise UnpicklingError("pickle data was corrupt: %s" % e) from None
    if len(stack) != 1 or j != len(raw) or a != len(nums) or s != len(strs) or b != len(blob):
        raise UnpicklingError("pickle data was corrupt: %s" % (
            "%d objects left on the stack" % len(stack) if len(stack) != 1 else "sections not fully read"))
    return stack[0]


def _build(obj, state):
    setstate = getattr(obj, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if type(state) is tuple and len(state) == 2:
        state, slotstate = state
    if state:
        d = obj.__dict__
        for k, v in state.items():
            d[k] = v
    if slotstate:
        for k, v in slotstate.items():
            setattr(obj, k, v)


def _read_exact(file, n, parts):
    while n > 0:
        chunk = file.read(n)
        if not chunk:
            raise UnpicklingError("pickle data was truncated")
        parts.append(chunk)
        n -= len(chunk)


def _read_pickle(file):
    """One pickle's bytes from a file: exactly its length, which the header
    gives, so several pickles can follow each other on a stream."""
    parts = []
    first = file.read(5)
    if first and len(first) < 5:
        _read_exact(file, 5 - len(first), parts)
        first = first + b"".join(parts)
        parts = []
    hlen = _check_magic(first)
    _read_exact(file, hlen, parts)
    head = b"".join(parts)
    parts = [first, head]
    _read_exact(file, sum(_header(head)[:5]), parts)
    return b"".join(parts)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return loads(_read_pickle(file))


class Unpickler:
    """CPython's Unpickler: load() reads one pickle from the file; a subclass
    may override find_class(module, name)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        self._file = file

    def find_class(self, module, name):
        return _find_class(module, name)

    def load(self):
        return loads(_read_pickle(self._file), _find=self.find_class)
