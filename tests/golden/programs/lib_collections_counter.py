# collections.Counter as a multiset: most_common's tie order (first seen
# wins), arithmetic that drops non-positive counts, unary +/-, update and
# subtract from iterables, mappings and keywords, elements' order, reprs
# with zero and negative counts, and missing keys that are not inserted.
from collections import Counter

text = "the quick brown fox jumps over the lazy dog the end fox"
words = Counter(text.split())
print(words.most_common(3), words["the"], words["cat"], "cat" in words, len(words))
letters = Counter(text.replace(" ", ""))
print(letters.most_common(5))
print(Counter("bbaaccd").most_common(), Counter("bbaaccd").most_common(2), Counter("abc").most_common(0))
print(Counter([3, 1, 3, 2, 1, 3]).most_common(), Counter().most_common(), Counter("aab").most_common(10))

a = Counter(x=4, y=2, z=0, w=-1)
b = Counter(x=1, y=5, v=3)
print(a, b)
print(a + b, a - b, b - a)
print(a | b, a & b, +a, -a)
print(Counter(k=-2) - Counter(k=-5), Counter(k=-2) + Counter(), Counter(k=2) & Counter(k=-1))

c = Counter("aab")
c.update("abc")
c.update({"a": 10, "d": -2})
c.update(b=5, e=1)
print(c, c.total())
c.subtract("aaaa")
c.subtract({"e": 3})
c.subtract(d=1)
print(c, c.total(), sorted(c.elements()), list(Counter(b=2, a=1, c=-1, d=0).elements()))
print(+c, -c)

m = Counter()
print(m["never"], "never" in m, m, len(m))
del m["absent"]
m["k"] += 3
m["j"] -= 1
print(m, Counter({"a": 1.5, "b": 0.5}).most_common(), Counter({"x": 2}) + Counter(x=1))
print(Counter(a=1) == {"a": 1}, Counter(a=1, b=2) == Counter(b=2, a=1), type(c.copy()).__name__, c.copy() == c)
for bad in (lambda: Counter(a=1) + {"a": 1}, lambda: Counter(a=1) - 5):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Inventory(Counter):
    def restock(self, **items):
        self.update(items)
        return self


inv = Inventory(apples=3)
print(inv.restock(pears=2, apples=1), inv.most_common(1), isinstance(inv + inv, Counter), type(inv + inv).__name__)
total = Counter()
for word in ["red", "green", "red", "blue", "green", "red"]:
    total[word] += 1
print(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])), dict(total))
print(sum((Counter(s) for s in ["ab", "bc", "cd"]), Counter()))
