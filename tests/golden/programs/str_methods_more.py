print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("hello".rfind("l"), "hello".rfind("z"), "héllo wörld".rfind("ö"), "a b  c ".rsplit(None, 1), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(","))
print("  a b c  ".rsplit(maxsplit=1), "x".rsplit(",", 5), ",a,".rsplit(",", 1))
print("a\nb\r\nc\rd\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "x\n\ny".splitlines())
print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(5)), repr("ab".center(6, "-")), repr("abc".center(6)), repr("a".center(4)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("hello world foo-bar it's".title(), "hELLO wORLD".capitalize(), "Hello World".swapcase(), "ab1cd".title())
print("ABC".isupper(), "AbC".isupper(), "abc1".islower(), "123".islower(), "ab12".isalnum(), "ab 12".isalnum(), "".isalnum())
print("abc_1".isidentifier(), "1abc".isidentifier(), "".isidentifier(), "a-b".isidentifier())
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"))
print("{} and {}".format(1, "two"), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=[2]))
print("{:>8}|{:<6}|{:^7}|".format("r", "l", "c"), "{:08.3f}".format(3.14159), "{0!r:>10}".format("q"))
print("{:{w}.{p}f}".format(2.718281, w=10, p=2), "{{literal}} {}".format(5), "{0[1]} {0[0]}".format([7, 8]))
print("{d[key]} {d[k2]}".format(d={"key": 1, "k2": 2}), "{:,}".format(1234567), "{:x}".format(255), "{:%}".format(0.25))
print((1, 2, 3, 2).index(2), (1, 2, 3, 2).count(2), "{:5d}|{:<5d}|".format(42, 42))
for bad in ["{} {1}", "{0} {}", "{2}", "{x}", "}", "{", "{!x}", "{0[}"]:
    try:
        print(bad.format(1, 2))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(e)
