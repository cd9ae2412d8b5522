import math


def circle(radius=1.0, center):
    return math.pi * radius ** 2, center


print(circle(center=(0, 0)))
