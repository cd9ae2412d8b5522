def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(2 ** 40, 6 ** 20), lcm(4, 6), lcm(21, 6), gcd(-12, 18))
acc = 1
for i in range(1, 21):
    acc = lcm(acc, i)
print(acc)
