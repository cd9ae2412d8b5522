s = "  Hello, World!  "
print(s.strip().lower(), s.lstrip(), s.rstrip() + "|", s.strip().split(", "))
print("a-b-c".split("-", 1), "a  b".split(" "), "".split(), "x".join("abc"))
print("hello".replace("l", "L", 1), "aaa".replace("a", "b"), "abc".replace("", "-"))
print("Hello".startswith(("x", "H")), "file.py".endswith(".py"), "abcabc".find("c"), "abcabc".index("bc"))
print("banana".count("an"), "banana".count(""), "ABC".isalpha(), "12a".isdigit(), "\t\n".isspace())
