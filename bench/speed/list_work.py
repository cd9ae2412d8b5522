# List building, indexing, sorting, comprehensions.
data = [(i * 7919) % 10007 for i in range(200000)]
data.sort()
evens = [v for v in data if v % 2 == 0]
acc = 0
for i in range(0, len(evens), 3):
    acc += evens[i]
print(len(evens), acc, data[100], data[-1])
