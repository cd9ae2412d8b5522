# bytes % args (PEP 461): %s and %b take bytes, %r and %a give ascii(),
# %c an int below 256 or a single byte, numbers as in str formatting,
# mapping keys are bytes; and the errors, as CPython words them.
print(b"thread %d line %d\n" % (3, 14))
print(b"%s|%b|%5s|%-5s|%.2s|" % (b"ab", b"cd", b"ef", b"gh", b"ijkl"))
print(b"%r %a %r" % ("\xe9t\xe9", b"x", [1, "\u20ac"]))
print(b"%c%c%c|%3c|%-3c|" % (65, b"B", 0xff, 67, 68))
print(b"%x %X %#x %o %#o %05d %+d % d %-6d|" % (255, 255, 255, 8, 8, 42, 7, 7, -3))
print(b"%.3f %e %g %10.2f %-8.1f|" % (3.14159, 12345.678, 0.0001, 2.5, -1.25))
print(b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 7})
print(b"100%% of %s" % b"it")
print(b"%s" % (b"tuple",), b"%d%%" % 50)
print(b"raw \xff\x00 kept %d" % 1)
print(b"%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print(b"%d" % 3.9, b"%i" % True, b"%u" % 12)
for fmt, args in [(b"%s", "text"), (b"%s", 5), (b"%b", [1]), (b"%c", 256), (b"%c", b"ab"), (b"%c", "a"),
                  (b"%d", b"1"), (b"%d %d", (1,)), (b"%d", (1, 2)), (b"%(k)s", (1,)), (b"%q", 1),
                  (b"%(k)s", {"k": b"str key"}), (b"%f", "x")]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(5 % b"x")
except TypeError as e:
    print("TypeError", e)
