x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
a = [1, 2, 3, 4]
del a[1]
del a[-1]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
def f():
    y = 2
    del y
    return "deleted"
print(f())
