# Generator pipelines and generator expressions: frame suspension.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def squares(xs):
    for x in xs:
        yield x * x


def windows(xs, size):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def run(n):
    total = sum(squares(evens(numbers(n))))
    w = sum(a - b + c for a, b, c in windows(numbers(n // 2), 3))
    g = sum(x for x in range(n) if x % 3 == 0)
    return total, w, g


print(run(1500000))
