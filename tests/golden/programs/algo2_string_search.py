# String search: KMP failure tables and matching, the Z-algorithm, Rabin-Karp
# with a polynomial rolling hash modulo a prime (collisions counted), the
# Boyer-Moore-Horspool shift table, and the minimal period of a string, all
# cross-checked against str.find over overlapping occurrences.


def failure(p):
    f = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = f[k - 1]
        if p[i] == p[k]:
            k += 1
        f[i] = k
    return f


def kmp_search(text, p):
    if not p:
        return list(range(len(text) + 1))
    f, k, hits = failure(p), 0, []
    for i, c in enumerate(text):
        while k and c != p[k]:
            k = f[k - 1]
        if c == p[k]:
            k += 1
        if k == len(p):
            hits.append(i - k + 1)
            k = f[k - 1]
    return hits


def z_array(s):
    n = len(s)
    z = [0] * n
    if n:
        z[0] = n
    l = r = 0
    for i in range(1, n):
        if i < r:
            z[i] = min(r - i, z[i - l])
        while i + z[i] < n and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > r:
            l, r = i, i + z[i]
    return z


def z_search(text, p, sep="\x00"):
    z = z_array(p + sep + text)
    return [i - len(p) - 1 for i in range(len(p) + 1, len(z)) if z[i] >= len(p)]


def rabin_karp(text, p, base=256, mod=101):
    n, m = len(text), len(p)
    if m > n:
        return [], 0
    high = pow(base, m - 1, mod)
    hp = ht = 0
    for i in range(m):
        hp = (hp * base + ord(p[i])) % mod
        ht = (ht * base + ord(text[i])) % mod
    hits, spurious = [], 0
    for s in range(n - m + 1):
        if hp == ht:
            if text[s:s + m] == p:
                hits.append(s)
            else:
                spurious += 1
        if s < n - m:
            ht = ((ht - ord(text[s]) * high) * base + ord(text[s + m])) % mod
    return hits, spurious


def horspool_table(p):
    return {c: len(p) - 1 - i for i, c in enumerate(p[:-1])}


def horspool(text, p):
    m, shift, hits, i = len(p), horspool_table(p), [], 0
    while i + m <= len(text):
        if text[i:i + m] == p:
            hits.append(i)
        i += shift.get(text[i + m - 1], m)
    return hits


def find_all(text, p):
    out, i = [], text.find(p)
    while i != -1:
        out.append(i)
        i = text.find(p, i + 1)
    return out


def period(s):
    f = failure(s)
    p = len(s) - f[-1] if s else 0
    return p if s and len(s) % p == 0 else len(s)


print("== failure tables ==")
for p in ["ABABCABAB", "AAAA", "ABCDABD", "aabaaab", "abacabadabacaba", "x"]:
    print(f"{p:>16} {failure(p)}")
print("== z arrays ==")
for s in ["aabcaabxaaaz", "aaaaa", "abacaba", "zzzzyzzz"]:
    print(f"{s:>13} {z_array(s)}")

text = ("the quick brown fox jumps over the lazy dog; the dog sleeps. "
        "abababababa aaaaaaaa abracadabra cadabra bra brab")
patterns = ["the", "dog", "aba", "aaa", "bra", "abracadabra", "xyz", "a", " ", "brab", "sleeps."]
print("== searches ==")
total_spurious = 0
for p in patterns:
    expected = find_all(text, p)
    k = kmp_search(text, p)
    z = z_search(text, p)
    rk, spur = rabin_karp(text, p)
    h = horspool(text, p)
    total_spurious += spur
    ok = expected == k == z == rk == h
    print(f"{p!r:>15}: {len(expected):2} hits {expected[:8]} spurious={spur} agree={ok}")
    assert ok
print("spurious total with mod 101:", total_spurious)
print("spurious with mod 1000000007:", sum(rabin_karp(text, p, 257, 1000000007)[1] for p in patterns))

print("== DNA ==")
seed, bases = 12345, []
for _ in range(2000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    bases.append("ACGT"[(seed >> 16) % 4])
dna = "".join(bases)
print(dna[:60])
for p in ["ACGT", "GGG", "TTTT", dna[100:112], "CAGA", "A"]:
    hits = kmp_search(dna, p)
    assert hits == find_all(dna, p) == z_search(dna, p) == rabin_karp(dna, p, 4, 1000003)[0]
    small_hits, spur = rabin_karp(dna, p, 4, 13)
    assert small_hits == hits
    print(f"{p:>12}: count={len(hits):3} first={hits[:5]} spurious(mod 13)={spur}")

print("== horspool shift table ==")
print(sorted(horspool_table("EXAMPLE").items()))
print("== periods ==")
for s in ["abcabcabc", "abab", "aaaa", "abcab", "abaababaab", "z", "xyxyxyxyxy"]:
    print(f"{s}: period {period(s)} root {s[:period(s)]!r}")
    assert s[:period(s)] * (len(s) // period(s)) == s
