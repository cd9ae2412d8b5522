# Threads sharing iterators and iterating over containers another thread
# changes: a shared range or list iterator hands out each item exactly once
# (next() advances it inside its section; range, tuple and list iterators
# under fine with one compare-and-swap on the index), and iterating a dict that
# grows and shrinks either works or raises CPython's RuntimeError, never
# crashes. Only the invariants are printed.
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
allx = sorted(x for g in got for x in g)
ally = sorted(x for g in got2 for x in g)
allz = sorted(x for g in got3 for x in g)
print(len(allx), allx == list(range(200000)), len(ally), ally == lst)
print(len(allz), allz == list(tup))
