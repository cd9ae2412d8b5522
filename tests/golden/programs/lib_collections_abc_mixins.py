# collections.abc mixin methods: a class defining only the abstract methods
# of MutableMapping, MutableSequence or MutableSet gets the rest (get, pop,
# update, views; index, count, append, extend, +=; the set comparisons and
# operators, _from_iterable, _hash), with CPython's results and errors.
from collections.abc import (Mapping, MutableMapping, Sequence, MutableSequence, Set,
                             MutableSet, KeysView, ItemsView, ValuesView, Generator, Iterator,
                             Iterable)


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Store(MutableMapping):
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return "Store(%r)" % self._d


s = Store({"a": 1}, b=2)
s.update([("c", 3)])
print(s, len(s), s.get("a"), s.get("x"), s.get("x", 9), "a" in s, "x" in s)
print(s.keys(), list(s.keys()), list(s.items()), list(s.values()))
print(type(s.keys()).__name__, isinstance(s.keys(), KeysView), isinstance(s.items(), ItemsView), isinstance(s.values(), ValuesView))
print(s.keys() == {"a", "b", "c"}, s.keys() & {"a", "z"}, sorted(s.keys() | {"z"}), sorted(s.keys() - {"a"}), sorted(s.keys() ^ {"a", "z"}))
print(("a", 1) in s.items(), ("a", 2) in s.items(), 3 in s.values(), 4 in s.values(), len(s.items()))
print(s.items() <= {("a", 1), ("b", 2), ("c", 3), ("d", 4)}, s.keys() < {"a"}, s.keys().isdisjoint(["x"]))
print(s == {"a": 1, "b": 2, "c": 3}, s == {"a": 1}, s != {"a": 1}, s == [1], s == Store(a=1, b=2, c=3))
print(s.pop("a"), s.pop("a", "gone"), s.setdefault("b", 0), s.setdefault("n", 0), s)
show("pop missing:", lambda: s.pop("zz"))
print(s.popitem(), s)
s.clear()
print(s, len(s))
show("popitem empty:", lambda: s.popitem())
show("update 3 args:", lambda: s.update({}, {}))
show("hash:", lambda: hash(s))
s.update({"k": 1}, k=2)
print(s)


class Keys:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key.upper()


s.update(Keys())
print(s)


class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


f = Frozen(x=1, y=2)
print(dict(f), f.get("x"), "y" in f, list(f.items()), type(f.keys()).__name__, f == {"x": 1, "y": 2}, f == Frozen(x=1, y=2))
print(repr(f.values())[:11], hasattr(f, "pop"), hasattr(f, "update"))


class Seq(Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


q = Seq(5, 6, 7, 6)
print(list(q), list(reversed(q)), 6 in q, 9 in q, q.index(6), q.index(6, 2), q.count(6), q.count(0))
show("index missing:", lambda: q.index(9))
show("index start/stop:", lambda: q.index(5, 1, 3))
print(q.index(7, -2), q.index(6, 0, -1), sorted(q), max(q), len(q))


class Box(MutableSequence):
    def __init__(self, items=()):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return "Box(%r)" % self._items


b = Box([1, 2])
b.append(3)
b.extend([4, 5])
b.extend(b)
print(b, len(b))
print(b.pop(), b.pop(0), b)
b.remove(3)
print(b)
show("remove missing:", lambda: b.remove(99))
b.reverse()
print(b)
b += [7, 8]
print(b, type(b).__name__)
b.clear()
print(b)
show("pop empty:", lambda: b.pop())
b += "ab"
print(b, b.index("b"), b.count("a"))


class ListSet(Set):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            if x not in self._items:
                self._items.append(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "ListSet(%r)" % self._items

    __hash__ = Set._hash


a = ListSet([1, 2, 3])
c = ListSet([3, 4])
print(a & c, a | c, a - c, c - a, a ^ c, type(a & c).__name__)
print(a & [2, 9], [2, 9] & a if False else None, a | [9], a - [1], a ^ [1, 5])
print({2, 3, 10} - a, {1} | a, {1, 7} ^ a, {1, 7} & a)
print(a == ListSet([3, 2, 1]), a == {1, 2, 3}, a != c, a < ListSet([1, 2, 3, 4]), a <= {1, 2, 3}, a > ListSet([1]), a >= c)
print(a == [1, 2, 3], a.isdisjoint([7, 8]), a.isdisjoint(c))
show("a < list:", lambda: a < [1])
show("a & 5:", lambda: a & 5)
print(hash(ListSet([1, 2, 3])) == hash(ListSet([3, 1, 2])), hash(ListSet()), hash(ListSet([1, 2, 3])), hash(ListSet([-1, 10**6])))
print(ListSet._from_iterable([1, 1, 2]))


class MSet(MutableSet):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            self.add(x)

    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "MSet(%r)" % self._items


m = MSet([1, 2, 3])
m.remove(2)
print(m)
show("remove missing:", lambda: m.remove(2))
m |= [5, 6]
print(m)
m &= [1, 5, 9]
print(m)
m ^= [5, 7]
print(m)
m -= [1]
print(m, m.pop(), m)
show("pop empty:", lambda: m.pop())
m |= [1, 2]
m.clear()
print(m, len(m))
show("hash MSet:", lambda: hash(MSet()))


class Countdown(Generator):
    def __init__(self, n):
        self.n = n

    def send(self, value):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def throw(self, typ, val=None, tb=None):
        return Generator.throw(self, typ, val, tb)


g = Countdown(3)
print(list(g), next(Countdown(5)), iter(g) is g)
show("throw:", lambda: Countdown(2).throw(ValueError, ValueError("boom")))
show("throw type:", lambda: Countdown(2).throw(KeyError))
print(Countdown(2).close())


class Stubborn(Countdown):
    def throw(self, typ, val=None, tb=None):
        return 1


show("close stubborn:", lambda: Stubborn(1).close())


class Count(Iterator):
    def __init__(self):
        self.i = 0

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


print(list(Count()), isinstance(Count(), Iterable))
