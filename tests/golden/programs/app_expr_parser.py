# Arithmetic expression calculator: a tokenizer, a recursive-descent parser
# building an AST of node classes, an evaluator with variables and functions,
# a pretty-printer, and error reporting with a caret under the bad column.
import math


class CalcError(Exception):
    def __init__(self, message, pos):
        super().__init__(message)
        self.pos = pos


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"{self.kind}:{self.text}"


OPERATORS = {"+", "-", "*", "/", "%", "^", "(", ")", ",", "="}


def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            if text.count(".") > 1:
                raise CalcError(f"malformed number {text!r}", start)
            tokens.append(Token("num", text, start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], start))
        elif ch == "*" and src[i:i + 2] == "**":
            tokens.append(Token("op", "^", i))
            i += 2
        elif ch in OPERATORS:
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r}", i)
    tokens.append(Token("end", "", len(src)))
    return tokens


class Num:
    def __init__(self, value):
        self.value = value

    def show(self):
        return repr(self.value)


class Var:
    def __init__(self, name, pos):
        self.name, self.pos = name, pos

    def show(self):
        return self.name


class BinOp:
    def __init__(self, op, left, right, pos):
        self.op, self.left, self.right, self.pos = op, left, right, pos

    def show(self):
        return f"({self.left.show()} {self.op} {self.right.show()})"


class Neg:
    def __init__(self, operand):
        self.operand = operand

    def show(self):
        return f"-{self.operand.show()}"


class Call:
    def __init__(self, name, args, pos):
        self.name, self.args, self.pos = name, args, pos

    def show(self):
        return f"{self.name}({', '.join(a.show() for a in self.args)})"


class Assign:
    def __init__(self, name, expr):
        self.name, self.expr = name, expr

    def show(self):
        return f"{self.name} := {self.expr.show()}"


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    @property
    def tok(self):
        return self.tokens[self.i]

    def take(self, kind=None, text=None):
        t = self.tok
        if (kind and t.kind != kind) or (text and t.text != text):
            want = text or kind
            got = t.text or "end of input"
            raise CalcError(f"expected {want!r}, got {got!r}", t.pos)
        self.i += 1
        return t

    def parse(self):
        if self.tok.kind == "name" and self.tokens[self.i + 1].text == "=":
            name = self.take("name").text
            self.take("op", "=")
            node = Assign(name, self.expr())
        else:
            node = self.expr()
        self.take("end")
        return node

    def expr(self):
        node = self.term()
        while self.tok.text in ("+", "-"):
            op = self.take()
            node = BinOp(op.text, node, self.term(), op.pos)
        return node

    def term(self):
        node = self.unary()
        while self.tok.text in ("*", "/", "%"):
            op = self.take()
            node = BinOp(op.text, node, self.unary(), op.pos)
        return node

    def unary(self):
        if self.tok.text == "-":
            self.take()
            return Neg(self.unary())
        if self.tok.text == "+":
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text == "^":
            op = self.take()
            return BinOp("^", base, self.unary(), op.pos)  # right associative
        return base

    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.take()
            return Num(float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            self.take()
            if self.tok.text == "(":
                self.take()
                args = []
                if self.tok.text != ")":
                    args.append(self.expr())
                    while self.tok.text == ",":
                        self.take()
                        args.append(self.expr())
                self.take("op", ")")
                return Call(t.text, args, t.pos)
            return Var(t.text, t.pos)
        if t.text == "(":
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise CalcError(f"unexpected {t.text or 'end of input'!r}", t.pos)


FUNCS = {"sqrt": (1, math.sqrt), "max": (None, max), "min": (None, min),
         "abs": (1, abs), "hyp": (2, math.hypot), "fact": (1, math.factorial)}


class Evaluator:
    def __init__(self):
        self.env = {"pi": math.pi}

    def eval(self, node):
        method = getattr(self, "eval_" + type(node).__name__)
        return method(node)

    def eval_Num(self, node):
        return node.value

    def eval_Var(self, node):
        if node.name not in self.env:
            raise CalcError(f"unknown variable {node.name!r}", node.pos)
        return self.env[node.name]

    def eval_Neg(self, node):
        return -self.eval(node.operand)

    def eval_Assign(self, node):
        self.env[node.name] = value = self.eval(node.expr)
        return value

    def eval_Call(self, node):
        if node.name not in FUNCS:
            raise CalcError(f"unknown function {node.name}()", node.pos)
        arity, fn = FUNCS[node.name]
        args = [self.eval(a) for a in node.args]
        if arity is not None and len(args) != arity:
            raise CalcError(f"{node.name}() takes {arity} argument(s), got {len(args)}", node.pos)
        try:
            return fn(*args)
        except (ValueError, TypeError) as e:
            raise CalcError(f"{node.name}(): {e}", node.pos) from e

    def eval_BinOp(self, node):
        a, b = self.eval(node.left), self.eval(node.right)
        op = node.op
        try:
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if op == "/":
                return a / b
            if op == "%":
                return a % b
            return a ** b
        except ZeroDivisionError:
            raise CalcError("division by zero", node.pos) from None


def run(lines):
    ev = Evaluator()
    for line in lines:
        try:
            tree = Parser(tokenize(line)).parse()
            value = ev.eval(tree)
        except CalcError as e:
            print(f"> {line}")
            print("  " + " " * e.pos + "^")
            print(f"  error: {e} (column {e.pos + 1})")
            if e.__cause__ is not None:
                print(f"  caused by {type(e.__cause__).__name__}")
            continue
        if isinstance(value, float):
            shown = f"{value:.6g}"
        else:
            shown = str(value)
        print(f"> {line:<28} {tree.show():<36} = {shown}")
    return ev.env


PROGRAM = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "2 ** -1",
    "-2 ^ 2",
    "x = 7 % 4 + 10 / 4",
    "y = hyp(3, 4) * x",
    "max(1, y, x * 2, 3) - min(4, 2)",
    "fact(20) / fact(18)",
    "fact(25)",
    "sqrt(pi * pi)",
    "1 + ",
    "3 * (4 + 5",
    "2 $ 3",
    "zz + 1",
    "1 / (x - x)",
    "sqrt(-1)",
    "hyp(1)",
    "nope(2)",
    "1.2.3 + 4",
    "7 7",
    "fact(2.5)",
]

env = run(PROGRAM)
print(sorted((k, round(v, 4)) for k, v in env.items()))
print(tokenize("a=b**2"))
