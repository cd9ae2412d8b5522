"""dataclasses: @dataclass, field, fields, asdict, astuple, replace,
is_dataclass, FrozenInstanceError, MISSING.

Written for gillab after PEP 557 and CPython's Lib/dataclasses.py, with
one difference of means: CPython generates __init__ and friends as source
text and exec()s it; gillab has no exec, so they are closures over the
field list. What a program sees is the same: the fields in annotation order
(bases first), defaults and default_factory, __post_init__, InitVar and
ClassVar pseudo-fields, the repr "Point(x=1, y=2)", eq/order comparing field
tuples of the same class, frozen instances, __hash__ by CPython's table,
__match_args__, and the argument errors of a real __init__ signature.
Absent: slots=True, weakref_slot, kw_only, KW_ONLY, make_dataclass.
"""
import sys

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "MISSING", "fields", "asdict",
           "astuple", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()
_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class InitVar:
    """InitVar[T]: an __init__ parameter passed to __post_init__, not a field."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        return "dataclasses.InitVar[%s]" % getattr(self.type, "__name__", repr(self.type))


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self._kind = "field"  # or "classvar", "initvar"

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,"
                "metadata=%r,_field_type=_FIELD)" % (self.name, self.type, self.default, self.default_factory,
                                                      self.init, self.repr, self.hash, self.compare, self.metadata))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None):
    """Options of one field; default and default_factory exclude each other."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    return (annotation is typing.ClassVar or getattr(annotation, "__origin__", None) is typing.ClassVar
            or getattr(annotation, "_name", None) == "ClassVar")


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("InitVar", "dataclasses.InitVar"))
    return annotation is InitVar or isinstance(annotation, InitVar)


def _collect_fields(cls):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    for name, annotation in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = annotation
        if _is_classvar(annotation):
            f._kind = "classvar"
        elif _is_initvar(annotation):
            f._kind = "initvar"
        if f._kind == "field" and isinstance(f.default, (list, dict, set)):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        # The class keeps a plain default as its attribute; a Field object
        # is replaced by its default (or removed).
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _init_fields(fields):
    return [f for f in fields.values() if f._kind != "classvar" and f.init]


def _make_init(cls, fields, frozen, has_post_init):
    params = _init_fields(fields)
    seen_default = False
    for f in params:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '%s' follows default argument" % f.name)
    names = [f.name for f in params]
    required = sum(1 for f in params if f.default is MISSING and f.default_factory is MISSING)
    qualname = cls.__qualname__ + ".__init__"
    plain = [f for f in fields.values() if f._kind == "field"]

    def __init__(self, *args, **kwargs):
        if len(args) > len(params):
            most = len(params) + 1
            takes = "%d positional argument%s" % (most, "" if most == 1 else "s")
            if required < len(params):
                takes = "from %d to %d positional arguments" % (required + 1, most)
            raise TypeError("%s() takes %s but %d were given" % (qualname, takes, len(args) + 1))
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
            if key in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            values[key] = value
        missing = [f.name for f in params
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            quoted = ["'%s'" % m for m in missing]
            listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
            positional = all(names.index(m) >= len(args) for m in missing)
            raise TypeError("%s() missing %d required %sargument%s: %s"
                            % (qualname, len(missing), "positional " if positional else "",
                               "" if len(missing) == 1 else "s", listed))
        store = object.__setattr__ if frozen else setattr
        for f in plain:
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue  # init=False without a default: left unset, as CPython
            store(self, f.name, value)
        if has_post_init:
            extra = []
            for f in fields.values():
                if f._kind == "initvar":
                    extra.append(values[f.name] if f.name in values else f.default)
            self.__post_init__(*extra)

    __init__.__qualname__ = qualname
    return __init__


def _field_values(obj, which):
    return tuple(getattr(obj, f.name) for f in which)


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args):
    fields = _collect_fields(cls)
    setattr(cls, _FIELDS, fields)
    setattr(cls, _PARAMS, {"init": init, "repr": repr, "eq": eq, "order": order, "unsafe_hash": unsafe_hash,
                           "frozen": frozen})
    plain = [f for f in fields.values() if f._kind == "field"]
    for base in cls.__mro__[1:]:
        params = base.__dict__.get(_PARAMS)
        if params is not None and params["frozen"] != frozen:
            raise TypeError("cannot inherit %s dataclass from a %s one"
                            % (("non-frozen", "frozen") if not frozen else ("frozen", "non-frozen")))
    own = cls.__dict__
    if init and "__init__" not in own:  # a class's own __init__ stays, as CPython's _set_new_attribute
        cls.__init__ = _make_init(cls, fields, frozen, hasattr(cls, "__post_init__"))
    if repr and "__repr__" not in own:
        shown = [f for f in plain if f.repr]

        def __repr__(self):
            return "%s(%s)" % (type(self).__qualname__,
                               ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in shown))

        cls.__repr__ = __repr__
    compared = [f for f in plain if f.compare]
    if eq and "__eq__" not in own:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _field_values(self, compared) == _field_values(other, compared)
            return NotImplemented

        cls.__eq__ = __eq__
    if order:
        for name, test in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                           ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in own:
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
            setattr(cls, name, _order_method(name, test, compared))
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in fields:
                raise FrozenInstanceError("cannot assign to field '%s'" % name)
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in fields:
                raise FrozenInstanceError("cannot delete field '%s'" % name)
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    # __hash__, as CPython's _hash_action table.
    hashed = [f for f in plain if (f.compare if f.hash is None else f.hash)]
    class_hash = own.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
    if unsafe_hash or (eq and frozen):
        if unsafe_hash and has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        if unsafe_hash or not has_explicit_hash:
            cls.__hash__ = lambda self: hash(_field_values(self, hashed))
    elif eq and not has_explicit_hash:
        cls.__hash__ = None
    if match_args and "__match_args__" not in own:
        cls.__match_args__ = tuple(f.name for f in _init_fields(fields) if f._kind == "field")
    return cls


def _order_method(name, test, compared):
    def method(self, other):
        if other.__class__ is self.__class__:
            return test(_field_values(self, compared), _field_values(other, compared))
        return NotImplemented

    method.__name__ = name
    return method


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """@dataclass or @dataclass(...): adds __init__, __repr__, __eq__ (and
    the options' methods) from the class's annotated fields."""
    if kw_only or slots or weakref_slot:
        raise NotImplementedError("dataclass(kw_only=, slots=, weakref_slot=) is not supported by gillab")
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args)

    return wrap if cls is None else wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in order (no ClassVar
    or InitVar pseudo-fields)."""
    found = getattr(class_or_instance, _FIELDS, None)
    if found is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in found.values() if f._kind == "field")


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict, recursing into dataclasses, lists,
    tuples and dicts (values copied as copy.deepcopy would for the rest)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as(obj, lambda pairs: dict_factory(pairs), True)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _as(obj, lambda pairs: tuple_factory([v for _, v in pairs]), False)


def _as(obj, make, keep_names):
    import copy
    if _is_dataclass_instance(obj):
        return make([(f.name, _as(getattr(obj, f.name), make, keep_names)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_as(v, make, keep_names) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as(v, make, keep_names) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_as(k, make, keep_names), _as(v, make, keep_names)) for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._kind == "classvar":
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()"
                                 % f.name)
            continue
        if f.name not in changes:
            if f._kind == "initvar" and f.default is MISSING:
                raise ValueError("InitVar '%s' must be specified with replace()" % f.name)
            if f._kind == "field":
                changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
