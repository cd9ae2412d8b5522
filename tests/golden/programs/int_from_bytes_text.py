# int() parses bytes as it parses str (ASCII digits, sign, underscores,
# whitespace), with and without a base; errors show the bytes' repr.
print(int(b"12"), int(b" -7 "), int(b"ff", 16), int(b"0x1F", 0), int(b"1_000"), int(b"101", base=2))
for bad, base in ((b"zz", 16), (b"", 10), (b"1.5", 10)):
    try:
        int(bad, base)
    except ValueError as e:
        print("ValueError", e)
try:
    int([1], 10)
except TypeError as e:
    print("TypeError", e)
