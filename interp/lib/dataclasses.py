"""dataclasses: @dataclass, field, Field, fields, asdict, astuple, replace,
make_dataclass, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY,
MISSING.

Written for gillab after PEP 557 and the Python 3.11 documentation of
dataclasses, with one difference of means: CPython generates __init__ and
friends as source text and exec()s it; gillab has no exec, so they are
closures over the field list. What a program sees is the same: the fields in
annotation order (bases first), defaults and default_factory, kw_only
(KW_ONLY, kw_only= on the class or the field), __post_init__ with InitVar
values, ClassVar pseudo-fields, the repr "Point(x=1, y=2)" (a recursive one
shows "..."), eq/order comparing field tuples of the same class, frozen
instances, __hash__ by CPython's table, __match_args__, slots=True (the class
is rebuilt with __slots__), the class __doc__ "C(x: int, y: str = 'a')", the
mutable (unhashable) default check, and the argument errors of a real
__init__ signature.
Lacks: the __doc__ of a class whose own (not generated) __init__ is kept is
just the class name, as gillab's code objects cannot tell their parameters;
string annotations are recognised as ClassVar/InitVar/KW_ONLY by their
spelling only, not looked up in the module.
"""
import sys
from types import MappingProxyType as _MappingProxyType

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "fields",
           "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind("_FIELD")
_FIELD_CLASSVAR = _FieldKind("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FieldKind("_FIELD_INITVAR")


class _HasDefaultFactory:
    # Stands for a default_factory in the signature text, as CPython's.
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


_EMPTY_METADATA = _MappingProxyType({})


class InitVar:
    """InitVar[T]: an __init__ parameter passed to __post_init__, not a field."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % name


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else _MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,"
                "metadata=%r,kw_only=%r,_field_type=%r)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr, self.hash,
                   self.compare, self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        # A descriptor default learns its name too, as if assigned directly.
        hook = getattr(type(self.default), "__set_name__", None)
        if hook is not None:
            hook(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    """Options of one field; default and default_factory exclude each other."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)"
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def _names_as(annotation, *names):
    # A string annotation ("ClassVar[int]", "dataclasses.InitVar") by its spelling.
    text = annotation.strip()
    for name in names:
        for spelled in (name, "dataclasses." + name, "typing." + name):
            if text == spelled or text.startswith(spelled + "["):
                return True
    return False


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return _names_as(annotation, "ClassVar")
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    return (annotation is typing.ClassVar or getattr(annotation, "__origin__", None) is typing.ClassVar
            or getattr(annotation, "_name", None) == "ClassVar")


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return _names_as(annotation, "InitVar")
    return annotation is InitVar or type(annotation) is InitVar


def _is_kw_only(annotation):
    if isinstance(annotation, str):
        return _names_as(annotation, "KW_ONLY")
    return annotation is KW_ONLY


def _unhashable(value):
    # gillab's list/dict/set report object.__hash__ rather than None, so the
    # builtin mutable containers are named as well as checked.
    if isinstance(value, (list, dict, set)):
        return True
    return type(value).__hash__ is None


def _get_field(cls, name, annotation, default_kw_only):
    # getattr, not the class's own dict: an inherited class attribute is a default too.
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == "member_descriptor":  # a name in __slots__
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError("field %s cannot have a default factory" % name)
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError("field %s is a ClassVar but specifies kw_only" % name)
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type is _FIELD and f.default is not MISSING and _unhashable(f.default):
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                         % (type(f.default), name))
    return f


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")


