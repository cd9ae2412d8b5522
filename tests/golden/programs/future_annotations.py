"""PEP 563: under `from __future__ import annotations` every annotation is
kept as a string, written as CPython's unparser writes it (precedence,
parentheses, constants by repr), never evaluated (Undefined is not an error);
the __future__ module's records are importable."""
from __future__ import annotations
from __future__ import division, generator_stop
import __future__
from typing import Dict, List, Tuple, Optional, Union, Callable, Any


def f(a: Dict[str,Tuple[int,float]], b: Optional[int] = None, *args: 'str', c: int | None = 3, **kw: List[Any]) -> Callable[[int], str]:
    x: Undefined = 5
    return str


class C:
    field: Dict[str, 'C']
    other: (int, str) = 1
    neg: -1 if a > b else ~2 ** -3
    calls: g(1, *x, k=2, **m)[1:2, ::3]
    nums: 0x10 + 1_000 + 1.5 + 1e20 if False else b"\x00'q" + "it's" + '"q"'


print(f.__annotations__)
print(C.__annotations__)
y: not a and (b or c) < d in e is not f
print(__annotations__)
print(__future__.annotations, __future__.annotations.getMandatoryRelease(), annotations)


def floats(a: 100000.0, b: 0.0001, c: 1e16, d: 1.5e-05, e: 123.456, g: 1e22, h: 0.5, i: 12345678901234567.0) -> 2.5e-7:
    pass


print(floats.__annotations__)
