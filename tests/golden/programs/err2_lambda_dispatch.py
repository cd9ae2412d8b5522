# A small RPN calculator dispatching through a table of lambdas. Errors from
# inside lambdas (wrong argument count, bad operand types, division by zero,
# a missing operator) are caught and reported; the final uncaught TypeError
# comes from a lambda called in a nested list comprehension inside a method,
# four frames below the module.
import operator

OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": operator.mul,
    "/": lambda a, b: a / b,
    "neg": lambda a: -a,
    "avg": lambda *xs: sum(xs) / len(xs),
}
ARITY = {"neg": 1, "avg": 3}


class Calculator:
    def __init__(self, ops):
        self.ops = ops
        self.stack = []

    def apply(self, name, arity=None):
        fn = self.ops[name]
        n = arity if arity is not None else ARITY.get(name, 2)
        args = self.stack[-n:]
        del self.stack[-n:]
        self.stack.append(fn(*args))

    def run(self, program):
        self.stack = []
        for token in program.split():
            if token in self.ops or token.startswith("?"):
                self.apply(token)
            else:
                self.stack.append(float(token) if "." in token else int(token))
        return self.stack

    def table(self, name, xs, ys):
        fn = self.ops[name]
        return [[fn(x, y) for y in ys] for x in xs]


calc = Calculator(OPS)
print(calc.run("3 4 + 2 *"), calc.run("1 2 3 avg neg"), calc.run("7 2 / 1.5 -"))
print(calc.table("*", range(1, 4), range(1, 4)))

for program, arity in [("1 0 /", None), ("5 ?sqrt", None), ("1 2 3", None), ("1 2 neg", 2)]:
    try:
        calc.run(program) if arity is None else (calc.run("1 2"), calc.apply("neg", arity))
        print(program, "->", calc.stack)
    except (ZeroDivisionError, KeyError, TypeError) as e:
        print(f"{program!r}: {type(e).__name__}: {e}")

calc.stack = ["a", 2]
try:
    calc.apply("-")
except TypeError as e:
    print("typed:", e)

print(calc.table("+", ["x", "y"], ["1", "2"]))
print(calc.table("+", [1, 2], [10, None]))
