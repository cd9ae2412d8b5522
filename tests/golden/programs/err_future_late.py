"""A docstring, then code, then a future import: a SyntaxError."""
x = 1
from __future__ import annotations
