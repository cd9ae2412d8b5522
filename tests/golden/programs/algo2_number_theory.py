# Number theory with big integers: sieve of Eratosthenes, deterministic
# Miller-Rabin with fixed bases (Carmichael numbers, Mersenne primes),
# extended Euclid, modular inverses, the Chinese remainder theorem, Pollard
# rho factoring, 200!, Fibonacci(1000) and their digit sums, and pow(b, e, m).
import math


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, math.isqrt(n) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, v in enumerate(is_p) if v]


BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def is_probable_prime(n):
    if n < 2:
        return False
    for p in BASES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in BASES:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def modinv(a, m):
    g, x, _ = egcd(a % m, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m


def crt(residues, moduli):
    x, m = 0, 1
    for r, n in zip(residues, moduli):
        g, p, _ = egcd(m, n)
        if (r - x) % g:
            return None
        lcm = m // g * n
        x = (x + (r - x) // g * p % (n // g) * m) % lcm
        m = lcm
    return x, m


def pollard_rho(n, c=1):
    if n % 2 == 0:
        return 2
    x = y = 2
    d = 1
    while d == 1:
        x = (x * x + c) % n
        y = (y * y + c) % n
        y = (y * y + c) % n
        d = math.gcd(abs(x - y), n)
    return d if d != n else pollard_rho(n, c + 1)


def factor(n):
    if n == 1:
        return []
    if is_probable_prime(n):
        return [n]
    for p in (2, 3, 5, 7, 11, 13):
        if n % p == 0:
            return [p] + factor(n // p)
    d = pollard_rho(n)
    return sorted(factor(d) + factor(n // d))


def digit_sum(n):
    return sum(int(c) for c in str(n))


primes = sieve(10000)
prime_set = set(primes)
print("== sieve ==")
print("count below 10000:", len(primes), "last five:", primes[-5:])
print("first 25:", primes[:25])
print("twin pairs below 1000:", sum(1 for p in primes if p + 2 < 1000 and p + 2 in prime_set))
assert all(is_probable_prime(n) == (n in prime_set) for n in range(10001))
print("miller-rabin agrees with sieve up to 10000")

print("== miller-rabin ==")
carmichael = [561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185]
print("carmichael flagged prime:", [n for n in carmichael if is_probable_prime(n)])
print("fermat liars base 2:", [n for n in carmichael if pow(2, n - 1, n) == 1])
mersenne = [p for p in range(2, 130) if is_probable_prime(2 ** p - 1)]
print("mersenne exponents < 130:", mersenne)
for n in [2 ** 61 - 1, 2 ** 89 - 1, 2 ** 127 - 1, 10 ** 18 + 9, 10 ** 30 + 57, 3215031751, 2 ** 64 + 1]:
    print(f"{n} prime={is_probable_prime(n)}")
nxt = 10 ** 20
while not is_probable_prime(nxt):
    nxt += 1
print("next prime after 10**20:", nxt, "gap", nxt - 10 ** 20)

print("== inverses and CRT ==")
for a, m in [(3, 11), (10, 17), (17, 3120), (2 ** 100 + 1, 10 ** 9 + 7), (6, 9)]:
    try:
        inv = modinv(a, m)
        print(f"inv({a}, {m}) = {inv}, check {a * inv % m}, builtin {pow(a, -1, m) == inv}")
    except ValueError as e:
        print("error:", e)
for rs, ms in [([2, 3, 2], [3, 5, 7]), ([1, 2, 3, 4], [5, 7, 9, 11]), ([3, 5], [4, 6]),
               ([3, 4], [4, 6]), ([0, 0, 1], [2, 3, 5]), ([123456789, 987654321], [10 ** 9 + 7, 10 ** 9 + 9])]:
    r = crt(rs, ms)
    if r is not None:
        assert all(r[0] % m == x % m for x, m in zip(rs, ms))
    print(f"x = {rs} mod {ms}: {r}")

print("== factoring ==")
for n in [600851475143, 2 ** 64 - 1, 10 ** 18 + 1, 1234567891011121314, 2 ** 67 - 1, 999999999989 * 1000003]:
    fs = factor(n)
    assert math.prod(fs) == n
    print(n, "=", " * ".join(map(str, fs)))

print("== big values ==")
f200 = math.factorial(200)
s = str(f200)
print("200! has", len(s), "digits, digit sum", digit_sum(f200), "trailing zeros", len(s) - len(s.rstrip("0")))
print("200! head", s[:30], "tail of nonzero part", s.rstrip("0")[-10:])
a, b = 0, 1
for _ in range(1000):
    a, b = b, a + b
print("fib(1000) digits", len(str(a)), "digit sum", digit_sum(a), "mod 1e9+7", a % (10 ** 9 + 7))
print("fib(1000) starts", str(a)[:25])
def fib(n):
    x, y = 0, 1
    for _ in range(n):
        x, y = y, x + y
    return x


print("gcd(fib(1000), fib(750)) == fib(250):", math.gcd(a, fib(750)) == fib(250))
print("fib(120) =", " * ".join(map(str, factor(fib(120)))))
print("2**1000 digit sum", digit_sum(2 ** 1000), "3**200 mod 1000007", pow(3, 200, 1000007))
print("pow(7, 10**18, 10**9+7) =", pow(7, 10 ** 18, 10 ** 9 + 7))
print("pow(2, 2**100, 2**89-1) =", pow(2, 2 ** 100, 2 ** 89 - 1))
print("fermat check 2**127-1:", pow(3, 2 ** 127 - 2, 2 ** 127 - 1))
