# print() writes to sys.stdout as it is now: replaced, redirected, None.
import io
import sys
from contextlib import redirect_stdout, redirect_stderr

buf = io.StringIO()
saved = sys.stdout
sys.stdout = buf
print("captured", 1, 2, sep="-")
print("second", end="!")
sys.stdout = saved
print("buffer held:", repr(buf.getvalue()))

with redirect_stdout(io.StringIO()) as f:
    print("inside")
    help_text = "x"
print("redirect got:", repr(f.getvalue()))

class Upper:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
u = Upper()
with redirect_stdout(u):
    print("hello", "world", flush=True)
print(u.parts)

sys.stdout = None
print("nothing appears")
sys.stdout = sys.__stdout__
print("restored", sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)

err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("stderr got:", repr(err.getvalue()))

class Broken:
    def write(self, s):
        raise ValueError("no writing")
sys.stdout = Broken()
try:
    print("x")
except ValueError as e:
    sys.stdout = sys.__stdout__
    print("ValueError", e)
