# Exception text: custom __str__/__repr__, args with zero/one/many values,
# KeyError's repr-quoting, exceptions whose __init__ skips super(), str() of
# exceptions raised by builtins, assert messages, and an uncaught custom
# exception whose __str__ appears in the final traceback line.
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self):
        return f"[E{self.code}] {self.detail}"

class Quiet(Exception):
    def __init__(self, what):          # does not call super().__init__
        self.what = what

class ReprOnly(Exception):
    def __repr__(self):
        return "ReprOnly<custom>"

class Empty(Exception):
    pass

samples = [Exception(), Exception("one"), Exception("a", 2), Exception(None), Exception(("t",)),
           KeyError("key"), KeyError(), KeyError("a", "b"), KeyError(3), IndexError(0),
           AppError(42, "disk full"), Quiet("shh"), ReprOnly("r"), Empty(), ValueError(""),
           OSError(2, "No such file"), UnicodeError("u"), StopIteration(5)]
for exc in samples:
    print(f"{type(exc).__name__:14} str={str(exc)!r:24} repr={exc!r:34} args={exc.args!r}")

try:
    raise AppError(7, "boom")
except Exception as e:
    print(type(e).__name__, e, "|", e.code, e.args)

# raising the class instantiates it with no args
try:
    raise Empty
except Empty as e:
    print("class raised:", repr(e), e.args)

# args can be reassigned; str follows args unless __str__ is overridden
e = ValueError("orig")
e.args = ("changed", 1)
print(str(e), repr(e))
a = AppError(1, "x")
a.args = ("ignored",)
print(str(a), repr(a))

# exceptions raised by builtins
for fn in (lambda: {}["missing"], lambda: {}[("t", 1)], lambda: [][5], lambda: "abc".index("z"),
           lambda: int("x1"), lambda: None.attr, lambda: len(5), lambda: 1 / 0, lambda: 2 ** -1 // 0,
           lambda: [1, 2].remove(3), lambda: "".join([1]), lambda: object().x, lambda: iter(5),
           lambda: next(iter([])), lambda: hash([]), lambda: "a" < 1, lambda: {1, 2}.pop() and set().pop()):
    try:
        fn()
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}")

# assert statement messages
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    assert x != 5, AppError(5, "five is banned")
    assert x < 100
    return x

for val in (1, -3, 5, 100):
    try:
        print("ok", check(val))
    except AssertionError as err:
        print("AssertionError", repr(str(err)), type(err.args[0]).__name__ if err.args else "no args")

# an exception whose __str__ raises
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("cannot stringify")

try:
    str(BadStr())
except RuntimeError as err:
    print("RuntimeError", err)

# finally: an uncaught custom exception; the traceback's last line uses __str__
raise AppError(500, "fatal: shutting down")
