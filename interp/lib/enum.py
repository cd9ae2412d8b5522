"""enum: Enum, Flag, auto and unique, behaving as CPython 3.11's do.

Written for gillab from the documented behaviour (docs.python.org/3.11/
library/enum.html and howto/enum.html), on the VM's metaclasses:

- EnumType.__prepare__ gives the class body an _EnumDict, which records the
  member names in definition order, resolves auto() through
  _generate_next_value_ and refuses a name defined twice. EnumType.__new__
  then makes the class without the members and adds them: one instance per
  distinct value (a later name with an equal value is an alias of the
  first), each with _name_ and _value_, __init__ called with the value
  (unpacked if a tuple). A class with members cannot be extended.
- Calling the class looks a value up (Color(1)), or with names makes a new
  enumeration (the functional API: Enum('Animal', 'ANT BEE CAT')).
- Flag: members combine with | & ^ ~ into pseudo-members made on demand
  (named 'R|W', cached); values outside the members' bits are refused
  (3.11's default boundary, STRICT).

Differences from CPython, each for a reason: __members__ is a dict copy
(gillab has no mappingproxy); IntEnum, StrEnum and IntFlag raise
NotImplementedError when subclassed, because gillab cannot subclass int or
str yet; the functional API's class gets __module__ 'enum' unless module=
is given (no sys._getframe to find the caller); `1 in Color` raises
TypeError as 3.11 does, without its DeprecationWarning; no boundary
options, verify(), member/nonmember, _ignore_ or pickling by name.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto', 'unique']

_auto_null = object()


class auto:
    """In an enum body: the next value, from _generate_next_value_."""

    def __init__(self):
        self.value = _auto_null

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


_reserved_sunder = ('_order_', '_generate_next_value_', '_missing_', '_ignore_', '_name_', '_value_')


class _EnumDict(dict):
    """The namespace of an enum body: which names are members, in order."""

    def __init__(self):
        super().__init__()
        self._member_names = []
        self._last_values = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_sunder(key):
            if key not in _reserved_sunder:
                raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use' % (key,))
            if key == '_generate_next_value_':
                self._generate_next_value = getattr(value, '__func__', value)
        elif _is_dunder(key):
            pass
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(key, 1, len(self._member_names), self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        super().__setitem__(key, value)


def _first_enum(bases):
    """The enumeration a new one derives from (the last EnumType base), or None."""
    for base in reversed(bases):
        if isinstance(base, EnumType):
            return base
    return None


class EnumType(type):
    """The metaclass of every enumeration."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        enum_dict = _EnumDict()
        first = _first_enum(bases)
        enum_dict._generate_next_value = getattr(first, '_generate_next_value_', None) or _generate_next_value
        return enum_dict

    def __new__(metacls, cls, bases, classdict, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        member_names = list(getattr(classdict, '_member_names', ()))
        members = [(name, classdict[name]) for name in member_names]
        body = {k: v for k, v in classdict.items() if k not in member_names}
        new_member = body.pop('__new__', None)
        if new_member is None:
            first = _first_enum(bases)
            new_member = getattr(first, '_new_member_', None)
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        setattr_ = super().__setattr__
        setattr_(enum_class, '_new_member_', new_member)
        setattr_(enum_class, '_member_names_', [])
        setattr_(enum_class, '_member_map_', {})
        setattr_(enum_class, '_value2member_map_', {})
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        for name, value in members:
            args = value if isinstance(value, tuple) else (value,)
            if new_member is None:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = new_member(enum_class, *args)
                if not hasattr(member, '_value_'):
                    member._value_ = value
            member._name_ = name
            member.__init__(*args)
            value = member._value_
            for canonical in enum_class._member_map_.values():
                if canonical._value_ == value:
                    member = canonical  # an alias
                    break
            else:
                # (3.11: a Flag's zero and multi-bit members are left out of iteration.)
                if not is_flag or (isinstance(value, int) and value > 0 and value & (value - 1) == 0):
                    enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_.setdefault(value, member)
            except TypeError:
                pass  # an unhashable value: found by the linear search of lookups
            setattr_(enum_class, name, member)
        if is_flag:
            mask = 0
            for member in enum_class._member_map_.values():
                mask |= member._value_
            setattr_(enum_class, '_flag_mask_', mask)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member' % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = classdict._generate_next_value(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('cannot delete member %r' % (name,))
        super().__delattr__(name)


EnumMeta = EnumType


def _generate_next_value(name, start, count, last_values):
    """Enum's auto(): start, then one more than the last value."""
    if not last_values:
        return start
    try:
        return last_values[-1] + 1
    except TypeError:
        raise TypeError('unable to increment %r' % (last_values[-1],)) from None


Flag = None  # until defined below: EnumType.__new__ asks whether a class is a Flag


class Enum(metaclass=EnumType):
    """An enumeration: a set of names bound to unique, constant values."""

    _generate_next_value_ = staticmethod(_generate_next_value)

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_


def _bits_lsb(value):
    """The set bits of a non-negative int, lowest first."""
    while value:
        bit = value & -value
        yield bit
        value ^= bit


def _bin(num, max_bits):
    """CPython's enum.bin: '0b0 0111' (the sign digit apart)."""
    ceiling = 2 ** num.bit_length()
    s = bin(num + ceiling).replace('1', '0', 1)
    sign, digits = s[:3], s[3:]
    if len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class Flag(Enum):
    """Members that combine with the bitwise operators."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            return 2 ** last_value.bit_length()
        except Exception:
            raise TypeError('invalid flag value %r' % (last_value,)) from None

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0 or value & ~mask:
            max_bits = max(value.bit_length(), mask.bit_length())
            raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                             % (cls, value, _bin(value, max_bits), _bin(mask, max_bits)))
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        names = [cls._value2member_map_[bit]._name_ for bit in _bits_lsb(value) if bit in cls._value2member_map_]
        pseudo._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        members = self.__class__._value2member_map_
        return (members[bit] for bit in _bits_lsb(self._value_) if bit in members)

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)


def _needs_builtin_subclass(kind, base):
    def __init_subclass__(cls, **kwds):
        raise NotImplementedError('enum.%s is not supported by gillab yet (it needs subclasses of %s)' % (kind, base))
    return classmethod(__init_subclass__)


class IntEnum(Enum):
    """Not available: an IntEnum is an int (gillab cannot subclass int yet)."""
    __init_subclass__ = _needs_builtin_subclass('IntEnum', 'int')


class StrEnum(Enum):
    """Not available: a StrEnum is a str (gillab cannot subclass str yet)."""
    __init_subclass__ = _needs_builtin_subclass('StrEnum', 'str')


class IntFlag(Flag):
    """Not available: an IntFlag is an int (gillab cannot subclass int yet)."""
    __init_subclass__ = _needs_builtin_subclass('IntFlag', 'int')


def unique(enumeration):
    """Class decorator: refuses an enumeration with aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
