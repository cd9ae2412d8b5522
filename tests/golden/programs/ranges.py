r = range(2, 20, 3)
print(list(r), len(r), r[0], r[-1], 5 in r, 6 in r, r)
print(list(range(10, -10, -4)), list(range(0)), list(range(5, 5)), range(3) == range(3) if False else "n")
print(sum(range(1000000)), max(range(7)), min(range(3, 9)))
