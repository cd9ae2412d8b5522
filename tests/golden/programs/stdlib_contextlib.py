# contextlib: generator-based context managers (normal exit, an exception
# handled or re-raised by the generator, misuse), suppress, closing,
# nullcontext, ExitStack's last-in first-out unwinding.
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress

log = []


@contextmanager
def tag(name):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        log.append("</%s>" % name)


with tag("a") as t:
    with tag("b"):
        log.append(t)
print(log)


@contextmanager
def handled():
    try:
        yield
    except ValueError as e:
        print("handled inside:", e)


with handled():
    raise ValueError("boom")
print("after handled")

try:
    with tag("c"):
        raise KeyError("passes through")
except KeyError as e:
    print("KeyError:", e, log[-1])


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError:
        raise ArithmeticError("translated") from None


try:
    with translate():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e)


try:
    with tag("s"):
        raise StopIteration("from the block")
except StopIteration as e:
    print("StopIteration:", e)


@tag("decorated")
def work(x):
    log.append("work %d" % x)
    return x * 2


log.clear()
print(work(1), work(2), log)

with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(5) as five:
    print(five)

with ExitStack() as stack:
    for name in ("x", "y", "z"):
        print(stack.enter_context(tag(name)))
    stack.callback(print, "callback", "args", sep="-")
print(log[-3:])


def cleanup_raises(*exc):
    raise RuntimeError("in cleanup")


try:
    with ExitStack() as stack:
        stack.push(lambda *exc: print("saw", exc[0].__name__ if exc[0] else None))
        stack.push(cleanup_raises)
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))

with ExitStack() as outer:
    inner = ExitStack()
    inner.callback(print, "moved")
    outer.enter_context(inner.pop_all())
    print("before exit")
with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError("suppressed by the stack")
print("done")
