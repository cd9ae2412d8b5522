# collections.abc: which ABCs the built-in types and user classes belong to
# (through __subclasshook__ for the one-trick ABCs, registration for the
# built-in containers), abstract-method errors, register(), and C[...].
import collections.abc as abc
from collections import deque, OrderedDict, Counter, defaultdict, namedtuple
from collections.abc import (Hashable, Iterable, Iterator, Reversible, Sized, Container,
                             Collection, Callable, Generator, Coroutine, Awaitable,
                             Sequence, MutableSequence, Set, MutableSet, Mapping,
                             MutableMapping, ByteString, KeysView, ItemsView, ValuesView,
                             MappingView, AsyncIterable, AsyncIterator)


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def gen():
    yield 1


async def coro():
    pass


class Plain:
    def method(self):
        pass


Point = namedtuple("Point", "x y")
co = coro()
objects = [
    ("int", 1), ("float", 2.5), ("bool", True), ("str", "ab"), ("bytes", b"ab"),
    ("list", [1]), ("tuple", (1,)), ("dict", {1: 2}), ("set", {1}), ("frozenset", frozenset()),
    ("range", range(3)), ("None", None), ("list_iter", iter([1])), ("tuple_iter", iter(())),
    ("str_iter", iter("x")), ("dict_iter", iter({})), ("reversed", reversed([1])),
    ("zip", zip()), ("map", map(abs, [])), ("enumerate", enumerate([])),
    ("keys", {}.keys()), ("values", {}.values()), ("items", {}.items()),
    ("generator", gen()), ("coroutine", co), ("builtin", len), ("lambda", lambda: 0),
    ("class", Plain), ("instance", Plain()), ("method", Plain().method),
    ("list.append", [].append), ("deque", deque()), ("OrderedDict", OrderedDict()),
    ("Counter", Counter()), ("defaultdict", defaultdict(int)), ("namedtuple", Point(1, 2)),
    ("od.keys", OrderedDict().keys()), ("object", object()),
]
for name, obj in objects:
    print(name, [n for n in abc.__all__ if isinstance(obj, getattr(abc, n))])
co.close()

print(sorted(abc.__all__))
print(Iterable, Mapping, MutableSequence.__module__, Sequence.__name__, Set.__qualname__)
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, MutableSequence),
      issubclass(bytes, ByteString), issubclass(tuple, Hashable), issubclass(list, Hashable))
print(issubclass(type({}.keys()), KeysView), issubclass(type({}.items()), Set),
      issubclass(type({}.values()), ValuesView), issubclass(type({}.values()), Set))


# One-trick ABCs recognise a class by its methods.
class OnlyIter:
    def __iter__(self):
        return iter([1, 2])


class OnlyLen:
    def __len__(self):
        return 3


class Full(OnlyIter, OnlyLen):
    def __contains__(self, x):
        return x == 1


class NoHash:
    __hash__ = None


class EqOnly:
    def __eq__(self, other):
        return True


class Blocked(OnlyIter):
    __iter__ = None


class WithNext(OnlyIter):
    def __next__(self):
        raise StopIteration


class Awaits:
    def __await__(self):
        yield


class Calls:
    def __call__(self):
        return 1


class AIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


for cls in (OnlyIter, OnlyLen, Full, NoHash, EqOnly, Blocked, WithNext, Awaits, Calls, AIter):
    print(cls.__name__, [n for n in abc.__all__ if issubclass(cls, getattr(abc, n))])

# A subclass of a one-trick ABC does not use the hook.
class MyIterable(Iterable):
    pass


print(issubclass(OnlyIter, MyIterable), issubclass(MyIterable, Iterable))
show("MyIterable():", lambda: MyIterable())
show("Sequence():", lambda: Sequence())
show("Mapping():", lambda: Mapping())
show("MutableSequence():", lambda: MutableSequence())
show("MutableMapping():", lambda: MutableMapping())
show("Set():", lambda: Set())
show("Hashable():", lambda: Hashable())
show("Generator():", lambda: Generator())


class HalfSeq(Sequence):
    def __len__(self):
        return 0


show("HalfSeq():", lambda: HalfSeq())
print(sorted(HalfSeq.__abstractmethods__), sorted(MutableMapping.__abstractmethods__),
      sorted(MutableSequence.__abstractmethods__), sorted(Generator.__abstractmethods__),
      sorted(Coroutine.__abstractmethods__), sorted(MutableSet.__abstractmethods__))
print(sorted(Iterator.__abstractmethods__), sorted(Collection.__abstractmethods__),
      sorted(Mapping.__abstractmethods__), sorted(Set.__abstractmethods__))


# register() makes a virtual subclass; the mixins do not come with it.
class Virtual:
    def __getitem__(self, i):
        return i


print(Sequence.register(Virtual) is Virtual, issubclass(Virtual, Sequence), isinstance(Virtual(), Reversible),
      issubclass(Virtual, Collection), issubclass(Virtual, MutableSequence), hasattr(Virtual, "index"))
show("register(1):", lambda: Sequence.register(1))
print(Iterable[int], Mapping[str, int], Callable[[int, str], float], Callable[..., int])
alias = Sequence[int]
print(alias.__origin__ is Sequence, alias.__args__)
print(Mapping.__reversed__, Set.__hash__, Mapping.__hash__)
