# math at the edges: floor/ceil/trunc of huge and negative floats and ints,
# gcd/lcm over many (and negative, and zero) arguments, comb/perm of large
# values, isclose's tolerances with inf and nan, fsum's exactness, and
# inf/nan through the functions, comparisons and rounding, with errors.
import math

inf, nan = math.inf, math.nan
print(math.floor(1e20), math.ceil(-1e20), math.floor(2.5e300) == int(2.5e300), math.ceil(1e308) % 1000, math.floor(-1e-300))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(10**30), math.ceil(-7), math.floor(True), math.trunc(1e19))
print(math.floor(4503599627370495.5), math.ceil(4503599627370495.5), math.floor(-2.0**60 - 0.0), type(math.ceil(2.0)).__name__)
for bad in (lambda: math.floor(inf), lambda: math.ceil(-inf), lambda: math.ceil(nan), lambda: math.trunc(nan), lambda: int(inf),
            lambda: int(nan), lambda: round(inf), lambda: round(nan)):
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

print(math.gcd(), math.gcd(0, 0), math.gcd(0, -5), math.gcd(-12, -18), math.gcd(12, 18, 27), math.gcd(2**64, 2**32 * 3, 2**40))
print(math.gcd(*range(6, 600, 6)), math.gcd(3**40, 6**30), math.lcm(-4, 6), math.lcm(3), math.lcm(2**70, 3), math.lcm(*range(1, 21)))
print(math.comb(100, 50), math.comb(10**6, 2), math.comb(0, 0), math.comb(5, 0), math.comb(True, True), math.comb(3, 7))
print(math.perm(5, None), math.perm(0), math.perm(20, 10), math.perm(4, 5), math.factorial(5), len(str(math.factorial(500))))
print(sum(math.comb(10, k) for k in range(11)), [math.comb(6, k) for k in range(7)], math.perm(10, 3) // math.factorial(3) == math.comb(10, 3))
for bad in (lambda: math.gcd(1.0, 2), lambda: math.lcm(2.0), lambda: math.comb(5.0, 2), lambda: math.comb(-1, 1),
            lambda: math.perm(-1), lambda: math.perm(3, -1), lambda: math.factorial(-3), lambda: math.factorial(5.0),
            lambda: math.isqrt(-1)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(inf, -inf), math.isclose(inf, 1e308),
      math.isclose(1e-300, 0), math.isclose(1e-300, 0, abs_tol=1e-299), math.isclose(1, 1.0000001, rel_tol=1e-6),
      math.isclose(100, 95, rel_tol=0.05), math.isclose(-1, 1, abs_tol=2), math.isclose(0.1 + 0.2, 0.3))
for bad in (lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.isclose(1, 1, abs_tol=-0.1), lambda: math.isclose(1, 1, 0.1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum([1e308, -1e308, 1.0]), math.fsum(range(10)),
      math.fsum(iter([0.5, 0.25])), math.fsum([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16]))
print(math.fsum([inf, 1.0]), math.fsum([-inf, -inf]), math.fsum([2**60, 0.5]), math.fsum(x / 7 for x in range(700)))
for bad in ([inf, -inf], [nan], ["a"], [1e308, 1e308]):
    try:
        print(math.fsum(bad))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

print(inf - inf, inf * 0, -inf < 0, inf == inf, nan == nan, nan != nan, 0.0 * -1, -inf * -1, inf / 10**300)
print(math.isfinite(nan), math.isinf(nan), math.isnan(inf), math.isfinite(10**300), math.isinf(-1e308 * 10), [nan] == [nan])
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf), math.tanh(-inf), math.atan2(inf, inf), math.atan2(-0.0, -1))
print(math.sin(nan), math.sqrt(nan), math.exp(nan), math.log(nan), math.copysign(1, nan), math.copysign(0.0, -1), math.copysign(inf, -0.0))
print(math.pow(inf, 0), math.pow(nan, 0), math.pow(1, nan), math.pow(-1, inf), math.pow(0.0, inf), math.pow(2, -inf), math.pow(-0.0, 3))
print(math.fmod(5, inf), math.fmod(-5, inf), math.degrees(math.pi), math.radians(180), math.degrees(inf), math.hypot(inf, nan), math.hypot(nan, -inf))
print(math.prod(range(1, 21)), math.prod([2.0, inf]), math.isqrt(10**100), math.isqrt(2**127 - 1), math.isqrt(True), math.isqrt(0))
print(math.modf(inf), math.modf(-inf), math.modf(nan), math.frexp(inf), math.frexp(0.0), math.modf(-3.25), math.frexp(-48.0))
print(math.log(10**400, 10), math.log(2**1000), math.sqrt(2**1000) == 2.0**500, math.exp(1) == math.e, math.tau == 2 * math.pi)
print(int(1e300) % 10**9, 2**53 + 1 == float(2**53 + 1), 10**400 > inf, -10**400 < -inf, 2**1024 > 1.7976931348623157e308, nan < 10**400, nan == 1)
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1e300, -299), round(123.456, -1), round(-2.675, 2), round(0.5 + 1e-16))
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, -7 % 3.0, float.fromhex("0x1.8p1"), (0.1).hex(), float("-Infinity"), float(" 1e3 "))
print(1e16, 1e22, 123456789012345678.0, 1e-5, 0.0001, -0.0, 1.5e-323, 2.0**-1074, 1.7976931348623157e308 * 1.0000000000000002)
for bad in (lambda: math.sqrt(-inf), lambda: math.sin(inf), lambda: math.log(5, 1), lambda: math.log(1, 0), lambda: math.log(-10**400),
            lambda: math.pow(-8, 1 / 3), lambda: math.pow(10, 400), lambda: math.exp(710), lambda: math.fmod(inf, 5),
            lambda: math.dist((1, 2), (1,)), lambda: math.acos(1.0000001), lambda: 2.0**10000, lambda: 10.0**400):
    try:
        print(bad())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
