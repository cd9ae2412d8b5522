# Word-frequency and n-gram report over an embedded text: normalisation with
# string.punctuation, Counter, bigrams/trigrams via zip, sentence statistics, a
# hand-written line wrapper, and tables built with str.format and f-strings.
from collections import Counter, defaultdict
import string

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair. We had everything before us,
we had nothing before us; we were all going direct to Heaven, we were all going
direct the other way! In short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.
"""

STOP = frozenset("it was the of a to in we had us for or on its that so".split())
PUNCT = set(string.punctuation)


def strip_punct(text):
    return "".join(ch for ch in text if ch not in PUNCT)


sentences = [s.strip() for s in TEXT.replace("!", ".").replace("?", ".").split(".") if s.strip()]
words = strip_punct(TEXT.lower()).split()
content = [w for w in words if w not in STOP]
freq = Counter(words)
content_freq = Counter(content)

print("=" * 44)
print("{:^44}".format("TEXT REPORT"))
print("=" * 44)
print("{:<20}{:>24}".format("characters", len(TEXT)))
print("{:<20}{:>24}".format("words", len(words)))
print("{:<20}{:>24}".format("distinct words", len(freq)))
print("{:<20}{:>24}".format("sentences", len(sentences)))
print("{:<20}{:>24.2f}".format("mean word length", sum(map(len, words)) / len(words)))
print("{:<20}{:>24}".format("longest word", max(words, key=lambda w: (len(w), w))))
lexical = len(content_freq) / len(content)
print(f"{'lexical density':<20}{lexical:>24.1%}")

print("\nTop words (all)          Top words (content)")
rows = zip(freq.most_common(8), content_freq.most_common(8))
for rank, ((w1, n1), (w2, n2)) in enumerate(rows, 1):
    bar = "#" * n1
    print(f"{rank:>2}. {w1:<10}{n1:>3} {bar:<12} {w2:<14}{n2:>2}")


def ngrams(seq, n):
    return zip(*(seq[i:] for i in range(n)))


bigrams = Counter(ngrams(words, 2))
trigrams = Counter(" ".join(g) for g in ngrams(words, 3))
print("\nBigrams seen 3+ times:")
for (a, b), n in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0])):
    if n >= 3:
        print("  {0:>8} {1:<8} x{2}".format(a, b, n))
print("Top trigrams:", trigrams.most_common(3))

by_letter = defaultdict(set)
for w in content:
    by_letter[w[0]].add(w)
print("\nContent words by first letter:")
for letter in sorted(by_letter):
    group = sorted(by_letter[letter], key=lambda w: (-content_freq[w], w))
    if len(group) >= 2:
        print(f"  {letter}: {', '.join(group)}")

lengths = Counter(len(w) for w in words)
print("\nWord length histogram:")
peak = max(lengths.values())
for length in range(1, max(lengths) + 1):
    n = lengths.get(length, 0)
    print(f"  {length:>2} | {'*' * round(n * 30 / peak):<30} | {n}")


def wrap(text, width):
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


print("\nFirst sentence wrapped to 30 columns, justified:")
for line in wrap(sentences[0], 30):
    print("|" + line.ljust(30) + "|" + line.rjust(30) + "|")

acronym = "".join(w[0] for w in sentences[-1].split() if w[0].isalpha()).upper()
print("\nacronym of last sentence:", acronym)
print("capitalised words:", sorted({w.strip(string.punctuation) for w in TEXT.split() if w[0].isupper()}))
print("title:", "the age of wisdom".title(), "|", "DESPAIR".swapcase(), "|", "x".center(7, "."))
print("palindromes:", sorted({w for w in words if len(w) > 1 and w == w[::-1]}))
