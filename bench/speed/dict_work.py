# Dict insertion, lookup, update, iteration over items.
def run(n):
    d = {}
    for i in range(n):
        k = i % 5003
        d[k] = d.get(k, 0) + i
    words = {}
    for i in range(n // 4):
        w = "k" + str(i % 2000)
        words[w] = words.get(w, 0) + 1
    total = 0
    for k, v in d.items():
        total += v % 97
    return len(d), total, len(words), sum(words.values())


print(run(1200000))
