# String building: concatenation, join, formatting, methods.
parts = []
for i in range(100000):
    parts.append(str(i) + ":" + f"{i % 13:02d}")
s = ",".join(parts)
print(len(s), s.count("07"), s[:30].upper())
