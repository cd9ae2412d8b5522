best, arg = 0, 0
for n in range(1, 3000):
    steps, m = 0, n
    while m != 1:
        m = m // 2 if m % 2 == 0 else 3 * m + 1
        steps += 1
    if steps > best:
        best, arg = steps, n
print(arg, best)
