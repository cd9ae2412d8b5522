# Dynamic programming on strings: Levenshtein edit distance with a traced
# alignment, longest common subsequence (length, one witness, count of
# distinct witnesses), longest palindromic subsequence and the longest
# common substring, checked against brute force on small inputs.
from itertools import combinations


def edit_table(a, b):
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    return d


def alignment(a, b):
    d = edit_table(a, b)
    i, j = len(a), len(b)
    top, mid, bot, ops = [], [], [], []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            same = a[i - 1] == b[j - 1]
            top.append(a[i - 1]); bot.append(b[j - 1])
            mid.append("|" if same else "*")
            ops.append("=" if same else "S")
            i -= 1; j -= 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            top.append(a[i - 1]); bot.append("-"); mid.append(" "); ops.append("D")
            i -= 1
        else:
            top.append("-"); bot.append(b[j - 1]); mid.append(" "); ops.append("I")
            j -= 1
    rev = lambda xs: "".join(reversed(xs))
    return d[len(a)][len(b)], rev(top), rev(mid), rev(bot), rev(ops)


def lcs(a, b):
    n, m = len(a), len(b)
    L = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            L[i][j] = L[i + 1][j + 1] + 1 if a[i] == b[j] else max(L[i + 1][j], L[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i]); i += 1; j += 1
        elif L[i + 1][j] >= L[i][j + 1]:
            i += 1
        else:
            j += 1
    return L[0][0], "".join(out)


def all_lcs(a, b):
    memo = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return {""}
        if (i, j) in memo:
            return memo[i, j]
        if a[i] == b[j]:
            r = {a[i] + s for s in go(i + 1, j + 1)}
        else:
            r1, r2 = go(i + 1, j), go(i, j + 1)
            best = max(len(next(iter(r1))), len(next(iter(r2))))
            r = {s for s in r1 | r2 if len(s) == best}
        memo[i, j] = r
        return r
    return sorted(go(0, 0))


def is_subseq(s, t):
    it = iter(t)
    return all(c in it for c in s)


def brute_lcs_len(a, b):
    for k in range(min(len(a), len(b)), -1, -1):
        for idx in combinations(range(len(a)), k):
            if is_subseq("".join(a[i] for i in idx), b):
                return k
    return 0


def longest_pal_subseq(s):
    return lcs(s, s[::-1])


def longest_common_substring(a, b):
    best, end = 0, 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best, end = cur[j], i
        prev = cur
    return a[end - best:end]


pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"),
         ("", "abc"), ("abc", ""), ("sunday", "saturday"), ("algorithm", "altruistic"),
         ("GATTACA", "GCATGCU"), ("same", "same")]
print("== edit distance ==")
for a, b in pairs:
    dist, top, mid, bot, ops = alignment(a, b)
    print(f"{a!r} -> {b!r}: {dist}  ops={ops}")
    print(f"   [{top}]"); print(f"   [{mid}]"); print(f"   [{bot}]")
    assert dist == ops.count("S") + ops.count("D") + ops.count("I")
    assert top.replace("-", "") == a and bot.replace("-", "") == b

print("== symmetry and triangle ==")
words = ["book", "back", "bock", "cook", "rook", "brook"]
for x in words:
    row = [edit_table(x, y)[-1][-1] for y in words]
    print(f"{x:>6}", row)
for x in words:
    for y in words:
        for z in words:
            dxy, dyz, dxz = (edit_table(p, q)[-1][-1] for p, q in ((x, y), (y, z), (x, z)))
            assert dxz <= dxy + dyz
print("triangle inequality holds for", len(words) ** 3, "triples")

print("== longest common subsequence ==")
for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("abcdef", "acf"),
             ("XMJYAUZ", "MZJAWXU"), ("aaaa", "aa"), ("abc", "def")]:
    n, w = lcs(a, b)
    alls = all_lcs(a, b)
    print(f"{a} / {b}: len={n} one={w!r} all={alls}")
    assert n == brute_lcs_len(a, b) and w in alls and is_subseq(w, a) and is_subseq(w, b)

print("== palindromes and substrings ==")
for s in ["character", "bbbab", "racecarx", "abacdfgdcaba", "forgeeksskeegfor"]:
    n, w = longest_pal_subseq(s)
    print(f"{s}: lps={n} {w!r} palindrome={w == w[::-1]}")
for a, b in [("xabxac", "abcabxabcd"), ("zxabcdezy", "yzabcdezx"), ("abc", "xyz")]:
    print(f"common substring of {a}, {b}: {longest_common_substring(a, b)!r}")
