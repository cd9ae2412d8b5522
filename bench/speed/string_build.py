# String building: concatenation, join, f-strings, %-formatting, methods.
def run(n):
    parts = []
    for i in range(n):
        parts.append(str(i) + ":" + f"{i % 13:02d}" + "/%x" % i)
    s = ",".join(parts)
    fields = s.split(",")
    upper = [f.upper() for f in fields[:50000]]
    return len(s), s.count("07"), s[:30].upper(), len(fields), upper[-1], s.replace("1", "one")[:20]


print(run(300000))
