# X | Y on classes (PEP 604): in annotations, isinstance/issubclass, repr,
# equality regardless of order, None as NoneType, flattening.
from collections import deque


def f(x: int | None, y: list[int] | dict[str, int] = None) -> str | bytes:
    return ""


print(f.__annotations__)
u = int | str
print(u, u.__args__, int | None, None | int, (int | str) | float, int | (str | float), int | int)
print(u == (str | int), u != (int | float), hash(int | str) == hash(str | int), len({int | str, str | int}))
print(isinstance(3, u), isinstance("s", u), isinstance(3.0, u), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str), isinstance([], list | deque))
print(type(u).__name__ in ("UnionType", "types.UnionType"), list[int] | None, deque | None)
for bad in (lambda: int | 3, lambda: isinstance(1, list[int]), lambda: "s" | int):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
