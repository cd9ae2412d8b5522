# An object whose last other holder died in the same stretch of code: a weak
# reference made to it afterwards must see it die at the very moment its
# last reference goes (pyvm-stm keeps unobservable deaths until the commit;
# the container's death stops being unobservable once the weak reference
# exists, and it must not delay this one). Under pyvm-stm the print ends a
# transaction (output is irrevocable), so the container is older than the
# one in which it dies.
import weakref


class Obj:
    pass


events = []
for round_no in range(4):
    x = Obj()
    holder = [x]
    print("made", round_no)
    del holder  # dies now (x lives on through the name)
    r = weakref.ref(x, lambda ref, n=round_no: events.append(n))
    del x  # the last reference: x dies here, its callback runs here
    print(round_no, r() is None, events[-1:] == [round_no])

# The same with a dict and a tuple holding it, and an instance __dict__.
for round_no in range(3):
    x = Obj()
    box = Obj()
    box.item = (x, {"k": x})
    print("made", round_no)
    del box
    r = weakref.ref(x)
    del x
    print("nested", round_no, r() is None)

# Weakly referenced before, and held many times over: the container's death
# reaches it, so it is not held back either.
for round_no in range(2):
    x = Obj()
    r = weakref.ref(x, lambda ref, n=round_no: events.append(("many", n)))
    many = [x] * 40
    holder = [x]
    print("made", round_no)
    del holder
    del many
    del x
    print("many", round_no, r() is None, events[-1] == ("many", round_no))
