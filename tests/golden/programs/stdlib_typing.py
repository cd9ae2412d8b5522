# Annotations evaluated and stored; the typing module's names, subscripted, with CPython's reprs.
from typing import Dict, List, Tuple, Optional, Union, Any, Callable, TypeVar, Iterable
from time import time
x: float = time()
def f(a: int, b: Dict[str, Tuple[int, float]]) -> Optional[List[int]]:
    return [a]
print(f(1, {}), f.__annotations__)
T = TypeVar("T")
print(T, Dict[str, int], Optional[int], Union[int, str], Callable[[int], str], Any, List, Tuple[int, ...])
print(__annotations__["x"] is float, Dict[str, int] == Dict[str, int])
