# A str may hold lone surrogates ("\ud800"); sys.stdout cannot write them
# (UnicodeEncodeError, after the pieces print wrote before it), sys.stderr
# and tracebacks write them as \udXXX (CPython's backslashreplace). The
# bytes 80..FF written for U+DC80..U+DCFF under a C locale are checked by
# tests/support/check_surrogateescape.py (the handler depends on the locale).
import sys

print("plain", "ok")
try:
    print("before", "a\ud800b", "after")
except UnicodeEncodeError as e:
    print()
    print("error:", e)
try:
    sys.stdout.write("q\udbff\n")
except UnicodeEncodeError as e:
    print("write error:", e)


class NoStr:
    def __str__(self):
        raise ValueError("no str")


try:
    print(1, NoStr())
except ValueError as e:
    print()
    print("str error:", e)
try:
    print("a", "b", sep="\ud800")
except UnicodeEncodeError as e:
    print()
    print("sep error:", e)
try:
    print("a", end="\udfff")
except UnicodeEncodeError as e:
    print()
    print("end error:", e)


class Loud:
    def __str__(self):
        print("in __str__")
        return "loud"


print("a", Loud(), "b")  # CPython writes "a " before calling __str__
sys.stderr.write("to stderr \ud800 \udc80\n")
sys.stdout.flush()
raise ValueError("bad \ud800 value")
