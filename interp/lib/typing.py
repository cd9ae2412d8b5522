"""typing: the names programs import for annotations (Dict, List, Tuple,
Optional, Union, Any, Callable, ...), subscriptable, with CPython 3.11's
reprs. gillab checks no types: annotations are evaluated and stored, as in
CPython, and otherwise ignored."""

__all__ = ["Any", "Callable", "ClassVar", "Dict", "FrozenSet", "Generic", "Iterable", "Iterator",
           "List", "Mapping", "MutableMapping", "NamedTuple", "NoReturn", "Optional", "Protocol",
           "Sequence", "Set", "Tuple", "Type", "TypeVar", "Union", "cast", "overload",
           "TYPE_CHECKING", "Generator", "Awaitable", "Coroutine", "AsyncIterator", "Deque",
           "DefaultDict", "Counter", "Final", "Literal", "TypedDict", "get_type_hints", "no_type_check"]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    return repr(obj)


class _Alias:
    """typing.Dict, typing.Dict[str, int], typing.Optional[int], ..."""

    def __init__(self, name, origin=None, args=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError("%s is already subscripted" % self)
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            return _Alias("Optional", self.__origin__, params)
        if self._name == "Union" and len(params) == 1:
            return params[0]
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Type %s cannot be instantiated" % self._name)
        return self.__origin__(*args, **kwargs)

    def __repr__(self):
        if self.__args__ is None:
            return "typing." + self._name
        if self._name == "Callable" and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            inner = "[%s], %s" % (", ".join(_type_repr(a) for a in self.__args__[0]), _type_repr(self.__args__[1]))
        elif self._name == "Tuple" and self.__args__ == ((),):
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return "typing.%s[%s]" % (self._name, inner)

    def __eq__(self, other):
        return isinstance(other, _Alias) and (self._name, self.__args__) == (other._name, other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __mro_entries__(self, bases):
        return (self.__origin__,) if self.__origin__ is not None else ()


Any = _Alias("Any")
NoReturn = _Alias("NoReturn")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
Union = _Alias("Union")
Optional = _Alias("Optional")
Callable = _Alias("Callable")
Dict = _Alias("Dict", dict)
List = _Alias("List", list)
Tuple = _Alias("Tuple", tuple)
Set = _Alias("Set", set)
FrozenSet = _Alias("FrozenSet", frozenset)
Type = _Alias("Type", type)
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
AsyncIterator = _Alias("AsyncIterator")
Deque = _Alias("Deque")
DefaultDict = _Alias("DefaultDict")
Counter = _Alias("Counter")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class Generic:
    """Base of user generic classes: Stack(Generic[T]) and Stack[int]."""

    def __class_getitem__(cls, params):
        return cls


class _GenericAlias(_Alias):
    pass


Generic = _Alias("Generic", Generic)
Protocol = _Alias("Protocol", object)


def cast(typ, val):
    return val


def overload(func):
    return func


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, "__annotations__", {}) or {})


def NamedTuple(typename, fields=None, **kwargs):
    import collections
    if fields is None:
        fields = kwargs.items()
    return collections.namedtuple(typename, [name for name, _ in fields])


def TypedDict(typename, fields=None, **kwargs):
    return dict
