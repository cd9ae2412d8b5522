# Chained comparisons (each operand evaluated once, short-circuiting),
# and/or/not returning operands, conditional expressions, operator precedence
# corner cases (unary minus vs **, not vs ==, bitwise vs comparison), and rich
# comparison fallbacks.
log = []

def v(tag, value):
    log.append(tag)
    return value

def run(label, fn):
    log.clear()
    result = fn()
    print(f"{label:34} -> {result!r:12} evaluated {log}")

run("1 < 2 < 3", lambda: v("a", 1) < v("b", 2) < v("c", 3))
run("1 < 0 < boom (short-circuit)", lambda: v("a", 1) < v("b", 0) < v("c", 1 / 1))
run("middle evaluated once", lambda: v("a", 1) < v("b", 5) > v("c", 2))
run("a == b != c", lambda: v("a", 1) == v("b", 1) != v("c", 1))
run("x in y not in z", lambda: v("a", 1) in v("b", [1]) not in v("c", [[2]]))
run("is / is not chain", lambda: v("a", None) is v("b", None) is not v("c", 0))
run("and returns first falsy", lambda: v("a", 1) and v("b", 0) and v("c", 3))
run("and returns last truthy", lambda: v("a", "x") and v("b", [1]))
run("or returns first truthy", lambda: v("a", 0) or v("b", "") or v("c", "hit") or v("d", 9))
run("or returns last falsy", lambda: v("a", 0) or v("b", ()) or v("c", None))
run("not binds looser than ==", lambda: not v("a", 1) == v("b", 2))
run("ternary only evaluates one side", lambda: v("t", 1) if v("cond", 0) else v("f", 2))
run("nested ternary is right-assoc", lambda: "a" if v("c1", False) else "b" if v("c2", True) else "c")
run("and/or precedence", lambda: v("a", 1) or v("b", 0) and v("c", 0))

# arithmetic precedence
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, -2 ** -2)
print(not 1 + 1, ~5 + 1, -~5, ~-5, - - 3, +-+3)
print(1 + 2 * 3 - 4 / 2, 7 // 2 * 2, 7 % 3 ** 2, -7 // 2, -7 % 3, 7 % -3)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, 1 + 1 << 2, 6 & 3 == 2)
print(1 < 2 == True, (1 < 2) == True, 3 > 2 > 1 == 1, 0 == 0.0 == -0.0 == False)
print("a" "b" * 2, ("a" + "b") * 2, [1] * 2 + [3], 2 * [0] * 2)
print(True + True, True * 3, -True, True << 3, False ** 0, divmod(-7, 2), divmod(7, -2))
print(1 if True else 2 + 10, (1 if False else 2) + 10, [x for x in (1, 2) if x if x > 1])
lam = lambda: 1 if False else 2
print(lam(), (lambda x: x or "empty")(""), [] or {} or 0 or "last")

# rich comparison: reflected operator tried, NotImplemented fallback, identity for ==
class Left:
    def __lt__(self, other):
        log.append("Left.__lt__")
        return NotImplemented

    def __eq__(self, other):
        log.append("Left.__eq__")
        return NotImplemented

class Right:
    def __gt__(self, other):
        log.append("Right.__gt__")
        return "gt-result"

    def __eq__(self, other):
        log.append("Right.__eq__")
        return NotImplemented

log.clear()
print(Left() < Right(), log)
log.clear()
l_obj = Left()
print(l_obj == Right(), l_obj == l_obj, l_obj != Right(), log)
log.clear()

for expr in (lambda: Left() < Left(), lambda: 1 < "a", lambda: [1] < (1,), lambda: None > None,
             lambda: {1: 2} <= {1: 2}, lambda: 3 < 4 < "x"):
    try:
        print(expr())
    except TypeError as e:
        print(type(e).__name__, e)

# comparison of sequences: element-wise, then length; nan breaks reflexivity but not identity
nan = float("nan")
print([1, 2] < [1, 2, 0], (1, "b") > (1, "a"), [nan] == [nan], nan == nan, [[1]] < [[1, 0]])
print(min([3, 1, 2]), max("apple", "banana", key=len), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(bool([]), bool([0]), bool(0.0), bool(-0.0), bool(""), bool(" "), bool(None), bool(range(0)))
