# Exception translation with "raise ... from None" (the context is kept but
# not shown), exceptions carrying several args (str() shows the args tuple),
# bare raise re-raising the original from a nested helper, and the final
# uncaught error: a multi-arg custom exception raised from None five calls
# deep, so only its own traceback is printed.
class LookupFailed(LookupError):
    pass


class Inventory:
    def __init__(self, items):
        self.items = dict(items)

    def _raw(self, name):
        return self.items[name]

    def get(self, name):
        try:
            return self._raw(name)
        except KeyError:
            raise LookupFailed(name, "not stocked", len(self.items)) from None

    def reserve(self, name, count):
        have = self.get(name)
        if count > have:
            raise ValueError("short", name, have, count)
        self.items[name] = have - count
        return self.items[name]


inv = Inventory({"bolt": 10, "nut": 4})
print(inv.reserve("bolt", 3), inv.items)
for name, count in [("nut", 9), ("gear", 1)]:
    try:
        inv.reserve(name, count)
    except (ValueError, LookupFailed) as e:
        print(type(e).__name__, e.args, "|", e, "|", repr(e))
        print("  context:", repr(e.__context__), "suppressed:", e.__suppress_context__, "cause:", e.__cause__)


def audit(inventory, name):
    try:
        return inventory.reserve(name, 1)
    except LookupFailed as e:
        print("audit saw", e.args[0])
        raise


try:
    audit(inv, "washer")
except LookupError as e:
    print("re-raised same object:", type(e).__name__, e.args[1])

print(str(KeyError("a", "b")), str(IndexError(1, 2)), str(OSError("x", "y", "z")))
print(repr(Exception()), str(Exception("only")), Exception("one", None).args)


def pick(inventory, names):
    return [checkout(inventory, n) for n in names]


def checkout(inventory, name):
    return audit(inventory, name)


pick(inv, ["bolt", "nut", "sprocket"])
