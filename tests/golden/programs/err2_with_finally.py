# Context managers and finally blocks that fail: an __exit__ that swallows,
# one that raises its own error while an exception is in flight (implicit
# chaining), a finally that raises over a pending exception, and a bare
# raise re-raising after cleanup. The uncaught error is raised by __exit__
# while a KeyError from the with-body is being handled.
log = []


class Resource:
    def __init__(self, name, fail_on_exit=False, swallow=()):
        self.name = name
        self.fail_on_exit = fail_on_exit
        self.swallow = swallow

    def __enter__(self):
        log.append("open " + self.name)
        return self

    def __exit__(self, kind, value, tb):
        log.append(f"close {self.name} ({kind.__name__ if kind else 'clean'})")
        if self.fail_on_exit:
            raise RuntimeError(f"{self.name}: close failed")
        return kind is not None and issubclass(kind, self.swallow)


with Resource("a") as r:
    log.append("using " + r.name)
with Resource("b", swallow=(ZeroDivisionError,)):
    1 // 0
print(log)
log.clear()

try:
    with Resource("c", fail_on_exit=True):
        [][0]
except RuntimeError as e:
    print("caught", e, "| context:", repr(e.__context__))


def cleanup_fails():
    try:
        return int("x")
    finally:
        log.append("cleanup")
        raise OSError("disk gone")


try:
    cleanup_fails()
except OSError as e:
    print("caught", e, "| context:", type(e.__context__).__name__)


def retry(n):
    for attempt in range(n):
        try:
            if attempt < n - 1:
                raise TimeoutError(f"attempt {attempt}")
            return "done"
        except TimeoutError:
            log.append(f"retry {attempt}")
            if attempt == 1:
                raise
        finally:
            log.append(f"finally {attempt}")


print(retry(2))
try:
    retry(5)
except TimeoutError as e:
    print("caught", e)
print(log)


def nested(inventory):
    with Resource("outer"):
        with Resource("inner", fail_on_exit=True):
            return inventory["widgets"]


nested({"gadgets": 3})
