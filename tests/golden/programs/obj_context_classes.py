# Context managers written as classes: a transaction that commits or rolls
# back, selective suppression by exception type, truthy non-bool results,
# __enter__ failing (no __exit__), single-use managers, nested managers with
# an inner one swallowing, __exit__ raising (chained __context__), the
# protocol looked up on the type, and the 3.11 TypeError texts.
class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        print("  begin", sorted(self.store.items()))
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  commit", sorted(self.store.items()))
            return False
        self.store.clear()
        self.store.update(self.snapshot)
        print("  rollback after", exc_type.__name__, "-", exc, "| same exc:", type(exc) is exc_type)
        return issubclass(exc_type, LookupError)


db = {"a": 1}
with Transaction(db) as s:
    s["b"] = 2
with Transaction(db) as s:
    s["c"] = 3
    raise KeyError("missing thing")
print("after swallowed KeyError:", db)
try:
    with Transaction(db) as s:
        s["d"] = 4
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e, db)


class Ignore:
    def __init__(self, *types):
        self.types = types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught.append(repr(exc))
            return "yes"  # any true value suppresses
        return 0


ig = Ignore(ValueError, TypeError)
for bad in ("x", None, [1]):
    with ig:
        int(bad)
print(ig.caught)
try:
    with Ignore(KeyError):
        [][1]
except IndexError as e:
    print("IndexError:", e)


class FailingEnter:
    def __enter__(self):
        print("  enter fails")
        raise RuntimeError("cannot enter")

    def __exit__(self, *exc):
        print("  never printed")


class Noisy:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        print("  enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("  exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


try:
    with Noisy("outer"), FailingEnter():
        print("  body never runs")
except RuntimeError as e:
    print("RuntimeError:", e)
with Noisy("outer"):
    with Noisy("inner", swallow=True):
        raise ValueError("inner problem")
    print("  outer body continues")
with Noisy("one") as n1, Noisy("two", swallow=True) as n2, Noisy("three") as n3:
    print("  names", n1, n2, n3)
    raise OSError("from body")
print("suppressed by two")


class Once:
    def __init__(self):
        self.used = False

    def __enter__(self):
        if self.used:
            raise RuntimeError("Once is not reentrant")
        self.used = True
        return self

    def __exit__(self, *exc):
        return None


once = Once()
with once:
    pass
try:
    with once:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


class BrokenExit:
    def __init__(self, fail_always):
        self.fail_always = fail_always

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None or self.fail_always:
            raise LookupError("exit failed")


for always in (False, True):
    try:
        with BrokenExit(always):
            if not always:
                raise ValueError("body failed")
    except LookupError as e:
        ctx = e.__context__
        print("LookupError:", e, "| context:", type(ctx).__name__ if ctx else None, e.__suppress_context__)


def find(items, target):
    for i, item in enumerate(items):
        with Noisy("iter%d" % i):
            if item == target:
                return i
    return -1


print(find("abc", "b"))


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *exc):
        return False


inst = Noisy("inst")
inst.__enter__ = lambda: "instance attr ignored"
for factory in (NoExit, NoEnter, lambda: 42, lambda: inst):
    try:
        with factory() as got:
            print("  bound", got)
    except TypeError as e:
        print("TypeError:", e)
