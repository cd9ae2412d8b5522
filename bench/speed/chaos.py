# Chaos: the chaos game (M. Barnsley, "Fractals Everywhere", 1988) for an
# iterated function system whose maps are built from B-spline curves, after
# the "chaos" program of the PyPy benchmark suite. Each map sends the unit
# square onto a thick band along a cubic B-spline (evaluated with de Boor's
# algorithm, C. de Boor, "A Practical Guide to Splines", 1978); the game picks
# a map at random, weighted by curve length, applies it to the current point
# and plots the point. The random sequence is fixed by random.seed, so the
# picture is too; the program prints a checksum of the plotted grid.
# Stresses float arithmetic, small-object allocation, method calls, the
# random and bisect modules.
import bisect
import math
import random
import sys

GRID = 256
THICKNESS = 0.12
WARMUP = 25


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def blend(self, other, alpha):
        """The point alpha of the way from self to other."""
        return Point(self.x + (other.x - self.x) * alpha, self.y + (other.y - self.y) * alpha)

    def length(self):
        return math.hypot(self.x, self.y)


class BSpline:
    """A clamped uniform B-spline of the given degree through control points."""

    def __init__(self, control, degree=3):
        if len(control) <= degree:
            raise ValueError("need more control points than the degree")
        self.control = [Point(x, y) for x, y in control]
        self.degree = degree
        inner = len(control) - degree
        self.knots = [0.0] * degree + [i / inner for i in range(inner + 1)] + [1.0] * degree

    def span(self, t):
        """Index k with knots[k] <= t < knots[k + 1], within the curve's spans."""
        last = len(self.control) - 1
        k = bisect.bisect_right(self.knots, t) - 1
        if k < self.degree:
            return self.degree
        return k if k <= last else last

    def __call__(self, t):
        p = self.degree
        k = self.span(t)
        knots = self.knots
        d = self.control[k - p:k + 1]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = knots[j + k - p]
                alpha = (t - left) / (knots[j + 1 + k - r] - left)
                d[j] = d[j - 1].blend(d[j], alpha)
        return d[p]

    def length(self, samples=200):
        total = 0.0
        previous = self(0.0)
        for i in range(1, samples + 1):
            here = self(i / samples)
            total += (here - previous).length()
            previous = here
        return total


class BandMap:
    """Sends (u, v) in the unit square to the spline point at u, pushed
    sideways along the curve's normal by (v - 1/2) * THICKNESS."""

    def __init__(self, spline):
        self.spline = spline

    def __call__(self, p):
        u = min(1.0, max(0.0, p.x))
        centre = self.spline(u)
        step = 1e-4
        ahead = self.spline(min(1.0, u + step))
        behind = self.spline(max(0.0, u - step))
        tangent = ahead - behind
        size = tangent.length()
        if size == 0.0:
            return centre
        offset = (p.y - 0.5) * THICKNESS / size
        return Point(centre.x - tangent.y * offset, centre.y + tangent.x * offset)


class ChaosGame:
    def __init__(self, splines):
        self.maps = [BandMap(s) for s in splines]
        running = 0.0
        self.cumulative = []
        for s in splines:
            running += s.length()
            self.cumulative.append(running)
        # Each axis is stretched so the curves just fill the unit square: then
        # the x coordinates the game produces run along whole curves.
        xs = []
        ys = []
        for s in splines:
            for i in range(101):
                q = s(i / 100)
                xs.append(q.x)
                ys.append(q.y)
        self.low = Point(min(xs), min(ys))
        self.stretch = Point(1.0 / (max(xs) - min(xs)), 1.0 / (max(ys) - min(ys)))

    def pick(self):
        r = random.random() * self.cumulative[-1]
        return self.maps[bisect.bisect_right(self.cumulative, r)]

    def play(self, steps):
        grid = [0] * (GRID * GRID)
        point = Point(0.5, 0.5)
        for i in range(steps + WARMUP):
            q = self.pick()(point) - self.low
            point = Point(q.x * self.stretch.x, q.y * self.stretch.y)
            if i >= WARMUP:
                col = min(GRID - 1, max(0, int(point.x * GRID)))
                row = min(GRID - 1, max(0, int(point.y * GRID)))
                grid[row * GRID + col] += 1
        return grid, point


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
    random.seed(1234)
    # Between them the curves' x coordinates cover [0, 1] twice over, so the
    # x of the game's points keeps running along whole curves.
    splines = [
        BSpline([(0.00, 0.20), (0.15, 0.90), (0.30, 0.60), (0.50, 0.10)]),
        BSpline([(0.50, 0.10), (0.70, 0.50), (0.85, 0.20), (1.00, 0.80)]),
        BSpline([(1.00, 0.95), (0.70, 0.60), (0.40, 0.98), (0.15, 0.55), (0.00, 0.85)]),
    ]
    game = ChaosGame(splines)
    grid, last = game.play(steps)
    lit = 0
    weighted = 0
    for index, hits in enumerate(grid):
        if hits:
            lit += 1
            weighted = (weighted * 31 + index * hits) % 1000000007
    print("chaos %d points: %d cells lit, busiest %d, weighted %d, last (%.6f, %.6f)"
          % (steps, lit, max(grid), weighted, last.x, last.y))


main()
