# User-defined exception hierarchies, chaining, and with statements that
# suppress or propagate.
class AppError(Exception):
    """Base of the app's errors."""
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key
class Invalid(AppError):
    def __str__(self):
        return "invalid: " + ", ".join(map(str, self.args))

def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e

for exc in [NotFound("x"), Invalid(1, 2), AppError("plain")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__, e, repr(e))

try:
    lookup({}, "k")
except AppError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("open", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r1, Resource("b", suppress=True) as r2:
    print("inside", r1, r2)
    raise ValueError("oops")
print("suppressed")

try:
    with Resource("c"):
        raise Invalid("x")
except AppError as e:
    print("propagated:", e)

def early():
    for i in range(3):
        with Resource(str(i)):
            if i == 1:
                return "returned at 1"
            continue
print(early())

def loop():
    out = []
    for i in range(5):
        with Resource(f"L{i}") as n:
            if i == 2:
                break
            out.append(n)
    return out
print(loop())

class Boom:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with Boom():
        raise KeyError("inner")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)

def final():
    try:
        return "try"
    finally:
        print("finally runs")
print(final())
raise NotFound("at the end")
