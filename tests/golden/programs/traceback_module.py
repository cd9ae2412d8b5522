# The traceback module over exceptions the program caught: format_exc and
# print_exc inside a handler, format_exception in both call forms (with
# chained causes and contexts, chain=False, limit), format_exception_only,
# and sys.exc_info() inside and outside a handler. show() drops what gillab
# does not write yet: CPython 3.11's ~~^~~ markers under a frame's line,
# the script's absolute path (gillab keeps the path as given), and the
# traceback object (gillab has none: exc_info()[2] is None).
import os
import sys
import traceback


def show(text):
    out = []
    for line in text.splitlines():
        if line.strip() and not line.strip().strip("~^"):
            continue
        if line.startswith('  File "'):
            path, _, rest = line[len('  File "'):].partition('"')
            line = '  File "%s"%s' % (os.path.basename(path), rest)
        out.append(line)
    return "\n".join(out)


def inner(n):
    if n == 0:
        raise ValueError("bottom")
    return inner(n - 1)


def outer():
    try:
        inner(2)
    except ValueError as e:
        raise KeyError("wrapped") from e


print(sys.exc_info())
try:
    outer()
except KeyError as e:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value is e)
    text = traceback.format_exc()
    print(text.count("Traceback (most recent call last):"), "direct cause" in text, text.splitlines()[-1])
    print(show(text))
    traceback.print_exc(file=sys.stderr)
    caught = e
print(sys.exc_info())
chunks = traceback.format_exception(caught)
print(len(chunks), all(c.endswith("\n") for c in chunks), chunks[0] == "Traceback (most recent call last):\n")
print(traceback.format_exception(type(caught), caught, caught.__traceback__) == chunks)
print(show("".join(traceback.format_exception(caught, chain=False))))
print(show("".join(traceback.format_exception(caught.__cause__, limit=1))))
print(traceback.format_exception_only(caught), traceback.format_exception_only(ValueError, ValueError("v")))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print(show("".join(traceback.format_exception(e))))
print(traceback.format_exception(RuntimeError("never raised")))
print(traceback.format_exception(None))
