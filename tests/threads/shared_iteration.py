# Threads sharing iterators and iterating over containers another thread
# changes: a shared range or list iterator hands out each item exactly once
# (next() advances it inside its section; range, tuple and list iterators
# under fine with one compare-and-swap on the index), and iterating a dict that
# grows and shrinks either works or raises CPython's RuntimeError, never
# crashes; a list another thread keeps replacing whole (`a[:] = b`: its
# items taken out and put back inside one write section) is always seen
# whole by a loop over it.
# Only the invariants are printed.
import threading
it = iter(range(200000))
lst = list(range(200000))
lit = iter(lst)
tup = tuple(range(100000))
tit = iter(tup)
d = {i: i for i in range(1000)}
got = [[] for _ in range(4)]
got2 = [[] for _ in range(4)]
got3 = [[] for _ in range(4)]
errors = [0]
def work(k):
    for x in it:
        got[k].append(x)
    for x in lit:
        got2[k].append(x)
    for x in tit:
        got3[k].append(x)
    for _ in range(20):
        try:
            s = 0
            for key in d:
                s += d.get(key, 0)
        except RuntimeError:
            errors[0] += 1
        if k == 0:
            for j in range(1000, 1100):
                d[j] = j
            for j in range(1000, 1100):
                del d[j]
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()

replaced = list(range(2000))
short_loops = [0]
def replacer():
    forward, backward = list(range(2000)), list(range(1999, -1, -1))
    for i in range(3000):
        replaced[:] = backward if i % 2 else forward
def looper():
    for _ in range(300):
        n = 0
        for _ in replaced:
            n += 1
        if n != 2000:
            short_loops[0] += 1
ts = [threading.Thread(target=replacer)] + [threading.Thread(target=looper) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
allx = sorted(x for g in got for x in g)
ally = sorted(x for g in got2 for x in g)
allz = sorted(x for g in got3 for x in g)
print(len(allx), allx == list(range(200000)), len(ally), ally == lst)
print(len(allz), allz == list(tup))
print("loops that saw a replaced list short:", short_loops[0])
