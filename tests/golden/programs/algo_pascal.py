row = [1]
for _ in range(10):
    print(row)
    row = [a + b for a, b in zip([0] + row, row + [0])]
print(sum(row), row[5])
