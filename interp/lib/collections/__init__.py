"""collections: deque (C++, from _collections), defaultdict, OrderedDict,
Counter, namedtuple and ChainMap, with CPython's behaviour and reprs.

defaultdict, OrderedDict and Counter are dict subclasses: a missing key
reaches __missing__ as in CPython's dict. namedtuple builds a tuple subclass
whose fields are read-only descriptors reading the items.

The classes above do not use collections.abc, so for them "is a Mapping"
means a dict or a ChainMap, and the views ChainMap returns (KeysView,
ItemsView, ValuesView) are defined below with the set operations of
CPython's (collections.abc registers them as its views).

UserDict, UserList and UserString (in _user.py, made on first use) wrap a
dict, list or str in .data and take their mixin methods from
collections.abc, as CPython's.
"""

from _collections import deque
import sys as _sys

try:
    from _thread import get_ident as _get_ident
except ImportError:
    def _get_ident():
        return 0

__all__ = ["deque", "defaultdict", "OrderedDict", "Counter", "namedtuple", "ChainMap",
           "UserDict", "UserList", "UserString"]


def _recursive_repr(method):
    """A __repr__ that prints '...' for an object already being printed
    (an OrderedDict or ChainMap holding itself), per thread."""
    running = set()

    def wrapper(self):
        key = (id(self), _get_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            return method(self)
        finally:
            running.discard(key)

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def _is_mapping(obj):
    return isinstance(obj, (dict, ChainMap))


def _is_setlike(obj):
    return isinstance(obj, (set, frozenset, _KeysView, _ItemsView, _dict_keys, _dict_items))


_dict_keys = type({}.keys())
_dict_items = type({}.items())


# ---------------------------------------------------------------- views

class _MappingView:
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)


class _SetViewOps:
    """The operators of a set-like view: comparisons with other set-likes,
    and &, |, -, ^ with any iterable, giving plain sets."""
    __slots__ = ()

    def __le__(self, other):
        if not _is_setlike(other):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not _is_setlike(other):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __ge__(self, other):
        if not _is_setlike(other):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __gt__(self, other):
        if not _is_setlike(other):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not _is_setlike(other):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __and__(self, other):
        if not hasattr(other, "__iter__"):
            return NotImplemented
        return set(value for value in other if value in self)

    __rand__ = __and__

    def __or__(self, other):
        if not hasattr(other, "__iter__"):
            return NotImplemented
        result = set(self)
        result.update(other)
        return result

    __ror__ = __or__

    def __sub__(self, other):
        if not hasattr(other, "__iter__"):
            return NotImplemented
        if not _is_setlike(other):
            other = set(other)
        return set(value for value in self if value not in other)

    def __rsub__(self, other):
        if not hasattr(other, "__iter__"):
            return NotImplemented
        return set(value for value in other if value not in self)

    def __xor__(self, other):
        if not hasattr(other, "__iter__"):
            return NotImplemented
        if not _is_setlike(other):
            other = set(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True


class _KeysView(_SetViewOps, _MappingView):
    __slots__ = ()

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)


class _ItemsView(_SetViewOps, _MappingView):
    __slots__ = ()

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class _ValuesView(_MappingView):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


def _public_name(cls, name):
    # Private here (CPython's collections has no such names), but printed
    # and reported under CPython's names.
    cls.__name__ = name
    cls.__qualname__ = name


_public_name(_KeysView, "KeysView")
_public_name(_ItemsView, "ItemsView")
_public_name(_ValuesView, "ValuesView")


# ---------------------------------------------------------------- defaultdict

class defaultdict(dict):
    # The factory is positional-only: defaultdict(default_factory=int) is a
    # plain item, as in CPython.
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.default_factory, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(dict.items(self))

    # The result keeps the factory (and type) of whichever side is a defaultdict.
    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    # dict's |= (which takes pairs too) is not found once __or__ is defined
    # here, so spell it out.
    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------- OrderedDict

class _OdictKeys(_KeysView):
    __slots__ = ()

    def __iter__(self):
        return iter(dict.keys(self._mapping))

    def __reversed__(self):
        return reversed(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self))


class _OdictItems(_ItemsView):
    __slots__ = ()

    def __contains__(self, item):
        key, value = item
        if not dict.__contains__(self._mapping, key):
            return False
        v = dict.__getitem__(self._mapping, key)
        return v is value or v == value

    def __iter__(self):
        return iter(dict.items(self._mapping))

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield (key, dict.__getitem__(mapping, key))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self))


class _OdictValues(_ValuesView):
    __slots__ = ()

    def __iter__(self):
        return iter(dict.values(self._mapping))

    def __contains__(self, value):
        for v in dict.values(self._mapping):
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield dict.__getitem__(mapping, key)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self))


_public_name(_OdictKeys, "odict_keys")
_public_name(_OdictItems, "odict_items")
_public_name(_OdictValues, "odict_values")


