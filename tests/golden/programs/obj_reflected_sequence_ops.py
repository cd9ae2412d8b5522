class R:
    def __radd__(self, other):
        return "R.__radd__(%r)" % (other,)
    def __rmul__(self, other):
        return "R.__rmul__(%r)" % (other,)
print("a" + R(), [1] + R(), (1,) + R(), "ab" * R(), [1] * R(), (2,) * R())
for f in [lambda: "a" + 1, lambda: "a" * 2.5, lambda: [1] + (2,), lambda: (1,) + [2], lambda: 2.5 * "a", lambda: "a" + None]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
s = "x"
try:
    s += 5
except TypeError as e:
    print("TypeError", e)
print("ab" * 3, 3 * "ab", "ab" * True, "ab" * -1 == "")
