s = "hello world"
print(len(s), s[0], s[-1], s[1:5], s[::-1], s[::2], s[100:], s[-100:2])
print(s.upper(), s.split(), s.split("o"), s.replace("o", "0"), s.find("wor"), s.find("x"))
print(s.startswith("hell"), s.endswith("ld"), s.count("l"), "  pad  ".strip(), "xxhixx".strip("x"))
print("-".join(["a", "b", "c"]), "a,b,,c".split(","), "1 2  3".split(" "), "abc" * 3, "x" + "y")
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), str(42), repr(3.0))
print("ab" < "b", "é".upper(), "Straße".lower(), "42".isdigit(), "abc".isalpha(), " ".isspace())
