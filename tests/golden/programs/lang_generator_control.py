# Generator control: send/throw/close semantics, GeneratorExit handling, yield
# from delegating send/throw/close and its return value,
# StopIteration/RuntimeError conversions, and error messages for misuse.
log = []

def worker():
    log.append("start")
    try:
        while True:
            try:
                got = yield "ready"
                log.append(f"got {got!r}")
            except ValueError as e:
                log.append(f"caught ValueError {e}")
                yield "recovered"
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("finally")

w = worker()
print(next(w), w.send(1), w.send("two"))
print(w.throw(ValueError("boom")))
print(next(w))
w.close()
w.close()  # second close is a no-op
print(log)

# sending a non-None value to a just-started generator
g = worker()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)

# throw into a generator that doesn't catch it
def simple():
    yield 1
    yield 2

s = simple()
next(s)
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print("after throw", list(s))

# throw into an unstarted generator raises immediately at the start
u = simple()
try:
    u.throw(IndexError, IndexError("early"))
except IndexError as e:
    print("unstarted throw", e)
print(list(u))

# generator that yields in response to close -> RuntimeError
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no!"

st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print(type(e).__name__, e)

# close returns None; return value inside finally after GeneratorExit
def closer():
    try:
        yield 1
    finally:
        print("closer cleanup")

c = closer()
next(c)
print("close ->", c.close())

# yield from: delegation of send, throw, and return value
def inner():
    total = 0
    while True:
        try:
            v = yield total
        except ZeroDivisionError:
            print("inner handled ZeroDivisionError")
            continue
        if v is None:
            return total
        total += v

def outer():
    result = yield from inner()
    print("inner returned", result)
    result2 = yield from inner()
    return (result, result2)

o = outer()
print(next(o), o.send(3), o.send(4), o.throw(ZeroDivisionError), o.send(10))
print(next(o))          # finishes first inner, starts second
print(o.send(1))
try:
    o.send(None)
except StopIteration as e:
    print("outer StopIteration value", e.value)

# yield from an iterator (not generator) and from a generator that raises
def from_iter():
    r = yield from iter([1, 2])
    yield ("iter-result", r)

print(list(from_iter()))

# StopIteration raised inside generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("inside")

try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)

# generator already executing
def reentrant():
    yield me.send(None)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# return value of an exhausted generator, and next() with default
def ret():
    return "R"
    yield

r = ret()
try:
    next(r)
except StopIteration as e:
    print("value", repr(e.value), "args", e.args)
print(next(r, "default"), next(iter([]), "empty"))

# generator expression closes properly; gi_running/gi_suspended state
ge = (x * 2 for x in range(3))
print(ge.gi_suspended, next(ge), ge.gi_running, ge.gi_suspended)
ge.close()
print(ge.gi_suspended, list(ge))
