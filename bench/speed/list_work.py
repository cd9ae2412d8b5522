# List building, indexing, sorting, slicing, comprehensions.
def run(n):
    data = [(i * 7919) % 10007 for i in range(n)]
    data.sort()
    evens = [v for v in data if v % 2 == 0]
    acc = 0
    for i in range(0, len(evens), 3):
        acc += evens[i]
    rev = data[::-1]
    pairs = sorted(zip(rev[:1000], data[:1000]), key=lambda p: (p[0] % 11, p[1]))
    return len(evens), acc, data[100], data[-1], pairs[:2]


for _ in range(4):
    r = run(250000)
print(r)
