# A lazy pipeline of generators, as data-processing scripts write them.
def read_lines(text):
    for line in text.split("\n"):
        yield line


def strip_comments(lines):
    for line in lines:
        head = line.split("#")[0].strip()
        if head:
            yield head


def parse(lines):
    for line in lines:
        name, _, qty = line.partition("=")
        yield name.strip(), int(qty)


def running_total(pairs):
    total = 0
    for name, qty in pairs:
        total += qty
        yield name, qty, total


TEXT = """
# inventory
apples = 3
pears = 5   # fresh
# nothing here

plums = 11
figs = 2
"""

for name, qty, total in running_total(parse(strip_comments(read_lines(TEXT)))):
    print(f"{name:>6} {qty:3d} {total:4d}")


def chunks(seq, n):
    it = iter(seq)
    while True:
        chunk = []
        for _ in range(n):
            try:
                chunk.append(next(it))
            except StopIteration:
                break
        if not chunk:
            return
        yield chunk


print(list(chunks(range(10), 4)))


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


gen = primes()
print([next(gen) for _ in range(20)])


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))


def tree_sum():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def averager():
    result = yield from tree_sum()
    print("inner total", result)
    yield result / 2


a = averager()
next(a)
for v in (4, 8, 15):
    a.send(v)
print(a.send(None))
print(sum(1 for _ in range(1000)), sum(x for x in range(100000) if x % 7 == 0))
