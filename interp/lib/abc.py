"""abc: ABCMeta, ABC and abstractmethod (PEP 3119), as CPython 3.11's.

Written for gillab after PEP 3119 and CPython's Lib/_py_abc.py: ABCMeta
computes a class's __abstractmethods__ when it makes it, and assigning
that attribute marks the class abstract for the VM, whose object.__new__
then refuses instances with CPython's message. register() makes virtual
subclasses that isinstance() and issubclass() see (through the metaclass's
__instancecheck__/__subclasscheck__), as does __subclasshook__.
Differences: no result caches and no weak references (a registered class
stays alive; every check walks the registries, a virtual subclass of a
subclass included); abstractclassmethod, abstractstaticmethod and
abstractproperty (deprecated since 3.3) are functions returning the
built-in descriptor, not subclasses (gillab cannot subclass them).
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
           "abstractproperty", "get_cache_token", "update_abstractmethods"]



def abstractmethod(funcobj):
    """Marks a method abstract: a subclass of ABC that does not override
    it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# The three deprecated spellings (3.3) are functions here, not subclasses:
# gillab cannot subclass classmethod, staticmethod or property.
def abstractclassmethod(callable):
    return classmethod(abstractmethod(callable))


def abstractstaticmethod(callable):
    return staticmethod(abstractmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    return property(abstractmethod(fget) if fget is not None else None, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False) for f in (value.fget, value.fset, value.fdel))
    inner = getattr(value, "__func__", None)
    return inner is not None and getattr(inner, "__isabstractmethod__", False)


# The ABCMeta classes with a non-empty registry: a virtual subclass of a
# subclass counts too (CPython finds them through __subclasses__()).
_registering = []


class ABCMeta(type):
    """Metaclass for abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def register(cls, subclass):
        """Makes subclass a virtual subclass of cls; returns it (a class decorator)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # already a subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        if not cls._abc_registry:
            _registering.append(cls)
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        if cls in subclass.__mro__:
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for abc in _registering:
            if abc is not cls and cls in abc.__mro__ and issubclass(subclass, abc):
                return True
        return False

    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Registry: %r" % (cls._abc_registry,), file=file)


class ABC(metaclass=ABCMeta):
    """Derive from ABC to make a class abstract while any of its
    @abstractmethod methods is not overridden."""

    __slots__ = ()


def update_abstractmethods(cls):
    """Recomputes an ABC's abstract methods after methods were added to it (3.10)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


def get_cache_token():
    return 0
