print("w%d" % 5, "%s and %r" % ("a", "a"), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %o %#o %.3d %5.3d %-8.2x|" % (255, 255, 255, 8, 8, 7, 7, 10))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G %#g" % (3.14159, 3.14159, 3.14159, 2.5, 12345.678, 0.00012, 1e-5, 1e20, 1.0))
print("%s" % [1, 2], "%s" % (1,), "%s" % {"a": 1}, "%(x)s-%(y)05.1f" % {"x": "k", "y": 2.25}, "%%" % ())
print("%c%c" % (65, "b"), "%10s|%-10s|%.2s" % ("r", "l", "trunc"), "%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%s %s" % (None, 1.5), "%d%%" % 50, "%.0f %.1f" % (0.5, 0.25))
print("%d" % (2**70), "%x" % (-255), "%r" % "q'", "%a" % "é", "%5s" % "é", "%-+6d|" % 3)
for bad in [lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "x" % 5, lambda: "%z" % 1,
            lambda: "%(a)s" % 5, lambda: "%(a)s" % {}, lambda: "%" % 1, lambda: "%c" % "ab", lambda: "%x" % 1.5,
            lambda: "%f" % "s"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("x" % {}, "%s" % "only")
print(ascii('é€😀x'), f"{'é'!a}", '%a' % 'é', '{!a}'.format('ü'))
