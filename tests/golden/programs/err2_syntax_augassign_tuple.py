lo, hi = 0, 10
while lo < hi:
    lo, hi += 1, -1
print(lo, hi)
