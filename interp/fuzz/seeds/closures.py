def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); c()
print(c())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders()])
def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner()
    return middle()
print(outer())
x = "global"
def shadow():
    x = "local"
    def show():
        return x
    return show()
print(shadow(), x)
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
