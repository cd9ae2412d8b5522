"""functools: reduce, partial, partialmethod, lru_cache/cache, wraps/
update_wrapper, cmp_to_key, total_ordering, cached_property, singledispatch,
singledispatchmethod (CPython 3.11's API, written for gillab).

singledispatch follows CPython's dispatch on the class's MRO, with the
abstract base classes among the registered types merged into it as CPython
does, except that CPython's tie-breaking through the ABCs' known subclasses
(type.__subclasses__, which gillab lacks) is left out; `registry` is a
read-only view whose repr imitates mappingproxy. The dispatch cache holds
its classes strongly and is bypassed while an ABC is registered (gillab's
abc has no cache token to say when a virtual subclass was added).
"""
from _thread import RLock
from types import MappingProxyType as _MappingProxyType

__all__ = ["update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "total_ordering", "cache",
           "cmp_to_key", "lru_cache", "reduce", "partial", "partialmethod", "singledispatch",
           "singledispatchmethod", "cached_property"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]): CPython 3.11's reduce is a C
    function taking its arguments by position only."""
    if kwargs:
        raise TypeError("reduce() takes no keyword arguments")
    if len(args) < 2:
        raise TypeError("reduce expected at least 2 arguments, got %d" % len(args))
    if len(args) > 3:
        raise TypeError("reduce expected at most 3 arguments, got %d" % len(args))
    function, sequence = args[0], args[1]
    initial = args[2] if len(args) == 3 else _initial_missing
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """partial(func, *args, **keywords): func with some arguments fixed."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(%s)" % ", ".join(parts)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass  # gillab's functions keep their own name and module
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except AttributeError:
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def total_ordering(cls):
    """Fills in the missing rich comparisons from __eq__ and one of them."""
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]

    def from_lt(self, other, op):
        lt = self.__lt__(other)
        if lt is NotImplemented:
            return NotImplemented
        eq = self == other
        return {"__le__": lt or eq, "__gt__": not lt and not eq, "__ge__": not lt}[op]

    def from_le(self, other, op):
        le = self.__le__(other)
        if le is NotImplemented:
            return NotImplemented
        eq = self == other
        return {"__lt__": le and not eq, "__gt__": not le, "__ge__": not le or eq}[op]

    def from_gt(self, other, op):
        gt = self.__gt__(other)
        if gt is NotImplemented:
            return NotImplemented
        eq = self == other
        return {"__lt__": not gt and not eq, "__ge__": gt or eq, "__le__": not gt}[op]

    def from_ge(self, other, op):
        ge = self.__ge__(other)
        if ge is NotImplemented:
            return NotImplemented
        eq = self == other
        return {"__le__": not ge or eq, "__gt__": ge and not eq, "__lt__": not ge}[op]

    derive = {"__lt__": from_lt, "__le__": from_le, "__gt__": from_gt, "__ge__": from_ge}[root]

    def make(op):
        def method(self, other):
            return derive(self, other, op)
        method.__name__ = op
        return method

    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        if op not in defined:
            setattr(cls, op, make(op))
    return cls


class CacheInfo(tuple):
    """lru_cache's statistics: a named tuple (hits, misses, maxsize,
    currsize)."""

    __slots__ = ()
    _fields = ("hits", "misses", "maxsize", "currsize")

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

    def _asdict(self):
        return dict(zip(self._fields, self))


_CacheInfo = CacheInfo


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,) + tuple(kwds.items())
    if typed:
        key = key + tuple(type(v) for v in args)
        if kwds:
            key = key + tuple(type(v) for v in kwds.values())
    return key


_kwd_mark = object()


