# What hash() makes of __hash__'s result (CPython's slot_tp_hash): an int
# that fits 64 bits is used as it is, -1 becomes -2, a larger int is reduced
# as hash(int) does; anything else is a TypeError.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**62 + 5, 2**63 - 1, -2**63, 2**63, 2**64 + 7, -2**64, True]:
    print(h, hash(H(h)), hash(H(h)) == hash(h))


class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name

    def __hash__(self):
        return hash(self.name)


print(hash(H(hash("spam"))) == hash("spam"), hash(H(hash(-1.5))) == hash(-1.5))
d = {Key("a"): 1, Key("b"): 2}
print(d[Key("a")], Key("b") in d, hash(Key("a")) == hash("a"), len({Key("x"), Key("x"), Key("y")}))
for bad in ["1", 1.0, None]:
    try:
        hash(H(bad))
    except TypeError as e:
        print("TypeError:", e)


class NoHash:
    __hash__ = None


class EqOnly:
    def __eq__(self, other):
        return True


for cls in (NoHash, EqOnly):
    try:
        hash(cls())
    except TypeError as e:
        print("TypeError:", e)
