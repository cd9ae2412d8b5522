def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
print([p for p in range(2, 100) if is_prime(p)], is_prime(2 ** 31 - 1))
print(sum(p for p in [2, 3] if False) if False else sum([p for p in range(2, 2000) if is_prime(p)]))
