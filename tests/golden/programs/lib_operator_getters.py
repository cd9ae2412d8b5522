# operator in data processing: multi-key sorts with itemgetter and
# attrgetter (dotted paths, several names), methodcaller with arguments,
# the function forms fed to map/reduce/sorted, in-place forms on mutable
# and immutable values, sequence helpers, and the getters' errors.
import functools
import operator as op


class Address:
    def __init__(self, city, zipcode):
        self.city, self.zipcode = city, zipcode


class Person:
    def __init__(self, name, age, city, zipcode):
        self.name, self.age = name, age
        self.address = Address(city, zipcode)

    def describe(self, prefix="", upper=False):
        s = prefix + self.name
        return s.upper() if upper else s

    def __repr__(self):
        return self.name


people = [Person("ann", 31, "Oslo", "0150"), Person("bob", 25, "Bergen", "5003"),
          Person("cy", 31, "Bergen", "5004"), Person("dee", 25, "Oslo", "0151")]
print(sorted(people, key=op.attrgetter("age", "name")), sorted(people, key=op.attrgetter("address.city", "age")))
print(op.attrgetter("address.city")(people[0]), op.attrgetter("name", "address.zipcode")(people[1]))
print(list(map(op.methodcaller("describe", ">", upper=True), people)), op.methodcaller("describe")(people[2]))
print(op.attrgetter("a", "b.c"), op.itemgetter(1, "k"), op.itemgetter(slice(None, None, -1))("abc"))

rows = [("x", 3, 2.5), ("y", 1, 9.0), ("x", 1, 0.5), ("z", 3, 1.5)]
print(sorted(rows, key=op.itemgetter(1, 0)), sorted(rows, key=op.itemgetter(2), reverse=True)[0])
print(list(map(op.itemgetter(0), rows)), op.itemgetter(0, -1)(rows), op.itemgetter("b", "a")({"a": 1, "b": 2}))
by_key = {}
for name, n, _ in rows:
    by_key[name] = by_key.get(name, 0) + n
print(max(by_key.items(), key=op.itemgetter(1)), sorted(by_key.items(), key=op.itemgetter(1, 0)))

print(functools.reduce(op.mul, range(1, 11)), functools.reduce(op.or_, [1, 2, 4, 64]), functools.reduce(op.concat, ["a", "b", "c"]))
print(list(map(op.add, [1, 2, 3], [10, 20, 30])), list(map(op.neg, [1, -2])), list(map(op.pow, [2, 3], [10, 2])))
print(list(filter(op.truth, [0, 1, "", "a", None, [0]])), list(map(op.not_, [[], [0]])), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 1.0), op.ge("b", "a"), op.gt([1, 2], [1]))
print(op.floordiv(-7, 2), op.mod(-7, 2), op.truediv(7, 4), op.lshift(1, 70), op.rshift(-16, 2), op.xor(0b1100, 0b1010),
      op.and_({1, 2}, {2, 3}), op.inv(5), op.invert(0), op.abs(-3.5), op.pos(-0.0), op.neg(0.0), op.mod("%s-%s", (1, 2)))
print(op.countOf([1, 1.0, True, 2], 1), op.indexOf("abc", "c"), op.contains(range(5), 3), op.getitem("hello", slice(1, 4)))
lst = [1, 2, 3, 4]
op.setitem(lst, 0, 9)
op.delitem(lst, slice(1, 3))
print(lst, op.length_hint([1, 2]), op.length_hint(5, 42))
acc = [1]
same = op.iadd(acc, [2])
tup = (1,)
new = op.iadd(tup, (2,))
print(same is acc, acc, new, tup, op.imul("ab", 3), op.isub(10, 4), op.imul([0], 2))
for bad in (lambda: op.itemgetter(5)([1]), lambda: op.itemgetter("k")({}), lambda: op.attrgetter("zz")(people[0]),
            lambda: op.attrgetter("address.zz")(people[0]), lambda: op.methodcaller("nope")(people[0]),
            lambda: op.indexOf([1], 5), lambda: op.truediv(1, 0), lambda: op.add(1, "a"), lambda: op.lt(1, None)):
    try:
        bad()
    except (IndexError, KeyError, AttributeError, ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
