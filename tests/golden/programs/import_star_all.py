# from module import *: with __all__, exactly its names (through getattr,
# so a module __getattr__ can supply one); without, the public names.
import sys

sys.path.insert(0, sys.path[0] + "/modlib")
from exporting import *  # noqa: E402,F403
from helper_mod import *  # noqa: E402,F403

print(public, _listed_private, made_later)
print("not_listed" in globals(), VALUE, double(2), "__doc__" in dir())
