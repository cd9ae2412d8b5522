# A traffic-light state machine and file permissions: enum and Flag as
# ordinary programs use them (lookups, iteration, dict keys, bit sets).
from enum import Enum, Flag, auto, unique


@unique
class Light(Enum):
    RED = auto()
    GREEN = auto()
    YELLOW = auto()

    def next(self):
        return _TRANSITIONS[self]

    @property
    def can_go(self):
        return self is Light.GREEN


_TRANSITIONS = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}

state = Light.RED
log = []
for tick in range(7):
    log.append("%d:%s%s" % (tick, state.name, "*" if state.can_go else ""))
    state = state.next()
print(" ".join(log))
print({light.name: light.value for light in Light})
print(Light(2), Light["YELLOW"], Light.RED.value + Light.GREEN.value)


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE  # a multi-bit member: an alias of the combination


def describe(p):
    return "%-24s %-12s %d bits, %s" % (repr(p), str(p), len(p), [m.name for m in p])


for p in [Perm.READ, Perm.READ | Perm.WRITE, Perm.RW | Perm.EXEC, Perm(0), ~Perm.WRITE, Perm.RW & ~Perm.READ]:
    print(describe(p))
print(Perm.RW is (Perm.READ | Perm.WRITE), Perm.WRITE in Perm.RW, Perm.EXEC in Perm.RW, bool(Perm(0)))
print(list(Perm), list(Perm.__members__))

files = {"a.txt": Perm.READ, "b.sh": Perm.RW | Perm.EXEC, "c.log": Perm.RW}
for name, perm in sorted(files.items()):
    flags = "".join(ch if m in perm else "-" for ch, m in zip("rwx", [Perm.READ, Perm.WRITE, Perm.EXEC]))
    print(name, flags, perm.value)
try:
    Perm(16)
except ValueError as e:
    print("ValueError:", e)
try:
    Light(7)
except ValueError as e:
    print("ValueError:", e)


class Status(Enum):
    OK = 200, "fine"
    NOT_FOUND = 404, "missing"

    def __init__(self, code, text):
        self.code = code
        self.text = text

    @classmethod
    def by_code(cls, code):
        for s in cls:
            if s.code == code:
                return s
        raise LookupError(code)


print(Status.OK.value, Status.by_code(404).text, Status((404, "missing")).name)

Shape = Enum("Shape", "CIRCLE SQUARE, TRIANGLE", start=10)
print([(s.name, s.value) for s in Shape], Shape.SQUARE, repr(Shape))
Method = Enum("Method", {"GET": "get", "POST": "post"})
print(Method("post"), Method.GET.value)


class Ordered(Enum):
    def __lt__(self, other):
        if type(self) is type(other):
            return self.value < other.value
        return NotImplemented


class Size(Ordered):
    S = 1
    M = 2
    L = 3


print(sorted([Size.L, Size.S, Size.M]), max(Size), Size.S < Size.L)
