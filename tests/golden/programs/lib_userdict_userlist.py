# collections.UserDict, UserList and UserString: wrappers around .data with
# the dict/list/str operations, results of the same (sub)class, __missing__,
# copy, |, the mixins of collections.abc, and subclassing them.
import copy
from collections import UserDict, UserList, UserString
from collections.abc import MutableMapping, MutableSequence, Sequence, Hashable


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = UserDict({"a": 1}, b=2)
d["c"] = 3
print(d, len(d), d["a"], d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" in d, list(d))
print(d.keys(), d.items(), list(d.values()), d.data, type(d.data).__name__)
show("missing:", lambda: d["z"])
del d["c"]
show("del missing:", lambda: d.__delitem__("c"))
print(d.pop("b"), d.pop("b", None), d.setdefault("e", 5), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d == {"x": 1, "y": 2, "z": 3}, d == UserDict(x=1, y=2, z=3), d != {})
print(d | {"w": 0}, {"w": 0} | d, d | UserDict(q=1), type(d | {}).__name__, type({} | d).__name__)
d |= {"v": 9}
d |= UserDict(u=8)
print(d, d.copy(), d.copy() is d, d.copy().data is d.data, copy.copy(d), copy.copy(d).data is d.data)
print(UserDict.fromkeys("ab", 0), UserDict(), UserDict(dict={"k": 1}), UserDict([(1, 2)]))
show("hash:", lambda: hash(UserDict()))
print(isinstance(d, MutableMapping), isinstance(d, dict), isinstance(d, Hashable))
d.clear()
print(d, len(d))


class Defaulting(UserDict):
    def __missing__(self, key):
        return "<%s>" % key


m = Defaulting(a=1)
m.extra = "kept"
print(m["a"], m["q"], "q" in m, m.get("q"), m.get("q", "dflt"), m)
c = m.copy()
print(type(c).__name__, c, c.extra, c.data is m.data)
print(type(m | {"b": 2}).__name__, m | {"b": 2})

l = UserList([3, 1, 2])
print(l, len(l), l[0], l[-1], l[1:], type(l[1:]).__name__, l.data, type(l.data).__name__)
l.append(4)
l.insert(0, 0)
l.extend([5, 6])
l.extend(UserList([7]))
print(l, l.pop(), l.pop(0), l.index(4), l.count(1), 2 in l, 9 in l)
l.remove(4)
l.sort()
print(l)
l.sort(key=lambda x: -x)
print(l)
l.reverse()
print(l, list(reversed(l)))
show("remove missing:", lambda: l.remove(99))
show("index missing:", lambda: l.index(99))
show("pop empty:", lambda: UserList().pop())
print(l + [9], [9] + l, l + UserList([8]), l + (1,), type(l + [9]).__name__, type([9] + l).__name__)
print(l * 2, 2 * l, l == [1, 2, 3, 5, 6], l == UserList([1, 2, 3, 5, 6]), l < [2], l > UserList([1]), l <= l, l >= [9])
l2 = l
l += [10]
l *= 2
print(l, l is l2)
l[0] = 100
l[1:3] = [7, 7, 7]
del l[-1]
del l[:2]
print(l, l.copy(), type(l.copy()).__name__, copy.copy(l), copy.deepcopy(l))
l.clear()
print(l, UserList(), UserList((1, 2)), UserList(UserList([3])), UserList("ab"))
show("hash:", lambda: hash(UserList()))
print(isinstance(l, MutableSequence), isinstance(l, list))


class Stack(UserList):
    def push(self, x):
        self.append(x)


st = Stack([1, 2])
st.push(3)
print(st, type(st[:1]).__name__, type(st + [1]).__name__, type(st * 2).__name__, type(st.copy()).__name__)

s = UserString("Hello World")
print(s, repr(s), str(s), len(s), s[0], s[-5:], type(s[0]).__name__, list(s)[:3])
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold(), type(s.upper()).__name__)
print(s.split(), s.split("o"), s.rsplit(" ", 1), s.partition(" "), s.rpartition("o"), UserString("a\nb").splitlines())
print(s.find("o"), s.rfind("o"), s.find(UserString("W")), s.index("W"), s.rindex("o"), s.count("l"), s.count(UserString("o")))
show("index missing:", lambda: s.index("z"))
print(s.startswith("Hell"), s.endswith("ld"), s.startswith("World", 6), s.find("o", 5), s.count("l", 0, 4))
print(s.replace("World", "There"), s.replace(UserString("l"), UserString("L"), 2), s.strip("Hd"), s.lstrip("H"), s.rstrip("d"))
print(s.center(15, "*"), s.ljust(13, "."), s.rjust(13), s.zfill(13), UserString("a\tb").expandtabs(4))
print(s.removeprefix("Hello "), s.removesuffix(UserString(" World")), s.isalpha(), UserString("abc").isalpha(), UserString("12").isdigit(), UserString("12").isdecimal(), UserString("12").isnumeric())
print(UserString("ab").isidentifier(), UserString("ab").islower(), UserString("AB").isupper(), UserString(" ").isspace(), UserString("Ab Cd").istitle(), UserString("ab1").isalnum(), UserString("ab").isascii(), UserString("ab").isprintable())
print(UserString(",").join(["a", "b"]), UserString("{}-{x}").format(1, x=2), UserString("{a}").format_map({"a": 5}), s.encode(), type(s.encode()).__name__)
print(s + "!", s + UserString("?"), s + 5, s * 2, 2 * UserString("ab"), UserString("%s=%d") % ("x", 3), type(s + "!").__name__)
print(s == "Hello World", s == UserString("Hello World"), s != "x", s < "Z", s <= UserString("Hello World"), s > "A", s >= "Hello")
print("World" in s, UserString("lo") in s, "z" in s, hash(s) == hash("Hello World"), int(UserString("42")), float(UserString("1.5")))
print(UserString(42), UserString(UserString("x")), UserString([1]), s.translate({ord("o"): "0"}), UserString.maketrans("a", "b"))
print(isinstance(s, Sequence), isinstance(s, str), isinstance(s, Hashable), sorted([UserString("b"), UserString("a")]))


class Shout(UserString):
    def shout(self):
        return self.upper() + "!"


print(Shout("hey").shout(), type(Shout("hey").shout()).__name__, type(Shout("a")[0]).__name__)
