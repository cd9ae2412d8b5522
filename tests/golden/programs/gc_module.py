# The gc module's interface as CPython 3.11 has it: thresholds, enable and
# disable, counts, freeze, and its errors.
import gc

print(gc.isenabled())
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.get_count()), len(gc.get_count()))
print(gc.garbage, gc.callbacks)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.is_tracked(1), gc.is_tracked(1.5), gc.is_tracked("text"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked(gc.is_tracked), gc.is_tracked(lambda: 0))


class C:
    pass


print(gc.is_tracked(C()), gc.is_tracked(set()), gc.is_tracked(ValueError()))


def module_level():
    pass


# Functions that live as long as their module (gillab makes them immortal,
# which must not change what gc reports).
print(gc.is_tracked(module_level), gc.is_tracked(len), gc.is_tracked(gc.collect))
objs = gc.get_objects()
print(type(objs), len(objs) > 0)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.DEBUG_STATS, gc.DEBUG_LEAK)

for bad in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect("0"), lambda: gc.enable(1),
            lambda: gc.get_objects(5), lambda: gc.is_tracked()):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

import sys
a = []
n = sys.getrefcount(a)
b = a
print("getrefcount counts references:", sys.getrefcount(a) - n)
del b
print(sys.getrefcount(a) == n)
