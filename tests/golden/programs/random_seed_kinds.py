# random.seed() with every kind of seed CPython 3.11 accepts: ints (the
# sign dropped, big ones word by word), str and bytes (their bytes and their
# SHA-512 digest, version 2), floats (their hash), None (fresh entropy), and
# the TypeError for anything else.
import random


def draws():
    return [random.random(), random.getrandbits(70), random.randrange(1000)]


for seed in [0, 1, -1, True, 2 ** 32, 2 ** 100 + 7, -(2 ** 64)]:
    random.seed(seed)
    print(repr(seed), draws())

# The SHA-512 padding changes at 112 bytes (one block or two) and at 128.
for seed in ["", "a", "abc", "é" * 50, "x" * 111, "x" * 112, "y" * 127, "z" * 128, "w" * 1000]:
    random.seed(seed)
    print(len(seed), draws())
for seed in [b"", b"ab", bytes(range(256))]:
    random.seed(seed)
    print(seed[:4], draws())
# A str and its UTF-8 bytes seed alike.
random.seed("naïve"); first = random.random()
random.seed("naïve".encode()); print(first == random.random())

for seed in [2.5, -3.0, 0.1, 1e300, float("inf")]:
    random.seed(seed)
    print(seed, draws())

r = random.Random("instance seed")
print(r.random(), r.randint(1, 6))

random.seed(None); a = random.random()
random.seed(); b = random.random()
print(a != b, 0 <= a < 1)

for bad in [(1, 2), [1], {1: 2}, object()]:
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(bad).__name__, repr(str(e)))
