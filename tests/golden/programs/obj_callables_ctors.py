# Callable objects next to closures (state, introspection, __call__ looked
# up on the type), classmethods as alternative constructors that respect
# subclasses, a staticmethod/classmethod-based codec registry, an
# __init_subclass__ registry that rejects duplicates and incomplete
# plugins, and __class_getitem__ building typed variants.
class Counter:
    def __init__(self, start=0):
        self.count = start

    def __call__(self, step=1):
        self.count += step
        return self.count


def make_counter(start=0):
    count = start

    def counter(step=1):
        nonlocal count
        count += step
        return count

    return counter


obj, clo = Counter(10), make_counter(10)
print([obj() for _ in range(3)], [clo() for _ in range(3)], obj(5), clo(5))
print(obj.count, len(clo.__closure__), clo.__code__.co_name, callable(obj), callable(clo))
obj.count = 0
print(obj(), type(obj).__name__, clo.__name__, clo.__qualname__)

plain = Counter()
plain.__call__ = lambda: "instance attribute"
print(plain(), plain.__call__())
for thing in (Counter, Counter(), make_counter, 3, "s", print, None):
    print(type(thing).__name__, callable(thing), end="; ")
print()
try:
    number = 3
    number()
except TypeError as e:
    print("TypeError:", e)


class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin

    @classmethod
    def from_celsius(cls, c):
        return cls(c + 273.15)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls.from_celsius((f - 32) * 5 / 9)

    @staticmethod
    def valid(kelvin):
        return kelvin >= 0

    def __repr__(self):
        return "%s(%.2f)" % (type(self).__name__, self.kelvin)


class Reading(Temperature):
    pass


print(Temperature.from_celsius(25), Reading.from_fahrenheit(212), Reading(0).from_celsius(-273.15))
print(Reading.valid(-1), Reading(1).valid(1), type(Temperature.__dict__["valid"]).__name__,
      type(Temperature.__dict__["from_celsius"]).__name__)
bound = Reading.from_celsius
print(bound.__self__.__name__, bound.__func__ is Temperature.from_celsius.__func__)


class Codec:
    _codecs = {}

    @classmethod
    def register(cls, name):
        def deco(func):
            cls._codecs[name] = func
            return func
        return deco

    @classmethod
    def encode(cls, name, text):
        try:
            return cls._codecs[name](text)
        except KeyError:
            raise LookupError("unknown codec %r; known: %s" % (name, ", ".join(sorted(cls._codecs)))) from None

    @staticmethod
    def identity(text):
        return text


@Codec.register("upper")
def _upper(text):
    return text.upper()


@Codec.register("rot13")
def _rot13(text):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            ch = chr((ord(ch) - 97 + 13) % 26 + 97)
        out.append(ch)
    return "".join(out)


print(Codec.encode("upper", "hi"), Codec.encode("rot13", "hello"), Codec.identity("same"))
try:
    Codec.encode("base64", "x")
except LookupError as e:
    print("LookupError:", e)


class Plugin:
    registry = {}
    required = ("run",)

    def __init_subclass__(cls, /, key=None, abstract=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        missing = [m for m in Plugin.required if not callable(getattr(cls, m, None))]
        if missing:
            raise TypeError("%s lacks %s" % (cls.__name__, ", ".join(missing)))
        key = key or cls.__name__.lower()
        if key in Plugin.registry:
            raise ValueError("duplicate plugin key %r (%s)" % (key, Plugin.registry[key].__name__))
        cls.key = key
        Plugin.registry[key] = cls


class Base(Plugin, abstract=True):
    def run(self):
        return "base run by " + type(self).__name__


class Echo(Base):
    pass


class Shout(Base, key="loud"):
    def run(self):
        return super().run().upper()


try:
    class Quiet(Plugin):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Echo2(Base, key="echo"):
        pass
except ValueError as e:
    print("ValueError:", e)
print(sorted(Plugin.registry), [Plugin.registry[k]().run() for k in sorted(Plugin.registry)], "base" in Plugin.registry)


class TypedList(list):
    _cache = {}

    def __class_getitem__(cls, item):
        if item not in cls._cache:
            name = "%s[%s]" % (cls.__name__, item.__name__)

            def append(self, value):
                if not isinstance(value, item):
                    raise TypeError("%s accepts %s, not %s" % (name, item.__name__, type(value).__name__))
                list.append(self, value)

            cls._cache[item] = type(name, (cls,), {"append": append, "item_type": item})
        return cls._cache[item]


IntList = TypedList[int]
print(IntList.__name__, IntList is TypedList[int], IntList.item_type.__name__, IntList.__mro__[1].__name__)
il = IntList()
il.append(3)
il.append(True)
print(il, len(TypedList._cache))
try:
    il.append("x")
except TypeError as e:
    print("TypeError:", e)
print(TypedList[str].__name__, len(TypedList._cache))
