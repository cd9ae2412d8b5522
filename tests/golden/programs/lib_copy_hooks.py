# copy: shallow versus deep on nested and shared structure, cycles through
# lists and dicts and instances, __copy__/__deepcopy__ hooks with the memo
# (shared objects copied once), slots, dict/list subclasses, the
# collections types, namedtuples, and objects copied as themselves.
import copy
from collections import Counter, OrderedDict, defaultdict, namedtuple


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

    def __repr__(self):
        return "Node(%s)" % self.name


root = Node("root")
a = root.add(Node("a"))
a.add(Node("a1"))
root.add(Node("b"))
clone = copy.deepcopy(root)
print(clone, clone.children, clone.children[0].children, clone.children[0].parent is clone, clone is not root)
print(clone.children[0].children[0].parent.parent is clone, a.parent is root)
shallow = copy.copy(root)
print(shallow.children is root.children, shallow.name, shallow.parent)

grid = [[0] * 3] * 2
g2 = copy.deepcopy(grid)
g2[0][0] = 1
print(g2, g2[0] is g2[1], grid)
d = {"k": [1, 2]}
d["self"] = d
d2 = copy.deepcopy(d)
print(d2["self"] is d2, d2["k"] is not d["k"], d2["self"]["k"] is d2["k"])
loop = []
loop.append({"back": loop})
l2 = copy.deepcopy(loop)
print(l2[0]["back"] is l2, len(l2))
tup = (1, "s", None, 2.5)
print(copy.deepcopy(tup) is tup, copy.copy([tup])[0] is tup, copy.deepcopy(([],))[0] == [], copy.deepcopy(((1, 2), 3)) is not None)

log = []


class Tracked:
    def __init__(self, value):
        self.value = value

    def __copy__(self):
        log.append("copy %r" % (self.value,))
        return Tracked(self.value)

    def __deepcopy__(self, memo):
        log.append("deepcopy %r, in memo: %s" % (self.value, id(self) in memo))
        new = Tracked(copy.deepcopy(self.value, memo))
        memo[id(self)] = new
        return new


t = Tracked([1, 2])
pair = [t, t, {"again": t}]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[2]["again"] is p2[0], p2[0].value == [1, 2], p2[0].value is not t.value)
p3 = copy.copy(pair)
print(p3[0] is t, copy.copy(t) is not t, log)
memo = {}
first = copy.deepcopy([1, [2]], memo)
print(first, len(memo) > 0, copy.deepcopy(t, {id(t): "cached"}))


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = [1]


s2 = copy.deepcopy(Slotted())
s3 = copy.copy(Slotted())
print(s2.x, hasattr(s2, "y"), type(s3).__name__, s3.x)


class Tags(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.owner = "me"


class Config(dict):
    pass


tags = Tags([["a"], "b"])
tc = copy.copy(tags)
td = copy.deepcopy(tags)
print(type(tc).__name__, tc, tc.owner, tc[0] is tags[0], td[0] is not tags[0], td.owner)
cfg = Config(db={"host": "x"})
cd = copy.deepcopy(cfg)
cd["db"]["host"] = "y"
print(type(cd).__name__, cd, cfg)

od = OrderedDict(b=[1], a=[2])
dd = defaultdict(list, k=[1])
cnt = Counter("hello")
print(copy.deepcopy(od), copy.copy(dd), copy.deepcopy(dd)["k"] is not dd["k"], copy.copy(cnt), type(copy.deepcopy(cnt)).__name__)
dd2 = copy.deepcopy(dd)
dd2["new"].append(5)
print(dd2, "new" in dd)
Pt = namedtuple("Pt", "x y")
pt = Pt([1], 2)
pd = copy.deepcopy(pt)
print(pd, type(pd).__name__, pd.x is not pt.x, copy.copy(pt) is pt or copy.copy(pt) == pt)


def func():
    return 1


print(copy.copy(func) is func, copy.deepcopy(len) is len, copy.deepcopy(Node) is Node, copy.deepcopy(range(3)),
      copy.copy(b"ab"), copy.deepcopy(frozenset([1])), copy.deepcopy({(1, 2): [3]}), copy.deepcopy(None))
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