class OrderedDict(dict):
    """A dict that also reorders: move_to_end and popitem(last=False).
    (Plain dicts keep insertion order already.)"""

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            # A dict only appends, so put the key first by rebuilding.
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def keys(self):
        return _OdictKeys(self)

    def items(self):
        return _OdictItems(self)

    def values(self):
        return _OdictValues(self)

    @_recursive_repr
    def __repr__(self):
        if not self:
            return "%s()" % (type(self).__name__,)
        return "%s(%r)" % (type(self).__name__, list(dict.items(self)))

    # Order matters only when both sides are OrderedDicts.
    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(dict.keys(self), dict.keys(other)):
                if not (a is b or a == b):
                    return False
            return True
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (), None, None, iter(dict.items(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------- Counter

class Counter(dict):
    """A dict of counts; missing elements count zero."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        # sorted is stable: equal counts keep their first-seen order, as CPython.
        items = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return items
        if n <= 0:
            return []
        return items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        # Several keys with one shared count has no good meaning.
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per element seen."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    # Nothing to add to: take the counts as they are.
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like update, but subtracting; counts may go to zero or below."""
        if iterable is not None:
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        # Deleting a missing element is fine: its count is zero either way.
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            # Counts that do not order among themselves: insertion order.
            d = dict(self)
        return "%s(%r)" % (type(self).__name__, d)

    # Comparisons are multiset ones: a missing element counts zero, so
    # Counter(a=0) == Counter().
    def _all_counts(self, other, test):
        for c in (self, other):
            for elem in c:
                if not test(self[elem], other[elem]):
                    return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _eq)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _le)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _ge)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Binary operators build a plain Counter holding only positive counts.
    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    # In-place operators change self and then drop the non-positive counts.
    # Like CPython they take any mapping on the right (only .items() is used).
    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            if other_count > self[elem]:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(pair):
    return pair[1]


def _eq(a, b):
    return a == b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


# ---------------------------------------------------------------- namedtuple

# keyword.kwlist of 3.11 (there is no keyword module here).
_KEYWORDS = frozenset([
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
])


def _name_list(names):
    """'a', 'a' and 'b', 'a', 'b', and 'c': how CPython lists missing arguments."""
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return "%s and %s" % (quoted[0], quoted[1])
    return "%s, and %s" % (", ".join(quoted[:-1]), quoted[-1])


class _FieldGetter:
    # A namedtuple field: reads item `index`, cannot be set or deleted.
    # (No docstring: each instance carries its own __doc__.)

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj[self.index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass with named fields, as CPython's namedtuple."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith("_") or name in seen):
                field_names[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)
    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[nfields - len(defaults):], defaults))
    arg_list = ", ".join(fields)
    new_name = typename + ".__new__"

    # There is no exec to write __new__(_cls, x, y) out, so its argument
    # errors are made here, in the order CPython checks: keywords first,
    # then too many positionals, then missing ones.
    def __new__(*args, **kwargs):
        if kwargs:
            params = ("_cls",) + fields
            for name in kwargs:
                if name not in params:
                    raise TypeError("%s() got an unexpected keyword argument '%s'" % (new_name, name))
                if params.index(name) < len(args):
                    raise TypeError("%s() got multiple values for argument '%s'" % (new_name, name))
        if len(args) > nfields + 1 or not args:
            most = nfields + 1
            least = most - len(field_defaults)
            if least == most:
                takes = "%d positional argument%s" % (most, "" if most == 1 else "s")
            else:
                takes = "from %d to %d positional arguments" % (least, most)
            raise TypeError("%s() takes %s but %d %s given" % (
                new_name, takes, len(args), "was" if len(args) == 1 else "were"))
        cls = args[0]
        values = list(args[1:])
        missing = []
        for name in fields[len(values):]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            raise TypeError("%s() missing %d required positional argument%s: %s" % (
                new_name, len(missing), "" if len(missing) == 1 else "s", _name_list(missing)))
        return tuple.__new__(cls, values)

    __new__.__doc__ = "Create new instance of %s(%s)" % (typename, arg_list)
    if defaults is not None:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError("Expected %d arguments, got %d" % (nfields, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else value
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return "%s(%s)" % (self.__class__.__name__,
                           ", ".join("%s=%r" % (name, value) for name, value in zip(fields, self)))

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = typename + "." + method.__name__

    namespace = {
        "__doc__": "%s(%s)" % (typename, arg_list),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": staticmethod(__new__),
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _FieldGetter(index, "Alias for field number %d" % index)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    namespace["__module__"] = module
    return type(typename, (tuple,), namespace)


# ---------------------------------------------------------------- ChainMap

class ChainMap:
    """Several mappings searched in order; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        # Ask each mapping (not `key in`), so a defaultdict or Counter
        # inside answers for missing keys as it would alone.
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # Keys in first-seen order walking from the last mapping to the first.
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __reversed__(self):
        # A Mapping is not reversible (collections.abc sets __reversed__ = None).
        raise TypeError("'%s' object is not reversible" % type(self).__name__)

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """A new ChainMap with a shallow copy of the first mapping."""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def clear(self):
        self.maps[0].clear()

    # The MutableMapping methods CPython's ChainMap inherits.
    def keys(self):
        return _KeysView(self)

    def items(self):
        return _ItemsView(self)

    def values(self):
        return _ValuesView(self)

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self



# UserDict, UserList and UserString (collections/_user.py) take their mixin
# methods from collections.abc, whose import costs ~10 ms: they are made on
# first use through the module's __getattr__ (PEP 562), so a program that
# only uses deque or defaultdict does not pay for it.
def __getattr__(name):
    if name in ("UserDict", "UserList", "UserString"):
        from collections import _user
        value = getattr(_user, name)
        globals()[name] = value
        return value
    raise AttributeError("module 'collections' has no attribute '%s'" % name)