def lru_cache(maxsize=128, typed=False):
    """A least-recently-used cache of a function's results (dict order is
    the recency order: a hit moves its key to the end)."""
    if callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError("Expected first argument to be an integer, a callable, or None")
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses
    sentinel = object()

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        result = cache.get(key, sentinel)
        if result is not sentinel:
            stats[0] += 1
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance: the value is stored in the
    instance's __dict__ under the same name, which then hides the
    descriptor."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        # One computation per instance even when threads race (gillab's
        # fine-grained builds run them in parallel).
        self.lock = RLock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names "
                            "(%r and %r)." % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property."
                            % (type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            with self.lock:
                val = cache.get(self.attrname, _NOT_FOUND)
                if val is _NOT_FOUND:
                    val = self.func(instance)
                    try:
                        cache[self.attrname] = val
                    except TypeError:
                        raise TypeError("The '__dict__' attribute on %r instance does not support item "
                                        "assignment for caching %r property."
                                        % (type(instance).__name__, self.attrname)) from None
        return val


class partialmethod:
    """partial for methods: partialmethod(func, *args, **keywords) in a
    class body binds like func and then fixes the arguments."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join(repr(a) for a in self.args)
        keywords = ", ".join("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "%s.%s(%r, %s, %s)" % (type(self).__module__, type(self).__qualname__, self.func, args, keywords)

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            # A descriptor that produced something new (a bound method, a
            # classmethod's binding): fix the arguments on that.
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ------------------------------------------------------------ singledispatch

def _c3_merge(sequences):
    """The C3 linearization of the given lists of classes."""
    result = []
    sequences = [list(s) for s in sequences]
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            return result
        for s in sequences:
            head = s[0]
            # A good head appears in no other list's tail.
            if not any(head in other[1:] for other in sequences):
                break
        else:
            raise RuntimeError("Inconsistent hierarchy")
        result.append(head)
        for s in sequences:
            if s[0] is head:
                del s[0]


def _c3_mro(cls, abcs):
    """cls's MRO with those of the abcs that cls implements merged in: an
    ABC goes right after the class that first implements it, behind the
    explicit bases up to the last one that is itself an ABC."""
    bases = cls.__bases__
    boundary = 0
    for i in range(len(bases) - 1, -1, -1):
        if hasattr(bases[i], "__abstractmethods__"):
            boundary = i + 1
            break
    abcs = list(abcs)
    explicit = list(bases[:boundary])
    others = list(bases[boundary:])
    introduced = [b for b in abcs if issubclass(cls, b) and not any(issubclass(x, b) for x in bases)]
    for b in introduced:
        abcs.remove(b)
    return _c3_merge([[cls]] + [_c3_mro(b, abcs) for b in explicit] + [_c3_mro(b, abcs) for b in introduced]
                     + [_c3_mro(b, abcs) for b in others] + [explicit, introduced, others])


def _compose_mro(cls, types):
    mro_set = set(cls.__mro__)
    related = [t for t in types
               if t not in mro_set and isinstance(t, type) and issubclass(cls, t)]
    # A type that is a base of another related type comes in with it.
    related = [t for t in related if not any(t is not o and t in o.__mro__ for o in related)]
    return _c3_mro(cls, related)


def _find_impl(cls, registry):
    mro = _compose_mro(cls, registry.keys())
    match = None
    for t in mro:
        if match is not None:
            # Two unrelated ABCs that cls implements only virtually, at the
            # same distance: refuse to guess.
            if (t in registry and t not in cls.__mro__ and match not in cls.__mro__
                    and not issubclass(match, t)):
                raise RuntimeError("Ambiguous dispatch: {} or {}".format(match, t))
            break
        if t in registry:
            match = t
    return registry.get(match)


_UnionType = type(int | str)


def _is_union_type(tp):
    if isinstance(tp, _UnionType):
        return True
    origin = getattr(tp, "__origin__", None)
    if origin is not None and repr(origin) == "typing.Union":
        return True
    # gillab's typing spells Union[...] and Optional[...] as _Alias objects
    # without an __origin__.
    return getattr(tp, "_name", None) in ("Union", "Optional") and getattr(tp, "__args__", None) is not None


def _union_args(tp):
    args = tuple(getattr(tp, "__args__", ()))
    if getattr(tp, "_name", None) == "Optional" and type(None) not in args:
        args += (type(None),)
    return args


def _is_valid_dispatch_type(tp):
    if isinstance(tp, type):
        return True
    return _is_union_type(tp) and all(isinstance(a, type) for a in _union_args(tp))


def singledispatch(func):
    """A generic function dispatching on the class of its first argument:
    f.register(cls) (or @f.register on a function whose first parameter is
    annotated with a class or a union of classes) adds an implementation."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        impl = dispatch_cache.get(cls)
        if impl is None:
            impl = registry.get(cls)
            if impl is None:
                impl = _find_impl(cls, registry)
            if not any(hasattr(t, "__abstractmethods__") for t in registry):
                dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError("Invalid first argument to `register()`. "
                                "%r is not a class or union type." % (cls,))
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError("Invalid first argument to `register()`: %r. Use either "
                                "`@register(some_class)` or plain `@register` on an annotated function." % (cls,))
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(func).items()))
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError("Invalid annotation for %r. %r not all arguments are classes." % (argname, cls))
                raise TypeError("Invalid annotation for %r. %r is not a class." % (argname, cls))
        if _is_union_type(cls):
            for arg in _union_args(cls):
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
