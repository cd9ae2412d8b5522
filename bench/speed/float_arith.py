# Float arithmetic in a loop (boxed floats).
def run(n):
    x = 0.0
    y = 1.0
    for i in range(n):
        x = x * 0.5 + i / 3.0
        y = y * 1.0000001 - x * 1e-9
    return x, y


x, y = run(3000000)
print(round(x, 6), round(y, 6))
