"""The integer half of gillab's math module: prod, comb, perm, isqrt and
n-ary lcm, in Python over the interpreter's arbitrary-precision ints (the
float functions are native, interp/src/runtime/builtins.cpp). math binds
these at import; this module must not import math (it is imported while
math is being made). Results and errors as CPython 3.11's mathmodule.c."""


def _index(x):
    if isinstance(x, int):
        return int(x)
    index = getattr(type(x), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    return index(x)


def _n_and_k(n, k):
    # perm's and comb's arguments, checked in CPython's order.
    n = _index(n)
    k = _index(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    return n, k


def prod(iterable, /, *, start=1):
    result = start
    for x in iterable:
        result = result * x
    return result


def isqrt(n, /):
    n = _index(n)
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    # Newton's iteration from above: x decreases to floor(sqrt(n)).
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def perm(n, k=None, /):
    if k is None:  # perm(n) is factorial(n), with its error
        n = _index(n)
        if n < 0:
            raise ValueError("factorial() not defined for negative values")
        k = n
    n, k = _n_and_k(n, k)
    if k > n:
        return 0
    result = 1
    for i in range(n - k + 1, n + 1):
        result *= i
    return result


def comb(n, k, /):
    n, k = _n_and_k(n, k)
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i  # exact: a product of i consecutive ints divides by i!
    return result


def lcm(*integers):
    result = 1
    for x in integers:
        x = _index(x)
        if result == 0 or x == 0:
            result = 0
            continue
        a, b = result, x
        while b:
            a, b = b, a % b
        result = abs(result // a * x)
    return result
