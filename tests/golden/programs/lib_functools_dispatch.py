# functools additions: singledispatch (annotations, unions, explicit types,
# MRO and ABC dispatch, ambiguity, registry, errors), singledispatchmethod,
# partialmethod, reduce's positional-only arguments and messages,
# lru_cache statistics and parameters, cached_property details.
import functools
from functools import *
import abc
def _hook(cls, C, base, meth):
    if cls is base:
        return True if any(meth in B.__dict__ for B in C.__mro__) else NotImplemented
    return NotImplemented
class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return _hook(cls, C, Sized, "__len__")
class Iterable(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return _hook(cls, C, Iterable, "__iter__")
class Sequence(Sized, Iterable): pass
class Mapping(Sized, Iterable): pass
for t in (list, tuple, str, range): Sequence.register(t)
Mapping.register(dict)
import typing
@singledispatch
def show(x):
    return "object:" + type(x).__name__
@show.register
def _(x: int):
    return "int:%d" % x
@show.register(str)
def _(x):
    return "str:" + x
@show.register
def _(x: list | tuple):
    return "seq:%d" % len(x)
@show.register(float)

def _(x):
    return "num:" + repr(x)
def dict_impl(x):
    return "dict:%d" % len(x)
show.register(dict, dict_impl)
@show.register
def _(x: typing.Union[set, frozenset]):
    return "set:%d" % len(x)
class Base: pass
class Mid(Base): pass
class Leaf(Mid): pass
show.register(Mid, lambda x: "Mid")
class MyList(list): pass
for v in [1, True, Base(), Leaf(), "s", [1,2], (3,), MyList([1]), 2.5, {1: 2}, {3}, frozenset(), None, b"x"]:
    print(show(v))
print(show.dispatch(bool) is show.dispatch(int), show.dispatch(object) is show.__wrapped__)
print(sorted(k.__name__ for k in show.registry), len(show.registry), show.__name__)
try: show()
except TypeError as e: print("TypeError", e)
try: show.registry[int] = None
except TypeError as e: print("TypeError", type(e).__name__)
def plain(x): return x
for bad in [lambda: show.register(5, plain), lambda: show.register(plain), lambda: show.register(3)]:
    try: bad()
    except TypeError as e: print("TypeError", str(e).split(" at 0x")[0])
def ann(x: "nope"): pass
@singledispatch
def abcd(x): return "base"
@abcd.register
def _(x: Sequence): return "Sequence"
@abcd.register
def _(x: Mapping): return "Mapping"
@abcd.register
def _(x: Sized): return "Sized"
class OnlyLen:
    def __len__(self): return 0
for v in [[1], (1,), "ab", {}, set(), OnlyLen(), 5, range(3)]:
    print(type(v).__name__, abcd(v))
@singledispatch
def amb(x): return "base"
amb.register(Sized, lambda x: "Sized")
amb.register(Iterable, lambda x: "Iterable")
class Both:
    def __len__(self): return 0
    def __iter__(self): return iter(())
try: print(amb(Both()))
except RuntimeError as e: print("RuntimeError", e)
try: print(amb([1]))
except RuntimeError as e: print("RuntimeError", e)
class Shape:
    @singledispatchmethod
    def area(self, arg):
        return "generic " + repr(arg)
    @area.register
    def _(self, arg: int):
        return "int %d for %s" % (arg, type(self).__name__)
    @area.register(str)
    def _(self, arg):
        return "str " + arg
print(Shape().area(3), Shape().area("x"), Shape().area(1.5), Shape.area.__name__)
class Cell:
    def __init__(self): self._alive = False
    def set_state(self, state, note=""): self._alive = bool(state); return note
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="dead")
    both = partialmethod(set_alive, note="again")
c = Cell()
print(c.set_alive("n1"), c._alive, c.set_dead(), c._alive, c.both(), c._alive)
print(repr(Cell.__dict__["set_dead"])[:40], Cell.set_alive(c), type(c.set_alive).__name__)
try: partialmethod(5)
except TypeError as e: print("TypeError", e)
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a + b, [], 10))
for a, k in [((max, []), {}), ((max, [1]), {"initial": 0}), ((max,), {}), ((max, 1, 2, 3), {}), ((max, 5), {})]:
    try: print(reduce(*a, **k))
    except TypeError as e: print("TypeError", e)
@lru_cache(maxsize=2)
def sq(x): return x * x
for x in [1, 2, 1, 3, 2, 1]: sq(x)
ci = sq.cache_info()
print(ci, ci.hits, ci.currsize, type(ci).__name__, ci._asdict() if hasattr(ci, "_asdict") else "", sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info(), t.cache_parameters())
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(40), fib.cache_info(), fib.cache_parameters())
class P:
    def __init__(self): self.calls = 0
    @cached_property
    def val(self):
        """the doc"""
        self.calls += 1
        return 42
p = P()
print(p.val, p.val, p.calls, "val" in p.__dict__, P.val.__doc__, type(P.val).__name__, P.val.attrname)
del p.val
print(p.val, p.calls)
class S:
    __slots__ = ("a",)
    @cached_property
    def val(self): return 1
try: S().val
except TypeError as e: print("TypeError", e)
cp = cached_property(lambda self: 1)
try: cp.__get__(P())
except TypeError as e: print("TypeError", e)
