import sys
def walk(n):
    if n:
        yield n
        yield from walk(n - 1)
print(sum(walk(300)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(max(x for x in range(10) if x % 3), any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
print(sorted((y for y in "hello"), reverse=True))
print(dict((k, v) for k, v in zip("ab", range(2))))
print(tuple(x for x in []), set(x % 3 for x in range(10)))
z = zip((i for i in range(3)), (j * 2 for j in range(3)))
print(list(z), list(enumerate(c for c in "xy")))
def g(): yield
print(list(g()))
def early():
    for i in range(10):
        if i == 3:
            return
        yield i
print(list(early()))
x = (a + b for a in range(2) for b in range(2))
print(list(x))
def closure():
    k = 10
    return (k + i for i in range(3))
print(list(closure()))
def lazy():
    print("started")
    yield 1
l = lazy(); print("created"); print(next(l))
def sender():
    total = 0
    while True:
        v = yield total
        if v is None: break
        total += v
s = sender(); next(s)
for i in range(5): s.send(i)
try:
    s.send(None)
except StopIteration:
    print("done sending")
print(s.gi_running, s.__name__)
try:
    (lambda: (yield))().send(1)
except TypeError as e:
    print(e)
