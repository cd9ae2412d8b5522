# Calls that mix *args with keyword arguments and **mappings in every
# order (a compiler bug once merged a lone keyword into the argument tuple),
# and throw() into generators and coroutines that never ran.
def g(*a, **k):
    return a, sorted(k.items())


args = [1, 2]
extra = {"z": 26}
print(g(*args, k=True))
print(g(0, *args, k=1, j=2))
print(g(*args, **extra))
print(g(*args, k=1, **extra))
print(g(*args, **extra, k=1))
print(g(*args, k=1, **extra, m=3))
print(g(k=1, *args))
print(g(**extra))
print(g(**extra, k=1))
print(*[1, 2, 3], sep="-")
print(*"ab", end="!\n")
try:
    g(*args, z=1, **extra)
except TypeError as e:
    print("TypeError:", e)


def f(*a, k=False):
    return a, k


print(f(*[1], k=True))


def gen():
    print("body ran")  # must not: the exception is raised before the first instruction
    yield 1


it = gen()
try:
    it.throw(ValueError("early"))
except ValueError as e:
    print("ValueError", e)
print(next(it, "finished"))


async def coro():
    print("coroutine body ran")


c = coro()
try:
    c.throw(KeyError("early"))
except KeyError as e:
    print("KeyError", e)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    print(*[1], **{"sep": 1}, **{"sep": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    g(*args, **5)
except TypeError as e:
    print("TypeError:", e)
print(len.__name__, print.__qualname__)
