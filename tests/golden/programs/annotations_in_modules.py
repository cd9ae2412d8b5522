# __annotations__ exists in an imported module that annotates (CPython's
# SETUP_ANNOTATIONS, found also inside compound statements) and in a class
# whose annotation is inside an if; a module without annotations has none.
import sys

sys.path.insert(0, sys.path[0] + "/modlib")
import annotated_mod
import helper_mod

print(annotated_mod.__annotations__, annotated_mod.names, annotated_mod.f())
print(hasattr(helper_mod, "__annotations__"))


class C:
    if True:
        y: str
    try:
        z: int = 3
    finally:
        pass


print(C.__annotations__, C.z)
