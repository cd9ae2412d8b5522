# Numeric conversions: int() from floats/strings/bools with bases and
# underscores, float() parsing of special values and whitespace, round() half-
# to-even and negative ndigits, __index__/__int__/__float__ protocols, and the
# error messages for invalid conversions.
def attempt(fn, *args):
    try:
        r = fn(*args)
        return repr(r)
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"

for value in (3.99, -3.99, 1e20, -0.0, True, "  -42  ", "+7", "0_1", "1__0", "1.0", "0b101",
              float("inf"), float("nan"), None, [1], b"12", 2 ** 70 + 0.0):
    print("int", repr(value), "->", attempt(int, value))

for text, base in (("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0", 0), ("z", 36),
                   ("10", 2), ("12", 2), ("1_0", 0), ("_10", 10), ("10", 1), ("10", 37), (" 0b1_1 ", 0)):
    print("int", repr(text), base, "->", attempt(int, text, base))
print(attempt(int, 5, 10))

for text in ("1e3", " 2.5\n", "-inf", "+Infinity", "nAn", "1_0.5", "1e-400", "1e400", ".5", "5.", "1.2.3",
             "0x1p3", "", "in f", "1_", "١٫٥"):
    print("float", repr(text), "->", attempt(float, text))
print(attempt(float, None), attempt(float, "1" * 400) != "", attempt(float, 10 ** 400))

# round(): banker's rounding for ints/halves, float representation effects, negative ndigits
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675)])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-1.25, 1))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 3), round(15, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(attempt(round, float("inf")), attempt(round, float("nan")), attempt(round, 1.5, 1.0))

# exact float facts
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer())
print(float.fromhex("0x1.8p1"), (6.0).hex(), (2 ** 53 + 1) == float(2 ** 53 + 1), int(float(2 ** 53 + 1)))
print(1 / 3 * 3 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 10 ** 20 == 1e20, 10 ** 23 == 1e23)
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, -7.5 % 2, 5 % -0.75, attempt(divmod, 1, 0))
print(int(-2.5), int(2.5), -7 // 2, int(-7 / 2), 2 ** 0.5 == 2 ** (1 / 2), 4 ** 0.5, 8 ** (1 / 3))

# conversion protocols
class Idx:
    def __index__(self):
        return 6

class OnlyInt:
    def __int__(self):
        return 9

class OnlyFloat:
    def __float__(self):
        return 2.5

class BadInt:
    def __int__(self):
        return "nope"

print(int(Idx()), int(Idx()) * 2)
print(int(OnlyInt()), float(OnlyFloat()), attempt(float, OnlyInt()), attempt(int, OnlyFloat()))
print(attempt(int, BadInt()), attempt(lambda: [1][OnlyInt()]), attempt(hex, 1.5), attempt(lambda: "a" * 1.0))

# str/repr of numbers
print(str(1e16), str(1e-5), str(123456789012345678.0), repr(-0.0), str(10 ** 30), str(float(10 ** 16)))
print(str(True), int("-0"), float("-0"), -0 == 0, str(0.1 + 0.7), 1e300 * 1e10, -1e300 * 1e10)
print(bool("False"), bool(0.0), int(True) + float(False), abs(-3), abs(-2.5), abs(True), -(-0.0))
