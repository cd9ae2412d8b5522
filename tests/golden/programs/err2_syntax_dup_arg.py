class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, x, y, x):
        return Point(self.x + x, self.y + y)


print(Point(1, 2).moved(1, 1, 1).x)
