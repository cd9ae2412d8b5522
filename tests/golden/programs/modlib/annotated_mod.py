# Imported by annotations_in_modules.py: module-level annotations, one of
# them inside an if, none inside the function (those are its own).
from typing import Dict, List

names: List[str] = ["a", "b"]
if names:
    counts: Dict[str, int] = {}
total: int


def f():
    local: int = 1
    return local
