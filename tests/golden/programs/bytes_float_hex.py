# bytes.partition/rpartition and bytes.fromhex, float.fromhex (CPython's grammar,
# correctly rounded, with its errors), pow(b, -e, m) through the modular
# inverse.
print(b"a,b,c".partition(b","), b"a,b,c".rpartition(b","), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
print(b"key=value=x".partition(b"="), b"".partition(b"a"))
for bad in (b"", "x", 5):
    try:
        b"abc".partition(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytes.fromhex("  00ff\t10\n"), bytes.fromhex("ABcd"))
for bad in ("abc", "0g", "a b", "zz", "1 2", 12):
    try:
        print(bytes.fromhex(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for s in ("0x1.8p1", "1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.fffffffffffff8p1023", "0X.8P+2", " 0xa ", "inf", "-Infinity", "nan",
          "0x1.0000000000000801p0", "0x3.p0", "+0x0p0", "0x1p1024", "0x", "1.2.3", "0x1p", "0xg", "", "p1"):
    try:
        x = float.fromhex(s)
        print(repr(s), x.hex() if x == x else x)
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
print(pow(3, -1, 7), pow(3, -2, 7), pow(-3, -1, 7), pow(3, -1, -7), pow(38, -1, 97), pow(0, -1, 1), pow(2, -1, 2**127 - 1))
for args in ((2, -1, 4), (0, -1, 5)):
    try:
        pow(*args)
    except ValueError as e:
        print(e)
print(all(pow(a, -1, 1009) * a % 1009 == 1 for a in range(1, 1009)))
