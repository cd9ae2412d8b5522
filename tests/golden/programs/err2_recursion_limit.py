# RecursionError under a small recursion limit: a caught one (the program
# goes on afterwards, and deep-but-legal recursion still works), one from
# mutual recursion, one from a recursive method, and an uncaught one
# re-raised "from None" with a message by a shallow wrapper. (The depths
# used stay clear of the limit's exact boundary, and no uncaught traceback
# shows the deep frames.)
import sys

sys.setrecursionlimit(60)
print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(30))
try:
    depth(200)
except RecursionError as e:
    print("caught:", e)
print(depth(40))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(20), is_odd(7))
try:
    is_even(500)
except RecursionError as e:
    print("mutual:", type(e).__name__)


class Node:
    def __init__(self, value, child=None):
        self.value = value
        self.child = child

    def total(self):
        return self.value + (self.child.total() if self.child else 0)


chain = None
for v in range(20):
    chain = Node(v, chain)
print(chain.total())


def length(node):
    n = 0
    while node:
        n, node = n + 1, node.child
    return n


def checked_total(node):
    try:
        return node.total()
    except RecursionError:
        raise RecursionError(f"chain of {length(node)} nodes is too deep for limit {sys.getrecursionlimit()}") from None


print(checked_total(chain))
for v in range(20, 100):
    chain = Node(v, chain)
print(checked_total(chain))
