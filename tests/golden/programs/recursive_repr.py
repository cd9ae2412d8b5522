# Containers that contain themselves print "[...]" / "{...}" where they
# meet themselves again (CPython's Py_ReprEnter), and the main program is
# sys.modules['__main__'].
import sys
from collections import deque

l = [1]
l.append(l)
print(l, repr(l), str(l))
d = {"a": 1}
d["self"] = d
print(d)
outer = [l, d, (l,)]
print(outer)
q = deque([1])
q.append(q)
print(q)
m = {"list": [0]}
m["list"].append(m)
print(m)


class Node:
    def __init__(self):
        self.children = [self]

    def __repr__(self):
        return "Node(%r)" % (self.children,)


node = Node()  # kept in a global: gillab has no cycle collector yet (ASan's leak check)
print(repr(node))

main = sys.modules["__main__"]
print(main.__name__, main.Node is Node, main.l is l, hasattr(main, "nope"))
