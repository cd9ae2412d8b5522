"""weakref: ref, WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet
and finalize, over the VM's weak references (the native _weakref).

Written for gillab after CPython 3.11's documentation and Lib/weakref.py.
A dictionary's entry goes away when its weakly held key or value dies (the
callback runs at once: gillab has no pending-removal queue, so iterating a
weak dictionary while the program drops its objects can raise RuntimeError
as a plain dict would). Differences: no proxy() (NotImplementedError);
WeakMethod is not a subclass of ref (gillab cannot subclass ref), so
isinstance(wm, ref) is False; finalize objects still alive at exit are not
called (gillab has no atexit hook for them).
"""

from _weakref import getweakrefcount, getweakrefs, ref

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "ReferenceType",
           "ProxyType", "CallableProxyType", "ProxyTypes", "WeakValueDictionary", "WeakSet",
           "WeakMethod", "finalize"]

ReferenceType = ref


class ProxyType:
    """Not available in gillab (no weak proxies)."""


CallableProxyType = ProxyType
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None):
    raise NotImplementedError("weakref.proxy is not supported by gillab yet")


class WeakMethod:
    """A weak reference to a bound method: alive while both its object and
    its function are; calling it gives the bound method again, or None."""

    __slots__ = ("_obj_ref", "_func_ref", "_alive", "__weakref__")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self_ref = ref(self)

        def _cb(arg):
            me = self_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)
        self._alive = True

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return self._obj_ref != other._obj_ref or self._func_ref != other._func_ref
        return NotImplemented

    def __hash__(self):
        return hash((self._obj_ref, self._func_ref))

    def __repr__(self):
        meth = self()
        if meth is None:
            return "<weakref.WeakMethod at %#x; dead>" % id(self)
        return "<weakref.WeakMethod at %#x; to %r>" % (id(self), meth)


def _remover(container_ref, key):
    """The callback of a weak dictionary's value reference: drops the entry
    if it still holds that reference."""
    def remove(wr):
        self = container_ref()
        if self is not None and self.data.get(key) is wr:
            del self.data[key]
    return remove


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes away when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self._self_ref = ref(self)
        self.update(other, **kw)

    def _ref(self, key, value):
        return ref(value, _remover(self._self_ref, key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    keys = __iter__

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def values(self):
        for wr in list(self.data.values()):
            v = wr()
            if v is not None:
                yield v

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    _missing = object()

    def pop(self, key, *args):
        o = self.data.pop(key)()
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = self._ref(key, default)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def clear(self):
        self.data.clear()

    def copy(self):
        new = WeakValueDictionary()
        for key, o in self.items():
            new[key] = o
        return new

    __copy__ = copy


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes away when its key
    dies. Keys must be hashable and weakly referenceable."""

    def __init__(self, dict=None):
        self.data = {}
        self_ref = ref(self)

        def remove(k):
            self = self_ref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if len(kwargs):
            self.update(kwargs)

    def clear(self):
        self.data.clear()


class WeakSet:
    """A set whose elements are held weakly: an element goes away when it dies."""

    def __init__(self, data=None):
        self.data = set()
        self_ref = ref(self)

        def _remove(item):
            self = self_ref()
            if self is not None:
                self.data.discard(item)

        self._remove = _remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        return self.__class__(item for item in self if item not in other)

    __sub__ = difference

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def union(self, other):
        return self.__class__(list(self) + list(other))

    __or__ = union

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == other.data


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs)
    once, when obj dies or when the finalizer is called, whichever is first."""

    __slots__ = ("_ref", "_func", "_args", "_kwargs", "__weakref__")
    _registry = {}  # keeps live finalizers alive

    def __init__(self, obj, func, /, *args, **kwargs):
        self_ref = ref(self)

        def _cb(wr):
            me = self_ref()
            if me is not None:
                me()

        self._ref = ref(obj, _cb)
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        finalize._registry[id(self)] = self

    def __call__(self, _=None):
        """Calls func if still alive; its result, else None."""
        if finalize._registry.pop(id(self), None) is not None:
            func, args, kwargs = self._func, self._args, self._kwargs
            self._func = self._args = self._kwargs = None
            return func(*args, **kwargs)
        return None

    def detach(self):
        """(obj, func, args, kwargs) if alive, and kills it; else None."""
        obj = self._ref()
        if obj is not None and finalize._registry.pop(id(self), None) is not None:
            info = (obj, self._func, self._args, self._kwargs)
            self._func = self._args = self._kwargs = None
            return info
        return None

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        obj = self._ref()
        if obj is not None and id(self) in finalize._registry:
            return (obj, self._func, self._args, self._kwargs)
        return None

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        return id(self) in finalize._registry

    @property
    def atexit(self):
        """CPython calls live finalizers with atexit True at exit; gillab does not."""
        return True

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))
