# Float arithmetic in a loop (boxed floats).
x = 0.0
y = 1.0
for i in range(1000000):
    x = x * 0.5 + i / 3.0
    y = y * 1.0000001 - x * 1e-9
print(round(x, 6), round(y, 6))
