parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for ch in "abc":
    s += ch.upper() + ch
print(s, len(s))
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()), max(words, key=len))
print(" ".join(reversed(words)), "".join(sorted(set_ if False else "hello")))
