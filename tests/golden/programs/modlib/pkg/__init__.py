print("init pkg", __name__, __package__)
from .core import core_fn
from . import util
