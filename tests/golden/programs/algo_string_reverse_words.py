text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(" ".join(w[::-1] for w in words) if False else " ".join([w[::-1] for w in words]))
print(" ".join(reversed(words)), max(words, key=len), min(words), sorted(set(text.replace(" ", ""))))
freq = {}
for ch in text:
    if ch != " ":
        freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
