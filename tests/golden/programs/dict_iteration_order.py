d = {}
for i in [5, 3, 9, 1, 7]:
    d[i] = i * i
del d[3]
d[3] = "again"
print(list(d), list(d.values()))
for k, v in d.items():
    print(k, v)
big = {i: i for i in range(100)}
for i in range(0, 100, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
try:
    for k in big:
        big[k + 1000] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
