def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
print(sum(x * x for x in range(10)))
print(repr(g).startswith("<generator object count at 0x"))
def echo():
    r = yield 1
    while True:
        r = yield r * 2
e = echo()
print(next(e), e.send(5), e.send(7))
def inner():
    x = yield 1
    y = yield 2
    return x + y
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    return r
o = outer()
print(next(o), o.send(3), o.send(4), next(o))
try:
    next(o)
except StopIteration as e:
    print("outer stop", e.value)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
f = fin()
print(next(f))
f.close()
f = fin()
next(f)
del f
print("after del")
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
c = catcher(); next(c)
c.throw(ValueError("boom"))
c.throw(ValueError, "two")
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def bad():
    raise StopIteration
    yield
try:
    next(bad())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
def deleg():
    yield from catcher()
d = deleg(); next(d)
d.throw(ValueError("via yield from"))
d.close()
print([(x, y) for x in range(3) for y in (x*2 for _ in range(1))])
gen = (i for i in range(3))
print(next(gen), list(gen), list(gen))
def inexc():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
        raise
g = inexc()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("reraised", e)
def running():
    g.send(None)
    yield
g = running()
try:
    next(g)
except ValueError as e:
    print(e)
def ignore():
    while True:
        try:
            yield
        except GeneratorExit:
            pass
i = ignore(); next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
print(type(count(1)).__name__)
del i
print("end")
