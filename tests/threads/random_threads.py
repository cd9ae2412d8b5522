# Draws from the shared module generator on 4 threads at once: each draw is
# atomic, so together they are exactly the first N values of the seeded
# sequence (a torn or lost draw would change the set); and each thread's own
# Random(seed) gives the same values as a replay on one thread.
import random
import threading

THREADS, DRAWS = 4, 5000
random.seed(2024)
expected = sorted(random.random() for _ in range(THREADS * DRAWS))
random.seed(2024)
drawn = [[] for _ in range(THREADS)]
own = [[] for _ in range(THREADS)]
start = threading.Barrier(THREADS)


def work(i):
    mine = random.Random(i)
    start.wait()
    for _ in range(DRAWS):
        drawn[i].append(random.random())
        own[i].append(mine.randrange(1000))


threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("shared draws are the seeded sequence:", sorted(x for d in drawn for x in d) == expected)


def replay(seed):
    r = random.Random(seed)
    return [r.randrange(1000) for _ in range(DRAWS)]


print("own generators replay:", all(own[i] == replay(i) for i in range(THREADS)))
