"""types: names for the interpreter's own types, and SimpleNamespace.

The part of CPython's Lib/types.py that gillab has (its types are found the
same way: by asking type() of an example). Absent: CodeType, FrameType,
TracebackType, MappingProxyType and the coroutine helpers (gillab has no
frame, traceback or mappingproxy objects), AsyncGeneratorType (no async
generators); new_class and prepare_class (no metaclasses other than type).
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
