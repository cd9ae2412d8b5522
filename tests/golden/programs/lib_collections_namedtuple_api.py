# collections.namedtuple's API and CPython's messages: bad names
# (keywords, non-identifiers, leading underscores, duplicates), rename=True,
# defaults and their __new__ argument errors, _make, _replace with unknown
# fields, _asdict, _fields, _field_defaults, read-only fields, subclasses
# with extra properties, and reprs.
import copy
from collections import namedtuple


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


P = namedtuple("Point", ["x", "y"])
p = P(1, y=2)
print(p, P, P._fields, P._field_defaults, p._asdict(), p.x, p[1], p == (1, 2), isinstance(p, tuple))
print(p._replace(x=10), P._make([3, 4]), P._make(range(2)), P.__match_args__, P.__doc__)
show("replace z:", lambda: p._replace(z=1))
show("replace x,z,w:", lambda: p._replace(x=1, z=1, w=2))
show("make short:", lambda: P._make([1]))
show("make long:", lambda: P._make([1, 2, 3]))
for bad in ["class", "def x", "1abc", "a-b", "_x", "x x", "", "None", "async"]:
    show("field %r:" % bad, lambda: namedtuple("T", ["ok", bad]))
show("dup:", lambda: namedtuple("T", "a b a"))
show("type kw:", lambda: namedtuple("for", "a"))
show("type bad:", lambda: namedtuple("1T", "a"))
show("underscore:", lambda: namedtuple("T", "a _b"))
show("too many defaults:", lambda: namedtuple("T", "a b", defaults=(1, 2, 3)))
show("int fields:", lambda: namedtuple("U", [1, 2]))
print(namedtuple("R", "abc def ghi _1 abc x-y 2z", rename=True)._fields)
print(namedtuple("U", [1, 2], rename=True)._fields, namedtuple("K", "if else pass ok", rename=True)._fields)
print(namedtuple("S", "a,b , c")._fields, namedtuple("S", "a b")(1, 2), namedtuple("N", ("a", "b"))(a=1, b=2)._asdict())

D = namedtuple("D", "a b c", defaults=[2, 3])
print(D(1), D(1, 5), D(c=0, a=9), D._field_defaults, D.__new__.__defaults__)
show("D():", lambda: D())
show("D(1,2,3,4):", lambda: D(1, 2, 3, 4))
show("D(1, a=2):", lambda: D(1, a=2))
show("D(1, q=2):", lambda: D(1, q=2))
show("P():", lambda: P())
show("P(1):", lambda: P(1))
show("P(1, 2, 3):", lambda: P(1, 2, 3))
show("P(y=1):", lambda: P(y=1))
show("E():", lambda: namedtuple("E", "")())
show("E(1):", lambda: namedtuple("E", "")(1))
show("T3():", lambda: namedtuple("T3", "a b c")())
show("T4(b=1):", lambda: namedtuple("T4", "a b c d")(b=1))
E = namedtuple("E", [])
print(E(), E._fields, repr(E()), len(E()))
D2 = namedtuple("D2", "a b", defaults=())
print(D2._field_defaults, D2.__new__.__defaults__, namedtuple("D3", "a b", defaults=iter([0]))(5))


def set_x():
    p.x = 5


def del_x():
    del p.x


def set_z():
    p.z = 5


show("set x:", set_x)
show("del x:", del_x)
show("set z:", set_z)
print(P.x.__doc__, "|", P.y.__doc__, "|", P.__new__.__doc__)


class Pt(P):
    __slots__ = ()

    @property
    def norm(self):
        return self.x * self.x + self.y * self.y

    def __str__(self):
        return "Pt<%d,%d>" % (self.x, self.y)


q = Pt(3, 4)
print(q, repr(q), q.norm, q._replace(x=0), type(q._replace(x=0)).__name__, Pt._make((1, 1)), q._asdict())
x, y = p
print(x, y, len(p), p + (3,), p[::-1], hash(p) == hash((1, 2)), sorted([P(2, 1), P(1, 2)]))
print(P(1, 2) < P(1, 3), max(P(5, 0), P(1, 9)), p.count(1), p.index(2), tuple(p), list(P(*"ab")))
T = namedtuple("T", "a b")
t = T([1], {"k": "v"})
print(t, T("s", None), T(1.5, -0.0), T(T(1, 2), ()))
print(copy.copy(p), copy.deepcopy(t), copy.deepcopy(t).a is t.a)
print(P.__name__, P.__qualname__, P.__module__, P._make.__name__)
F = namedtuple("F", ["x"], module="mymod")
print(F, F.__module__)
