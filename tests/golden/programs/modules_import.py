# Imports: modules and packages on sys.path (tests/golden/programs/modlib), relative
# imports, circular imports, sys.modules, the frozen string module, errors.
import sys
sys.path.insert(0, sys.path[0] + "/modlib")
import helper_mod
import helper_mod as hm
from helper_mod import double, VALUE, Thing
print(helper_mod.VALUE, hm.double(4), double(5), VALUE, Thing(), hm is helper_mod)
import pkg
print(pkg.core_fn(), pkg.util.helper())
import pkg.sub.deep
print(pkg.sub.deep.NAME)
from pkg.sub import deep
print(deep.NAME)
import circ_a
print(circ_a.get_b(), circ_a.circ_b.get_a())
import sys
print("helper_mod" in sys.modules, sys.modules["pkg.util"].helper(), type(sys.path), sys.path[0] != None)
import string
print(string.ascii_lowercase, string.digits, string.capwords("hello big world"))
try:
    import no_such_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from helper_mod import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import helper_mod.x
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(repr(helper_mod).split(" from ")[0])
