# random with fixed seeds, value for value as CPython 3.11 draws them: a
# dice simulation, a shuffled deck and dealt hands, sample/choices with
# cum_weights and counts, negative-step randrange, gauss's cached second
# value, independent Random instances and re-seeding, and the errors.
import random

random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(30)]
print(rolls, sum(rolls), {face: rolls.count(face) for face in range(1, 7)})
print(random.random(), random.uniform(-1, 1), random.uniform(10, 1), random.choice("abcdef"), random.choice(range(100)))

ranks = "23456789TJQKA"
deck = [r + s for s in "cdhs" for r in ranks]
random.seed(7)
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(deck[:8], hands)
print(random.sample(deck, 5), random.sample(range(10**9), 3), random.sample("abcdef", k=6), random.sample([], 0))
print(random.choices("abc", cum_weights=[1, 1, 10], k=8), random.choices(["x", "y"], [3, 1], k=6), random.choices("ab", k=0))
print(random.sample("ab", 3, counts=[2, 2]), random.sample(["red", "blue"], counts=[4, 2], k=5))

random.seed(3)
print([random.randrange(10, 0, -2) for _ in range(8)], [random.randrange(-5, 5) for _ in range(8)],
      [random.randrange(0, 100, 25) for _ in range(6)])
print([random.getrandbits(k) for k in (1, 7, 8, 16, 63, 64)], random.getrandbits(0))

random.seed(11)
g1 = random.gauss(0, 1)
g2 = random.gauss(0, 1)
random.seed(11)
print(g1, g2, random.gauss(0, 1) == g1, random.gauss(0, 1) == g2, random.gauss(100, 15), random.normalvariate(0, 1))
print(random.expovariate(0.5), random.triangular(), random.triangular(1, 2), random.triangular(0, 10, 9), random.betavariate(1, 1))

a, b = random.Random(99), random.Random(99)
xs = [a.random() for _ in range(3)]
b.random()
print(xs, b.random() == xs[1], a.randint(1, 10), b.randint(1, 10))
a.seed(5)
random.seed(5)
print(a.random() == random.random(), a.choice([1, 2, 3]), random.choice([1, 2, 3]))
c = random.Random()
c.seed(123)
d = random.Random(123)
cards = list(range(10))
c.shuffle(cards)
print(cards, d.sample(range(10), 10) == cards, [d.random() for _ in range(2)])
for s in (0, 1, -1, 2**64 - 1, 2**63, True):
    random.seed(s)
    print(s, random.random(), random.randint(0, 10**9))

walk = [0]
rng = random.Random(42)
for _ in range(20):
    walk.append(walk[-1] + rng.choice((-1, 1)))
print(walk, max(walk), min(walk))
hits = sum(1 for _ in range(2000) if rng.random() ** 2 + rng.random() ** 2 <= 1)
print(hits, 4 * hits / 2000)

for bad in (lambda: random.randrange(5, 5), lambda: random.randrange(0), lambda: random.randint(3, 1), lambda: random.choice(""),
            lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.sample([1, 2], -1),
            lambda: random.sample({1, 2}, 1), lambda: random.choices("abc", [1, 1, 1], cum_weights=[1, 2, 3]),
            lambda: random.choices("abc", [0, 0, 0]), lambda: random.choices("ab", [1, 2, 3]), lambda: random.shuffle((1, 2)),
            lambda: random.randrange(0, 10, 0), lambda: random.getrandbits(-1)):
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
