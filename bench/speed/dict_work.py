# Dict insertion, lookup, update.
d = {}
for i in range(300000):
    k = i % 5003
    d[k] = d.get(k, 0) + i
total = 0
for k in d:
    total += d[k] % 97
print(len(d), total)
