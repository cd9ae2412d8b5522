# Built-in exception instances have a __dict__ (BaseException's): any
# attribute can be set, read, listed and deleted; the special attributes
# (args, __cause__, errno, ...) keep their own rules.
e = KeyError("k")
e.note = 5
e.extra = [1, 2]
print(e.note, e.extra, sorted(e.__dict__))
del e.note
print(e.__dict__)
for action in ("del e.note", "e.missing"):
    try:
        if action.startswith("del"):
            del e.note
        else:
            e.missing
    except AttributeError as x:
        print("AttributeError", x)
err = OSError(2, "No such file", "f.txt")
err.where = "here"
print(err.errno, err.filename, err.where, type(err).__name__)
try:
    raise ValueError("v")
except ValueError as v:
    v.add_later = "seen"
    saved = v
print(saved.add_later, saved.args)
s = StopIteration(3)
s.tag = "t"
print(s.value, s.tag, vars(s))
try:
    e.args = 5
except TypeError as x:
    print("TypeError", x)
e.args = [7]
print(e.args, e)


class MyErr(ValueError):
    pass


m = MyErr("x")
m.a = 1
print(m.__dict__, m.a, vars(m), m.args)
# Assigned members win over what args say, as CPython's member slots.
o = OSError()
o.errno = 2
o.strerror = "gone"
s = SystemExit(1)
s.code = 5
m2 = MyErr("x")
m2.value = "v"
print(o.errno, o.strerror, s.code, m2.value)
