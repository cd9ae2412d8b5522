# globals() and locals(): the module's dict, a class body's namespace, and
# in a function a snapshot of the bound locals, cells and free variables.
counter = 1
g = globals()
print(g is globals(), g["counter"], "__name__" in g, g["__name__"])
g["made_here"] = "through globals()"
print(made_here)
print(locals() is globals())


def function(a, b=2, *rest, **options):
    unbound_yet = None
    del unbound_yet
    c = a + b
    snap = locals()
    snap["c"] = "changed in the snapshot"
    return sorted(snap), c, locals()["c"]


print(function(1, 3, 4, key=5))


def outer():
    shared = "cell"
    kept = "local"

    def inner():
        return sorted(locals().items())

    return inner(), sorted(locals())


print(outer())


class Namespace:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    locals()["y"] = 2


print(Namespace.names, Namespace.y)
print([sorted(locals()) for _ in range(1)], (lambda q: sorted(locals()))(7))


def uses_globals():
    globals()["counter"] += 10
    return counter


print(uses_globals(), counter)
try:
    locals(1)
except TypeError as e:
    print("TypeError:", e)
