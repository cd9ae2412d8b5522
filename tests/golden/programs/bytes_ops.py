b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::2], b[::-1])
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"x"))
print("héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "naïve".encode("ascii", "replace"))
print(b"h\xc3\xa9llo".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
print(b"a" + b"b", b"ab" * 3, 3 * b"-", b"x" == b"x", b"a" < b"b", b"" < b"a", b"ab" != b"ab")
print(104 in b, b"wor" in b, b"zz" in b, list(b"abc"), [c for c in b"\x00\x01"])
print(b.split(), b"a,b,,c".split(b","), b"a b c".split(None, 1), b"  x  ".strip(), b"xxhixx".strip(b"x"))
print(b.find(b"o"), b.find(111), b.index(b"w"), b.count(b"l"), b.startswith(b"hell"), b.endswith((b"x", b"ld")))
print(b"-".join([b"a", b"b", b"c"]), b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.upper(), b"MiXeD".lower())
print(b"\x00\xff\x10".hex(), hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], bool(b""), bool(b"\x00"))
print(repr(b"it's"), repr(b'say "hi"'), repr(b"\t\n\r\x7f"), str(b"q"))
for bad in [lambda: b"a" + "b", lambda: bytes("x"), lambda: bytes([256]), lambda: b"\xff".decode(),
            lambda: "é".encode("ascii"), lambda: b[20], lambda: bytes(-1), lambda: "x".encode("nope"),
            lambda: b"x".decode("utf-8", "bogus"), lambda: b"".join([b"a", "b"])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
