# contextlib and io.StringIO together: a transaction context manager that
# commits or rolls back (and what it does to the exception), managers with
# arguments and as decorators, suppress of base classes, ExitStack closing
# many resources with errors raised in callbacks; StringIO read/write
# positions, readline sizes, iteration, overwrite, truncate, padding.
import io
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress

db = {"balance": 100}
journal = []


@contextmanager
def transaction(store, label):
    snapshot = dict(store)
    journal.append("begin " + label)
    try:
        yield store
    except ValueError as e:
        store.clear()
        store.update(snapshot)
        journal.append("rollback %s: %s" % (label, e))
    except BaseException as e:
        store.clear()
        store.update(snapshot)
        journal.append("abort %s: %s" % (label, type(e).__name__))
        raise
    else:
        journal.append("commit " + label)


with transaction(db, "deposit") as s:
    s["balance"] += 50
with transaction(db, "bad withdraw") as s:
    s["balance"] -= 500
    if s["balance"] < 0:
        raise ValueError("insufficient funds")
try:
    with transaction(db, "crash"):
        db["balance"] = 0
        raise KeyError("lost")
except KeyError as e:
    print("KeyError escaped:", e)
print(db, journal)


@contextmanager
def tagged(name, out):
    out.write("<%s>" % name)
    yield name.upper()
    out.write("</%s>" % name)


page = io.StringIO()
with tagged("html", page):
    with tagged("body", page) as body_name:
        page.write(body_name)
print(page.getvalue())


@tagged("call", page)
def work():
    page.write("working")


page.seek(0)
page.truncate()
work()
work()
print(page.getvalue(), page.tell())


@contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise LookupError("translated " + str(e))


try:
    with translate():
        {}["x"]
except LookupError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
for exc in (KeyError, IndexError, ZeroDivisionError):
    with suppress(LookupError):
        try:
            raise exc("boom")
        except ZeroDivisionError:
            print("not suppressed:", exc.__name__)
with suppress():
    pass
try:
    with suppress(Exception):
        raise SystemExit(3)
except SystemExit as e:
    print("SystemExit passes suppress(Exception):", e.code)


class Resource:
    def __init__(self, name, log, fail=False):
        self.name, self.log, self.fail = name, log, fail

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        self.log.append("close %s (%s)" % (self.name, et.__name__ if et else "ok"))
        if self.fail:
            raise RuntimeError("close failed: " + self.name)
        return False

    def close(self):
        self.log.append("closing() " + self.name)


log = []
with ExitStack() as stack:
    files = [stack.enter_context(Resource(n, log)) for n in ("a", "b", "c")]
    stack.callback(log.append, "callback")
    print([f.name for f in files])
print(log)
log = []
try:
    with ExitStack() as stack:
        stack.enter_context(Resource("x", log, fail=True))
        stack.enter_context(Resource("y", log))
        stack.callback(lambda: 1 / 0)
        raise KeyError("body")
except RuntimeError as e:
    ctx = e.__context__
    print("RuntimeError:", e, "| context:", type(ctx).__name__, "| its context:", type(ctx.__context__).__name__)
print(log)
log = []
with ExitStack() as outer:
    inner = ExitStack()
    inner.enter_context(Resource("moved", log))
    outer.push(inner.pop_all())
    inner.close()
    log.append("inner closed")
print(log)
stack = ExitStack()
stack.callback(log.append, "manual")
stack.close()
with closing(Resource("c", log)) as r, nullcontext(r.name) as n:
    log.append("using " + n)
print(log[-4:], nullcontext().__enter__())
try:
    with ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print("TypeError:", type(e).__name__)

text = io.StringIO("alpha\nbeta\n\ngamma delta\nlast")
print(text.readline(), text.tell(), repr(text.readline(2)), repr(text.readline(0)), repr(text.readline()), text.tell())
print([line.rstrip("\n") for line in text], repr(text.readline()), repr(text.read()), text.tell())
text.seek(6)
print(repr(text.read(4)), text.seek(0, 2), text.seek(0, 1), text.seek(0), repr(text.read(None)[:5]))
print(io.StringIO("a\nbb\nccc\ndddd\n").readlines(3), io.StringIO("x\ny").readlines(), list(io.StringIO("")))
buf = io.StringIO("hello world")
print(buf.tell(), buf.write("J"), buf.getvalue(), buf.tell())
buf.seek(6)
buf.write("there!!")
print(repr(buf.getvalue()), buf.tell())
buf.seek(20)
print(buf.write("end"), repr(buf.getvalue()), len(buf.getvalue()))
print(buf.truncate(5), repr(buf.getvalue()), buf.tell())
buf.seek(2)
print(buf.truncate(), repr(buf.getvalue()), buf.write("é"), repr(buf.getvalue()), buf.tell())
print(io.StringIO().write("héllo"), io.StringIO(None).getvalue() == "", io.StringIO().readable(), io.StringIO().seekable())
w = io.StringIO()
w.writelines(["a", "b\n", "c"])
print("x", 1, sep="-", end="!\n", file=w)
print(repr(w.getvalue()), next(io.StringIO("first\nsecond")))
print(w.closed)
w.close()
print(w.closed)
for bad in (lambda: io.StringIO().write(1), lambda: io.StringIO(b"x"), lambda: io.StringIO("ab").seek(-1),
            lambda: io.StringIO().seek(0, 5)):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
