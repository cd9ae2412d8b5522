a = -2**70 - 12345
b = 2**65 + 987
for x in (a, b, -b, 3, -3):
    for y in (a, b, 5, -7):
        print(x & y, x | y, x ^ y, x >> 3, x << 2, ~x, x // 7, x % 7, divmod(x, -y))
print(pow(a, 3, b), pow(3, 10**5, 2**89 - 1), (-a) ** 5 // b ** 3, int(str(a * b)), hex(a), bin(b)[:20], a.__class__ if False else 0)
print(float(a), a / b, 10**400 // 3 % 1000, round(2**80 / 3), hash(a), hash(b), hash(-b))
