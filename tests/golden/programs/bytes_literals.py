b = b"abc\x00\xff"
print(b, repr(b'it\'s'), b"" == b"", len(b"xyz") if False else "skip")
