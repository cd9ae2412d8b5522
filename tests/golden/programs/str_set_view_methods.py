# str methods (format_map, expandtabs, is*, casefold, translate/maketrans),
# set *_update methods, set-like dict views.
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"

print("{a}-{b}".format_map({"a": 1, "b": 2}))
print("{a}-{b}".format_map(Default(a="x")))
print("{0[k]:>5}|{a.real}".format_map({"a": 3, "0": {"k": "v"}}) if False else "skip")
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
try:
    "{}".format_map({})
except ValueError as e:
    print("ValueError", e)
print(repr("a\tbc\td\n\tx".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc".expandtabs(tabsize=0)))
print(repr("12345\t6\r\t7".expandtabs(3)))
for s in ["", "abc", "ABC", "Abc Def", "abc Def", "Hello World!", "123", "x²", "a\tb", "é", "Élan Vital", "ascii", "naïve", " ", "\x7f", "a b"]:
    print(repr(s), s.isascii(), s.isdecimal(), s.isnumeric(), s.isprintable(), s.istitle())
print("Straße".casefold(), "HELLO".casefold(), "ÉCOLE".casefold())
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdabcd".translate(t))
print("hello".translate({ord("l"): None, ord("h"): "J", ord("o"): 0x21}))
print("hello".translate(str.maketrans({"e": "3", "o": None, 108: "L"})))
print("x".maketrans("a", "b"))
for bad in [("ab", "c"), (1,), ({"ab": 1},), ({1.5: 1},)]:
    try:
        str.maketrans(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "A"
        raise LookupError(k)
print("banana".translate(Table()))
try:
    "abc".translate({97: 3.5})
except TypeError as e:
    print("TypeError", e)

s = {1, 2, 3, 4, 5}
s.difference_update([1], (2,))
print(sorted(s))
s.intersection_update(range(4, 10), [4, 5, 9])
print(sorted(s))
s.symmetric_difference_update([5, 6, 7])
print(sorted(s))
r = s.intersection_update()
print(r, sorted(s))
try:
    s.symmetric_difference_update()
except TypeError as e:
    print("TypeError", e)
try:
    s.difference_update(5)
except TypeError as e:
    print("TypeError", e)

d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 30, "d": 40}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | e.keys()), sorted(d.keys() - e.keys()), sorted(d.keys() ^ e.keys()))
print(sorted(d.keys() & ["a", "z"]), sorted(["a", "z"] & d.keys()), sorted({"a", "q"} | d.keys()))
print(sorted(d.items() & {("a", 1), ("b", 3)}), sorted(d.items() - {("a", 1)}))
print(d.keys() == {"a", "b", "c"}, d.keys() == {"a"}, {"a", "b", "c"} == d.keys(), d.keys() != e.keys())
print(d.keys() <= {"a", "b", "c", "d"}, d.keys() < d.keys(), d.keys() >= {"a"}, d.items() == {("a", 1), ("b", 2), ("c", 3)})
print(d.keys() == ["a", "b", "c"], d.keys().isdisjoint(["x", "y"]), d.keys().isdisjoint("abc"), d.items().isdisjoint([("a", 1)]))
k = d.keys()
k |= {"z"}
print(type(k).__name__, sorted(k))
try:
    d.values() & {1}
except TypeError as e:
    print("TypeError", e)
try:
    d.keys() & 5
except TypeError as e:
    print("TypeError", e)
