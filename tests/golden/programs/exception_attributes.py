# Setting an exception's own attributes (__cause__, __context__,
# __suppress_context__, args) on built-in and user exceptions, EOFError,
# and a write to a closed pipe raising BrokenPipeError (SIGPIPE ignored,
# as CPython does at start-up).
import os


class AppError(Exception):
    pass


for e in (ValueError("v"), AppError("a")):
    e.__cause__ = KeyError("k")
    print(type(e).__name__, repr(e.__cause__), e.__suppress_context__)
    e.__suppress_context__ = False
    e.__context__ = None
    e.args = ("new", 2)
    print(e.args, e.__context__, e.__suppress_context__, str(e))
    try:
        e.__cause__ = 5
    except TypeError as err:
        print("TypeError:", err)
    e.__traceback__ = None

print(issubclass(EOFError, Exception), EOFError("eof"))
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as err:
    print("BrokenPipeError", err.errno)
os.close(w)

try:
    try:
        raise KeyError("first")
    except KeyError as first:
        second = ValueError("second")
        second.__cause__ = first
        raise second
except ValueError as caught:
    print(repr(caught.__cause__), caught.__suppress_context__)
err = AppError("explicit cause")
err.__cause__ = OSError(2, "No such file or directory", "f.txt")
raise err
