# operator's function forms (itemgetter, attrgetter, methodcaller and the
# arithmetic ones), copy (shallow and deep, with shared and recursive
# structure and __copy__/__deepcopy__), and bisect (left/right, insort,
# key=), and list.index with start and stop.
import bisect
import copy
import operator


class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.tags = ["x"]

    def greet(self, other):
        return "%s greets %s" % (self.name, other)


people = [P("ann", 31), P("bob", 25), P("cy", 40)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))])
print(operator.itemgetter(1, 0)("ab"), operator.itemgetter(slice(1, None))([1, 2, 3]), operator.attrgetter("name", "age")(people[0]))
print(operator.methodcaller("greet", "you")(people[1]), operator.add(2, 3), operator.mul("a", 3), operator.neg(4),
      operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.not_(0),
      operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"), operator.concat([1], [2]), operator.lt(1, 2),
      operator.index(5), operator.truth([]))

shallow = copy.copy(people[0])
deep = copy.deepcopy(people[0])
people[0].tags.append("y")
print(shallow.tags, deep.tags, shallow.tags is people[0].tags)
shared = [1]
nested = [shared, shared, {"k": shared}]
dc = copy.deepcopy(nested)
print(dc[0] is dc[1], dc[2]["k"] is dc[0], dc[0] is shared)
loop = [1]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc[1] is lc, lc is not loop)


class Custom:
    def __init__(self):
        self.n = 1

    def __copy__(self):
        c = Custom()
        c.n = "copied"
        return c

    def __deepcopy__(self, memo):
        c = Custom()
        c.n = "deep"
        return c


print(copy.copy(Custom()).n, copy.deepcopy([Custom()])[0].n, copy.copy((1, 2)), copy.deepcopy("s"))

xs = [1, 3, 3, 3, 7, 9]
print(bisect.bisect_left(xs, 3), bisect.bisect_right(xs, 3), bisect.bisect(xs, 8), bisect.bisect_left(xs, 0),
      bisect.bisect_left(xs, 3, 2), bisect.bisect_right(xs, 3, 0, 2))
bisect.insort(xs, 4)
bisect.insort_left(xs, 3)
print(xs)
records = [(1, "a"), (5, "b"), (9, "c")]
print(bisect.bisect_left(records, 5, key=lambda r: r[0]), bisect.bisect_right(records, 5, key=lambda r: r[0]))
bisect.insort(records, (7, "x"), key=lambda r: r[0])
print(records)
xs = [1, 2, 3, 2, 1]
print(xs.index(2), xs.index(2, 2), xs.index(1, -2), xs.index(2, 0, 2), xs.index(3, -100, 100))
for args in ((2, 4), (3, 0, 2), (9,), (1, 1, -1)):
    try:
        print(xs.index(*args))
    except ValueError as e:
        print("ValueError", e)
try:
    xs.index(1, None)
except TypeError as e:
    print("TypeError", e)
