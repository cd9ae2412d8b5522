# Floating-point numerics printed with fixed formats: Newton's method for
# square roots and polynomial roots, bisection and the secant method, Horner
# evaluation and synthetic division, Simpson and trapezoid integration with
# error ratios, Kahan summation, and a Runge-Kutta ODE step compared to exp.
import math


def newton(f, df, x, tol=1e-12, limit=60):
    for i in range(1, limit + 1):
        step = f(x) / df(x)
        x -= step
        if abs(step) < tol:
            return x, i
    return x, limit


def bisect(f, lo, hi, tol=1e-10):
    n = 0
    flo = f(lo)
    while hi - lo > tol:
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
        n += 1
    return (lo + hi) / 2, n


def secant(f, a, b, tol=1e-12):
    for i in range(1, 100):
        fa, fb = f(a), f(b)
        if fb == fa:
            return b, i
        a, b = b, b - fb * (b - a) / (fb - fa)
        if abs(b - a) < tol:
            return b, i
    return b, 100


def horner(coeffs, x):
    acc = 0.0
    for c in coeffs:
        acc = acc * x + c
    return acc


def synthetic_division(coeffs, r):
    out = [coeffs[0]]
    for c in coeffs[1:]:
        out.append(c + out[-1] * r)
    return out[:-1], out[-1]


def derivative(coeffs):
    n = len(coeffs) - 1
    return [c * (n - i) for i, c in enumerate(coeffs[:-1])]


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    s += 4 * sum(f(a + i * h) for i in range(1, n, 2))
    s += 2 * sum(f(a + i * h) for i in range(2, n, 2))
    return s * h / 3


def trapezoid(f, a, b, n):
    h = (b - a) / n
    return h * (0.5 * f(a) + 0.5 * f(b) + sum(f(a + i * h) for i in range(1, n)))


def kahan(xs):
    total = comp = 0.0
    for x in xs:
        y = x - comp
        t = total + y
        comp = (t - total) - y
        total = t
    return total


def rk4(f, y, t, h, steps):
    for _ in range(steps):
        k1 = f(t, y)
        k2 = f(t + h / 2, y + h * k1 / 2)
        k3 = f(t + h / 2, y + h * k2 / 2)
        k4 = f(t + h, y + h * k3)
        y += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
        t += h
    return y


print("== square roots by Newton ==")
for a in [2.0, 10.0, 0.25, 1e6, 12345.678]:
    r, it = newton(lambda x: x * x - a, lambda x: 2 * x, a)
    print(f"sqrt({a:<10g}) = {r:.12f} in {it:2} steps, error {abs(r - math.sqrt(a)):.1e}")

print("== polynomial roots ==")
poly = [1.0, -6.0, 11.0, -6.0]  # (x-1)(x-2)(x-3)
dpoly = derivative(poly)
print("p'(x) coefficients:", dpoly)
for start in (0.0, 1.6, 2.4, 10.0):
    r, it = newton(lambda x: horner(poly, x), lambda x: horner(dpoly, x), start)
    print(f"start {start:5.1f}: root {r:.10f} after {it} steps")
q, rem = synthetic_division(poly, 3.0)
print("p / (x - 3):", q, "remainder", rem)
q2, rem2 = synthetic_division([2, -3, 0, 5, -7], 2)
print("(2x^4-3x^3+5x-7) / (x - 2):", q2, "remainder", rem2, "p(2) =", horner([2, -3, 0, 5, -7], 2))
cubic = lambda x: x ** 3 - 2 * x - 5
for name, (r, n) in [("bisect", bisect(cubic, 2, 3)), ("secant", secant(cubic, 2, 3)),
                     ("newton", newton(cubic, lambda x: 3 * x * x - 2, 2.0))]:
    print(f"{name:>7}: {r:.12f} steps {n:2} residual {abs(cubic(r)):.2e}")
print("cos x = x:", f"{bisect(lambda x: math.cos(x) - x, 0, 1)[0]:.9f}")

print("== horner tables ==")
cheb5 = [16, 0, -20, 0, 5, 0]
for x in [-1.0, -0.5, 0.0, 0.3, 0.5, 1.0]:
    print(f"T5({x:+.1f}) = {horner(cheb5, x):+.6f}  cos(5 acos x) = {math.cos(5 * math.acos(x)):+.6f}")
exp_series = [1 / math.factorial(k) for k in range(20, -1, -1)]
print("e by Horner series: %.15f vs %.15f" % (horner(exp_series, 1.0), math.e))

print("== integration ==")
cases = [("x^2 on [0,3]", lambda x: x * x, 0.0, 3.0, 9.0),
         ("sin on [0,pi]", math.sin, 0.0, math.pi, 2.0),
         ("exp on [0,1]", math.exp, 0.0, 1.0, math.e - 1),
         ("4/(1+x^2) on [0,1]", lambda x: 4 / (1 + x * x), 0.0, 1.0, math.pi),
         ("1/x on [1,2]", lambda x: 1 / x, 1.0, 2.0, math.log(2))]
for name, f, a, b, exact in cases:
    errs = []
    for n in (4, 8, 16, 32):
        errs.append(abs(simpson(f, a, b, n) - exact))
    t = abs(trapezoid(f, a, b, 32) - exact)
    ratios = " ".join(f"{errs[i] / errs[i + 1]:5.1f}" if errs[i + 1] > 1e-15 else "  exact" for i in range(3))
    print(f"{name:>20}: simpson32 {simpson(f, a, b, 32):.10f} err {errs[-1]:.2e} ratios {ratios} trap32 err {t:.2e}")

print("== summation ==")
xs = [0.1] * 100000
naive = 0.0
for x in xs:
    naive += x
print(f"naive {naive:.10f} builtin-sum {sum(xs):.10f} kahan {kahan(xs):.10f} fsum {math.fsum(xs):.10f}")
big = [1e16, 1.0, -1e16] * 3
print("cancellation:", sum(big), kahan(big), math.fsum(big))
h = sum(1 / k for k in range(1, 100001))
print(f"H(100000) = {h:.12f}, ln n + gamma = {math.log(100000) + 0.5772156649015329:.12f}")

print("== ODE y' = y ==")
for steps in (1, 2, 4, 8, 16):
    y = rk4(lambda t, y: y, 1.0, 0.0, 1.0 / steps, steps)
    print(f"rk4 steps {steps:2}: {y:.12f} error {abs(y - math.e):.3e}")
y = 1.0
for _ in range(1000):
    y += y * 0.001
print(f"euler 1000 steps: {y:.12f} error {math.e - y:.6e}")
print("formats: %e | %g | %.3g | %10.4f | %-10.2f| %+.0f" % (math.pi * 1e10, 1e-5, 123456.0, -math.e, 2.5, 2.5))
print(f"{1/3:.17g} {2/3:.17f} {1e300*1e10} {-1e300*1e10} {math.inf - math.inf} {0.1 + 0.2!r} {round(2.675, 2)}")
