for x in range(-2, 3):
    print(x, "neg" if x < 0 else "zero" if x == 0 else "pos")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
