def area(w, h):
    return w * h


sizes = [(2, 3), (4, 5)]
print(sum(area(w, h) for w, h in sizes)))
