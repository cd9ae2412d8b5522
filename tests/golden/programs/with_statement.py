# The with statement: __enter__'s value bound by as, __exit__ seeing the
# exception (type, value, traceback) and suppressing it by returning true,
# propagating otherwise, several managers in one statement (exited in
# reverse), an exception raised by __exit__, return/break/continue through
# a with block, and contextlib's managers.
import contextlib


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        return self.suppress


with Manager("a") as x:
    print("body", x)

with Manager("quiet", suppress=True):
    raise KeyError("swallowed")
print("after quiet")

try:
    with Manager("loud"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

with Manager("one") as a, Manager("two") as b:
    print("both", a, b)


def early():
    with Manager("ret"):
        return "returned"


print(early())
for i in range(3):
    with Manager("loop%d" % i):
        if i == 0:
            continue
        if i == 1:
            break


class Failing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("from __exit__")


try:
    with Failing():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))


@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    finally:
        print("</%s>" % name)


with tag("p") as t:
    print("inside", t)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    print("stacked")
try:
    with Manager("enter-fails") as m, Failing() as f:
        raise TypeError("inner")
except RuntimeError as e:
    print("outer saw", e)
