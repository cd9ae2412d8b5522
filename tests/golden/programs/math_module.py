import math
print(math.pi, math.tau, math.e, math.inf, math.nan)
for f in ["sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "exp", "expm1", "log2", "log10", "log1p", "fabs", "degrees", "radians", "sqrt"]:
    print(f, [round(getattr(math, f)(x), 12) for x in (0.5, 1, 2.5)])
print(math.log(100), math.log(8, 2), math.log(10**400), math.log(2**1000, 2), math.atan2(1, -1), math.hypot(3, 4))
print(math.copysign(3, -0.0), math.fmod(7, -3), math.pow(2, 10), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
print(math.trunc(-3.7), math.trunc(5), math.gcd(12, 18), math.gcd(-4, 6, 10), math.gcd(), math.gcd(2**100, 6**50), math.factorial(20), math.factorial(30))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9), math.asin(1), math.acos(0))
for bad in [lambda: math.log(0), lambda: math.sqrt(-1), lambda: math.exp(1000), lambda: math.log2(0), lambda: math.asin(2),
            lambda: math.factorial(-1), lambda: math.log(-1), lambda: math.fmod(1, 0), lambda: math.pow(0, -1), lambda: math.sin("x"),
            lambda: math.log1p(-1), lambda: math.cosh(1000), lambda: math.factorial(2.5)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
