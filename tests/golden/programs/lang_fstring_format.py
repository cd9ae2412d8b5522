# f-strings and format(): nested replacement fields in specs, conversions
# !r/!s/!a, the = debugging specifier, custom __format__,
# fill/align/sign/width/grouping/precision combinations, and format spec
# errors.
width, prec, fill = 12, 3, "*"
val = 3.14159265
print(f"[{val:{width}.{prec}f}]")
print(f"[{val:{fill}^{width}.{prec}}]")
print(f"[{'text':{fill}>{width}}]", f"[{'text':{'<'}{width // 2}}]")
name = "gi'll\u00e9"
print(f"{name!r} {name!s} {name!a}")
print(f"{name=}", f"{val=!s:.6}", f"{width + 1 = }", f"{ width=!s}")
print(f"{{literal braces}} {{{width}}}")
print(f"{'nested ' + f'{width:03d}'}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{3 if width > 10 else 4}", f"{(lambda q: q * 2)(21)}", f"{width:#x}{width:#o}{width:#b}")

# integers: sign, grouping, alternate forms
for n in (0, 7, -7, 1234567, -1234567):
    print(f"{n:+d}|{n: d}|{n:,}|{n:_}|{n:>+10,}|{n:=+10}|{n:010}|{n:x}|{n:#X}|{n:_b}")

# floats: general, exponent, percent, rounding, inf/nan
for x in (0.0, -0.0, 1.5, 2.5, 1e16, 1.23456789e-7, 123456.789):
    print(f"{x}|{x:g}|{x:.3g}|{x:e}|{x:.2%}|{x:+.1f}|{x:,.2f}|{x:10.3}|{x:<10}|")
for x in (float("inf"), float("-inf"), float("nan")):
    print(f"{x}|{x:g}|{x:.3g}|{x:e}|{x:+.1f}|{x:,.2f}|{x:10.3}|{x:<10}|{x:F}|{x:E}")

print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f} {0.125:.2f} {0.375:.2f}")
print(format(1234.5, "_.1f"), format(-3, "^7"), format("abc", ".2"), format(True, "d"), format(True))
print(f"{12:c}{'z':c}" if False else f"{65:c}{0x263A:c}")

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "cents":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return "money!"

m = Money(12345)
print(f"{m:cents}|{m:>10.1f}|{m!r}|{m!s}|{m!r:>12}")
print("{0:cents}|{1!r}|{x:^9}|{0:08.3f}".format(m, m, x="mid"))
print("{:{}{}}".format("v", ">", 5), "{0[1]}{1[k]}{2.cents}".format("ab", {"k": "K"}, m))

class NoFormat:
    pass

try:
    format(NoFormat(), "d")
except TypeError as e:
    print(type(e).__name__, e)

for spec_val, spec in ((3, "s"), ("s", "d"), (2.5, "d"), (5, "=^5"), ("abc", "*<6"), (-2, "=5")):
    try:
        print(repr(format(spec_val, spec)))
    except ValueError as e:
        print(type(e).__name__, e)

try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)

try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(type(e).__name__, e)

try:
    "{missing}".format()
except KeyError as e:
    print(type(e).__name__, e)

# multi-line f-string expressions and string concatenation with f-strings
total = sum(
    [1, 2, 3])
print(f"total={total}" "-plain-" f"{total * 2:>4}" 'end')
print(f"{'a' 'b'}", f"{'%s' % 'pct'}", f"{3!r:>3}", f"{'x'!r:5}|")
