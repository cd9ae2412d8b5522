"""Module docstring first: the future import below is still legal here."""
from __future__ import annotations
from __future__ import braces

print("never printed")
