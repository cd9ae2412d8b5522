"""types: names for the interpreter's own types, and SimpleNamespace.

The part of CPython's Lib/types.py that gillab has (its types are found the
same way: by asking type() of an example). Absent: CodeType, FrameType,
TracebackType, MappingProxyType and the coroutine helpers (gillab has no
frame, traceback or mappingproxy objects), AsyncGeneratorType (no async
generators). new_class, prepare_class and resolve_bases as CPython's (no
__mro_entries__: bases are taken as they are).
"""
import sys as _sys


def _function():
    pass


FunctionType = type(_function)
LambdaType = type(lambda: None)


def _generator():
    yield 1


GeneratorType = type(_generator())


async def _coroutine():
    pass


_c = _coroutine()
CoroutineType = type(_c)
_c.close()
del _c


class _C:
    def _method(self):
        pass


MethodType = type(_C()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _C


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made
    with; repr and == as CPython's types.SimpleNamespace."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")  # 3.11; 3.13 takes a mapping
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return "%s(%s)" % (name, ", ".join(items))

    # CPython's is the C type types.SimpleNamespace, named so in messages.
    def _type_name(self):
        return "types.SimpleNamespace" if type(self) is SimpleNamespace else type(self).__name__

    def __getattr__(self, name):
        raise AttributeError("'%s' object has no attribute '%s'" % (self._type_name(), name))

    def __hash__(self):
        raise TypeError("unhashable type: '%s'" % self._type_name())

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def resolve_bases(bases):
    """The bases as given (gillab has no __mro_entries__)."""
    return bases


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        "subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """The metaclass, the namespace its __prepare__ makes, and the keywords left."""
    kwds = {} if kwds is None else dict(kwds)
    meta = kwds.pop('metaclass', type(bases[0]) if bases else type)
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """A class made as a class statement would make it; exec_body fills the namespace."""
    bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    return meta(name, bases, ns, **kwds)
