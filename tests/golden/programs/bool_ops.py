print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or "x", [] and 1)
print(True + True, True * 3, False - 1, isinstance(True, int), True == 1, hash(True))
x = 0
def side(v):
    global x
    x += 1
    return v
print(side(0) and side(1), x)
print(side(1) or side(1), x)