def _listed(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _make_init(cls, fields, std_fields, kw_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if _has_default(f):
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % f.name)
    positional = [f.name for f in std_fields]
    keyword = [f.name for f in kw_fields]
    by_name = {f.name: f for f in std_fields + kw_fields}
    n_defaults = sum(1 for f in std_fields if _has_default(f))
    qualname = cls.__qualname__ + ".__init__"
    plain = [f for f in fields.values() if f._field_type is _FIELD]
    initvars = [f.name for f in fields.values() if f._field_type is _FIELD_INITVAR]

    # The checks and messages follow CPython's argument binding: keywords
    # first, then too many positionals, then missing positionals, then
    # missing keyword-only ones.
    def __init__(self, *args, **kwargs):
        values = dict(zip(positional, args))
        for key, value in kwargs.items():
            if key not in by_name:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
            if key in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            values[key] = value
        if len(args) > len(positional):
            most = len(positional) + 1
            if n_defaults:
                takes = "from %d to %d positional arguments" % (most - n_defaults, most)
            else:
                takes = "%d positional argument%s" % (most, "" if most == 1 else "s")
            given = len(args) + 1
            kw_given = sum(1 for k in kwargs if k in keyword)
            extra = ""
            if kw_given:
                extra = " positional argument%s (and %s)" % ("" if given == 1 else "s",
                                                              _plural(kw_given, "keyword-only argument"))
            raise TypeError("%s() takes %s but %d%s %s given"
                            % (qualname, takes, given, extra, "was" if given == 1 and not kw_given else "were"))
        for names, kind in ((positional, "positional"), (keyword, "keyword-only")):
            missing = [n for n in names if n not in values and not _has_default(by_name[n])]
            if missing:
                raise TypeError("%s() missing %d required %s argument%s: %s"
                                % (qualname, len(missing), kind, "" if len(missing) == 1 else "s",
                                   _listed(missing)))
        store = object.__setattr__ if frozen else setattr
        for f in plain:
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init and f.default is not MISSING:
                value = f.default
            else:
                continue  # init=False: the class attribute (if any) serves, as CPython
            store(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[n] if n in values else by_name[n].default for n in initvars])

    __init__.__qualname__ = qualname
    __init__.__dataclass_signature__ = _signature_text(std_fields, kw_fields)
    return __init__


def _format_annotation(annotation):
    # As inspect.formatannotation: typing's names without "typing.",
    # builtins by name, other classes by module and qualname.
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type) and type(annotation).__name__ != "GenericAlias":
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def _signature_text(std_fields, kw_fields):
    parts = []
    for f in std_fields + kw_fields:
        if f is (kw_fields[0] if kw_fields else None):
            parts.append("*")
        text = "%s: %s" % (f.name, _format_annotation(f.type))
        if f.default_factory is not MISSING:
            text += " = <factory>"
        elif f.default is not MISSING:
            text += " = %r" % (f.default,)
        parts.append(text)
    return "(%s)" % ", ".join(parts)


def _class_signature(cls):
    # The signature inspect.signature(cls) would show: that of the nearest
    # __init__ in the MRO; "()" for object's.
    for klass in cls.__mro__:
        if klass is object:
            return "()"
        init = klass.__dict__.get("__init__")
        if init is not None:
            return getattr(init, "__dataclass_signature__", "")
    return ""


def _set_new_attribute(cls, name, value):
    """Sets a generated method unless the class defines its own; True if it does."""
    if name in cls.__dict__:
        return True
    if callable(value):
        value.__name__ = name
        value.__qualname__ = "%s.%s" % (cls.__qualname__, name)
    setattr(cls, name, value)
    return False


def _recursive_repr(method):
    # A repr that meets its own object again (in the same thread) shows "...".
    import _thread
    running = set()

    def __repr__(self):
        key = (id(self), _thread.get_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            return method(self)
        finally:
            running.discard(key)

    return __repr__


def _field_values(obj, which):
    return tuple(getattr(obj, f.name) for f in which)


def _compare_method(test, compared):
    def method(self, other):
        if other.__class__ is self.__class__:
            return test(_field_values(self, compared), _field_values(other, compared))
        return NotImplemented

    return method


_ORDER = (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b), ("__gt__", lambda a, b: a > b),
          ("__ge__", lambda a, b: a >= b))


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    all_frozen_bases = None
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            base_frozen = getattr(base, _PARAMS).frozen
            if all_frozen_bases is None:
                all_frozen_bases = True
            any_frozen_base = any_frozen_base or base_frozen
            all_frozen_bases = all_frozen_bases and base_frozen
    annotations = cls.__dict__.get("__annotations__", {})
    own_fields = []
    kw_only_seen = False
    for name, annotation in annotations.items():
        if _is_kw_only(annotation):
            if kw_only_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % name)
            kw_only_seen = True
            kw_only = True
        else:
            own_fields.append(_get_field(cls, name, annotation, kw_only))
    for f in own_fields:
        fields[f.name] = f
        # The class keeps a plain default as its attribute; a Field object
        # is replaced by its default (or removed).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not all_frozen_bases and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields)
    own = cls.__dict__
    class_hash = own.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    init_fields = [f for f in fields.values() if f._field_type is not _FIELD_CLASSVAR and f.init]
    std_fields = [f for f in init_fields if not f.kw_only]
    kw_fields = [f for f in init_fields if f.kw_only]
    if init:
        _set_new_attribute(cls, "__init__",
                           _make_init(cls, fields, std_fields, kw_fields, frozen, hasattr(cls, "__post_init__")))
    plain = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        shown = [f for f in plain if f.repr]

        def __repr__(self):
            return "%s(%s)" % (self.__class__.__qualname__,
                               ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in shown))

        _set_new_attribute(cls, "__repr__", _recursive_repr(__repr__))
    compared = [f for f in plain if f.compare]
    if eq:
        _set_new_attribute(cls, "__eq__", _compare_method(lambda a, b: a == b, compared))
    if order:
        for name, test in _ORDER:
            if _set_new_attribute(cls, name, _compare_method(test, compared)):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
    if frozen:
        field_names = [f.name for f in plain]

        def __setattr__(self, name, value):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError("cannot assign to field %r" % name)
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError("cannot delete field %r" % name)
            super(cls, self).__delattr__(name)

        for name, method in (("__setattr__", __setattr__), ("__delattr__", __delattr__)):
            if _set_new_attribute(cls, name, method):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))
    # __hash__, as CPython's table over (unsafe_hash, eq, frozen, explicit hash).
    hashed = [f for f in plain if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash and has_explicit_hash:
        raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
    if unsafe_hash or (eq and frozen and not has_explicit_hash):
        def __hash__(self):
            return hash(_field_values(self, hashed))

        __hash__.__qualname__ = cls.__qualname__ + ".__hash__"
        cls.__hash__ = __hash__
    elif eq and not frozen and not has_explicit_hash:
        cls.__hash__ = None
    if not own.get("__doc__"):
        cls.__doc__ = cls.__name__ + _class_signature(cls)
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_fields))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    abc = sys.modules.get("abc")
    if abc is not None and hasattr(abc, "update_abstractmethods"):
        abc.update_abstractmethods(cls)
    return cls


