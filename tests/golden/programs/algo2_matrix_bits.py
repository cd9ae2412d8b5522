# Matrix exponentiation by repeated squaring (Fibonacci and tribonacci terms
# modulo a prime and exactly, walk counts in a small graph, a linear
# recurrence) and bit tricks: popcount three ways, Gray code round trips,
# lowest set bit, power-of-two tests, bit reversal, and subsets by bitmask.
MOD = 1_000_000_007


def mat_mul(a, b, mod=None):
    n, m, p = len(a), len(b), len(b[0])
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        for k in range(m):
            if a[i][k]:
                aik = a[i][k]
                row = b[k]
                for j in range(p):
                    out[i][j] += aik * row[j]
        if mod:
            out[i] = [x % mod for x in out[i]]
    return out


def mat_pow(m, e, mod=None):
    result = [[int(i == j) for j in range(len(m))] for i in range(len(m))]
    while e:
        if e & 1:
            result = mat_mul(result, m, mod)
        m = mat_mul(m, m, mod)
        e >>= 1
    return result


def fib(n, mod=None):
    return mat_pow([[1, 1], [1, 0]], n, mod)[0][1]


def trib(n, mod=None):
    return mat_pow([[1, 1, 1], [1, 0, 0], [0, 1, 0]], n, mod)[2][0] if n else 0


def popcount_loop(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


def popcount_swar(x):
    x = x - ((x >> 1) & 0x5555555555555555)
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F
    return ((x * 0x0101010101010101) & 0xFFFFFFFFFFFFFFFF) >> 56


def gray(n):
    return n ^ (n >> 1)


def from_gray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n


def reverse_bits(x, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


print("== matrix powers ==")
print("fib 0..15:", [fib(n) for n in range(16)])
print("fib(90) =", fib(90), "fib(300) =", fib(300))
print("fib(10**18) mod p =", fib(10 ** 18, MOD), "fib(2**64) mod p =", fib(2 ** 64, MOD))
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print("fib(500) agrees with loop:", fib(500) == a, "mod:", fib(500, MOD) == a % MOD)
print("trib 0..12:", [trib(n) for n in range(13)])
print("trib(10**15) mod p =", trib(10 ** 15, MOD))
# walks in a directed graph: A[i][j] = 1 if an edge i -> j
adj = [[0, 1, 1, 0, 0], [0, 0, 1, 1, 0], [1, 0, 0, 1, 1], [0, 0, 0, 0, 1], [1, 1, 0, 0, 0]]
for k in (1, 2, 3, 8, 20):
    w = mat_pow(adj, k)
    print(f"walks of length {k:2}: 0->4 {w[0][4]:6} total {sum(map(sum, w))}")
# a(n) = 2 a(n-1) + 3 a(n-2) - a(n-3), a(0..2) = 1, 1, 2
seq = [1, 1, 2]
for _ in range(30):
    seq.append(2 * seq[-1] + 3 * seq[-2] - seq[-3])
step = [[2, 3, -1], [1, 0, 0], [0, 1, 0]]
top = mat_mul(mat_pow(step, 30), [[2], [1], [1]])
print("recurrence a(32):", seq[32], "via matrix:", top[0][0], seq[32] == top[0][0])
rot = mat_pow([[0, -1], [1, 0]], 4)
print("rotation^4:", rot, "rotation^7:", mat_pow([[0, -1], [1, 0]], 7))

print("== popcount ==")
samples = [0, 1, 2, 3, 255, 256, 1023, 0xDEADBEEF, 2 ** 63 - 1, 0x8000000000000001, 12345678901234]
for x in samples:
    c = [bin(x).count("1"), popcount_loop(x), popcount_swar(x), x.bit_count()]
    assert len(set(c)) == 1
    print(f"{x:>20} {x:#x} bits={c[0]} len={x.bit_length()}")
print("popcount of 2**200-1:", popcount_loop(2 ** 200 - 1), (2 ** 200 - 1).bit_count())

print("== gray code ==")
codes = [gray(i) for i in range(16)]
print([format(c, "04b") for c in codes])
print("one bit apart:", all(popcount_loop(codes[i] ^ codes[(i + 1) % 16]) == 1 for i in range(16)))
print("round trip:", all(from_gray(gray(i)) == i for i in range(4096)))

print("== misc tricks ==")
for x in [1, 6, 40, 96, 1 << 40, 12]:
    low = x & -x
    print(f"{x}: lowest bit {low} index {low.bit_length() - 1} pow2 {x & (x - 1) == 0} "
          f"next pow2 {1 << (x - 1).bit_length()} rev8 {reverse_bits(x & 0xFF, 8):08b}")
p, q = 13, 42
p ^= q
q ^= p
p ^= q
print("xor swap of 13, 42:", p, q)
print("sign via shift:", [(v >> 63) & 1 for v in (-5, 0, 5)], [v >> 100 for v in (-5, 5)])
print("mask ops:", bin(0b1011 & ~0b0010), bin(0b1011 | 0b0100), bin(0b1011 ^ 0b1111), ~7, -8 >> 1)

print("== subsets by bitmask ==")
items = ["a", "b", "c", "d"]
subs = [[items[i] for i in range(len(items)) if mask >> i & 1] for mask in range(1 << len(items))]
print(len(subs), subs[:6], subs[-1])
weights = [3, 5, 7, 11, 13]
hits = [mask for mask in range(1 << 5) if sum(w for i, w in enumerate(weights) if mask >> i & 1) == 21]
print("masks summing to 21:", [format(m, "05b") for m in hits])
sub, enum = 0b10110, []
s = sub
while True:
    enum.append(format(s, "05b"))
    if s == 0:
        break
    s = (s - 1) & sub
print("submasks of 10110:", enum)
x, combos = 0b111, []
while x < 1 << 6:
    combos.append(format(x, "06b"))
    c = x & -x
    r = x + c
    x = (((r ^ x) >> 2) // c) | r
print("3-of-6 (Gosper):", len(combos), combos[:5], combos[-1])
