# Exact linear algebra: a hand-written Fraction class (normalised, hashable,
# total ordering, reflected operators, int/float interop) and a Matrix class
# with operator overloading, Gaussian elimination for determinant, inverse
# and solving a system, and errors for singular/mismatched matrices.
from functools import total_ordering, reduce
from math import gcd


@total_ordering
class Fraction:
    __slots__ = ("num", "den")

    def __init__(self, num=0, den=1):
        if isinstance(num, Fraction) and den == 1:
            num, den = num.num, num.den
        if not isinstance(num, int) or not isinstance(den, int):
            raise TypeError(f"Fraction needs ints, got {type(num).__name__}/{type(den).__name__}")
        if den == 0:
            raise ZeroDivisionError(f"Fraction({num}, 0)")
        g = gcd(num, den)
        if den < 0:
            g = -g
        self.num, self.den = num // g, den // g

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return NotImplemented

    def __add__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return float(self) + other if isinstance(other, float) else NotImplemented
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __neg__(self):
        return Fraction(-self.num, self.den)

    def __sub__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is NotImplemented else self + -o

    def __rsub__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is NotImplemented else o + -self

    def __mul__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return float(self) * other if isinstance(other, float) else NotImplemented
        return Fraction(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return NotImplemented
        if o.num == 0:
            raise ZeroDivisionError("division by zero fraction")
        return Fraction(self.num * o.den, self.den * o.num)

    def __rtruediv__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is NotImplemented else o / self

    def __pow__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        if n < 0:
            return Fraction(1) / self ** -n
        return Fraction(self.num ** n, self.den ** n)

    def __abs__(self):
        return Fraction(abs(self.num), self.den)

    def __eq__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return float(self) == other if isinstance(other, float) else NotImplemented
        return self.num == o.num and self.den == o.den

    def __lt__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return NotImplemented
        return self.num * o.den < o.num * self.den

    def __hash__(self):
        return hash(self.num) if self.den == 1 else hash((self.num, self.den))

    def __bool__(self):
        return self.num != 0

    def __float__(self):
        return self.num / self.den

    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

    def __format__(self, spec):
        return format(str(self), spec)


class MatrixError(ValueError):
    pass


class Matrix:
    def __init__(self, rows):
        rows = [[x if isinstance(x, Fraction) else Fraction(x) for x in r] for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        if self.shape != other.shape:
            raise MatrixError(f"cannot add {self.shape} and {other.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __mul__(self, other):
        if isinstance(other, (int, Fraction)):
            return Matrix([[x * other for x in r] for r in self.rows])
        if self.shape[1] != other.shape[0]:
            raise MatrixError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum((a * b for a, b in zip(r, c)), Fraction()) for c in cols] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        return self * other

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def _eliminate(self, extra):
        n = self.shape[0]
        if self.shape[1] != n:
            raise MatrixError(f"square matrix required, got {self.shape}")
        a = [r[:] + e[:] for r, e in zip(self.rows, extra)]
        det = Fraction(1)
        for col in range(n):
            pivot = next((r for r in range(col, n) if a[r][col]), None)
            if pivot is None:
                return Fraction(0), None
            if pivot != col:
                a[col], a[pivot] = a[pivot], a[col]
                det = -det
            p = a[col][col]
            det *= p
            a[col] = [x / p for x in a[col]]
            for r in range(n):
                if r != col and a[r][col]:
                    f = a[r][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return det, [r[n:] for r in a]

    def det(self):
        return self._eliminate([[] for _ in self.rows])[0]

    def inverse(self):
        det, rest = self._eliminate(Matrix.identity(self.shape[0]).rows)
        if rest is None:
            raise MatrixError("matrix is singular")
        return Matrix(rest)

    def solve(self, b):
        det, rest = self._eliminate([[x] for x in b])
        if rest is None:
            raise MatrixError("no unique solution")
        return [r[0] for r in rest]

    def __str__(self):
        cells = [[str(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[ " + " ".join(f"{c:>{w}}" for c in r) + " ]" for r in cells)

    def __repr__(self):
        return f"Matrix({[[str(x) for x in r] for r in self.rows]})"


F = Fraction
half, third = F(1, 2), F(1, 3)
print(half + third, half - third, half * third, half / third, third ** -2, -half, abs(F(-3, 9)))
print(1 + half, 1 - third, 2 * third, 1 / third, half + 0.25, F(3, 4) == 0.75, F(4, 2) == 2)
print(sorted([F(2, 3), F(-1, 2), F(5, 8), 0, F(1, 3)]), max(F(7, 9), F(4, 5)), F(1, 2) >= F(2, 4))
print(len({F(1, 2), F(2, 4), F(3, 6), F(2, 1), 2}), hash(F(6, 3)) == hash(2), bool(F(0, 5)), float(F(1, 8)))
print(repr(F(10, -4)), f"[{F(3, 7):>6}]", sum([F(1, n) for n in range(1, 7)], F()))
harmonic = reduce(lambda acc, n: acc + F(1, n), range(1, 21), F())
print("H20 =", harmonic, f"~ {float(harmonic):.6f}")
for args in [(1, 0), (1.5, 2)]:
    try:
        F(*args)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
try:
    half / F(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    half < "x"
except TypeError as e:
    print("TypeError", e)

A = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
b = [8, -11, -3]
print("A =\n" + str(A))
print("det A =", A.det(), " solve:", [str(x) for x in A.solve(b)])
Ainv = A.inverse()
print("A^-1 =\n" + str(Ainv))
print("A * A^-1 == I:", A @ Ainv == Matrix.identity(3), Ainv * A == Matrix.identity(3))
H = Matrix([[F(1, i + j + 1) for j in range(4)] for i in range(4)])
print("hilbert det =", H.det(), " inverse row0 =", [str(x) for x in H.inverse().rows[0]])
print((A + A.transpose()) * half)
print(repr(3 * Matrix([[1, F(1, 2)]])), Matrix([[1, 2]]) @ Matrix([[3], [4]]) == Matrix([[11]]))
for bad in [lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: A + Matrix([[1]]),
            lambda: Matrix([[1, 2]]) * Matrix([[1, 2]]), lambda: Matrix([[1], [2, 3]]),
            lambda: Matrix([[1, 2, 3]]).det()]:
    try:
        bad()
    except MatrixError as e:
        print("MatrixError:", e, isinstance(e, ValueError))
