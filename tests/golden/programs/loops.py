total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    print("not reached")
print(total)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
for i in []:
    pass
else:
    print("empty for else")
for i, ch in enumerate("xyz", start=1):
    print(i, ch, end=" ")
print()
for a, b in zip([1, 2, 3], "ab"):
    print(a, b)
for x in reversed([1, 2, 3]):
    print(x, end=",")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print(list(range(0)), list(range(5, 0, -2)), range(3), len(range(0, 10, 3)))