def _add_slots(cls, frozen, weakref_slot):
    # __slots__ only works when the class is made, so a new class is made
    # from the old one's dict, without the field defaults (which would clash
    # with the slots' descriptors).
    if "__slots__" in cls.__dict__:
        raise TypeError("%s already specifies __slots__" % cls.__name__)
    namespace = dict(cls.__dict__)
    names = [f.name for f in fields(cls)]
    inherited = set()
    for base in cls.__mro__[1:-1]:
        base_slots = base.__dict__.get("__slots__")
        if base_slots is not None:
            inherited.update([base_slots] if isinstance(base_slots, str) else base_slots)
    if weakref_slot:
        names.append("__weakref__")
    namespace["__slots__"] = tuple(n for n in names if n not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = cls.__qualname__
    cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    cls.__qualname__ = qualname
    if frozen:
        if "__getstate__" not in namespace:
            cls.__getstate__ = lambda self: [getattr(self, f.name) for f in fields(self)]
        if "__setstate__" not in namespace:
            def __setstate__(self, state):
                for f, value in zip(fields(self), state):
                    object.__setattr__(self, f.name, value)

            cls.__setstate__ = __setstate__
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """@dataclass or @dataclass(...): adds __init__, __repr__, __eq__ (and
    the options' methods) from the class's annotated fields."""

    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot)

    return wrap if cls is None else wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in order (no ClassVar
    or InitVar pseudo-fields)."""
    found = getattr(class_or_instance, _FIELDS, None)
    if found is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict, recursing into dataclasses, lists,
    tuples (namedtuples kept as such) and dicts; other values deep-copied."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _as(obj, lambda pairs: tuple_factory([v for _, v in pairs]))


def _as(obj, make):
    if _is_dataclass_instance(obj):
        return make([(f.name, _as(getattr(obj, f.name), make)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_as(v, make) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as(v, make) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_as(k, make), _as(v, make)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()"
                                 % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


_KEYWORDS = frozenset(("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                       "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                       "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
                       "try", "while", "with", "yield"))


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False,
                   unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """A new dataclass named cls_name; fields are names, (name, type) or
    (name, type, Field) items (a bare name's type is 'typing.Any')."""
    namespace = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, "typing.Any"
        elif len(item) == 2:
            name, annotation = item
        elif len(item) == 3:
            name, annotation, spec = item
            defaults[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: %r" % (name,))
        if name in _KEYWORDS:
            raise TypeError("Field names must not be keywords: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen.add(name)
        annotations[name] = annotation
    namespace.update(defaults)
    namespace["__annotations__"] = annotations
    namespace.setdefault("__qualname__", cls_name)
    cls = type(cls_name, tuple(bases), namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
