# Coroutines without an event loop (PEP 492): async def, await on
# coroutines and on objects with __await__, async with, async for, the
# coroutine methods, and the errors CPython raises.



def run(coro):
    """A minimal driver: every value the coroutine yields is sent back + 1."""
    sent = None
    while True:
        try:
            got = coro.send(sent)
        except StopIteration as stop:
            return stop.value
        sent = got + 1


class Tick:
    """An awaitable whose __await__ is a generator: it yields once."""

    def __init__(self, n):
        self.n = n

    def __await__(self):
        reply = yield self.n
        return reply * 10


async def add(a, b):
    return a + b


async def chain():
    x = await add(1, 2)
    y = await Tick(x)
    z = await Tick(y)
    return [x, y, z]


print(run(chain()))
c = chain()
print(type(c).__name__, repr(c).startswith("<coroutine object chain at 0x"), c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await)
print(c.send(None), c.cr_await is not None)
c.close()
print(add.__code__.co_flags & 0x80 != 0, chain.__code__.co_flags & 0x20)


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await Tick(0)
        return self.name.upper()

    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None, exc)
        await Tick(0)
        return self.suppress


async def use_resources():
    async with Resource("a") as a, Resource("b") as b:
        print("inside", a, b)
    async with Resource("c", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Resource("d"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", repr(e))
    for i in range(3):
        async with Resource("loop%d" % i):
            if i == 1:
                break
    return "done"


print(run(use_resources()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick(0)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def iterate():
    out = []
    async for i in Countdown(4):
        out.append(i)
    async for i in Countdown(5):
        if i == 2:
            break
        out.append(-i)
    else:
        out.append("no else after break")
    async for i in Countdown(0):
        out.append("never")
    else:
        out.append("else ran")
    return out


print(run(iterate()))


async def fails():
    await Tick(1)
    raise RuntimeError("inside")


async def catches():
    try:
        await fails()
    except RuntimeError as e:
        return "caught " + str(e)


print(run(catches()))

# throw() into a suspended coroutine, and close().
async def waiter():
    try:
        await Tick(5)
    except ValueError as e:
        return "thrown: " + str(e)


w = waiter()
print(w.send(None))
try:
    w.throw(ValueError("boom"))
except StopIteration as stop:
    print(stop.value)

# Errors.
async def await_int():
    await 3


for bad in (await_int(),):
    try:
        bad.send(None)
    except TypeError as e:
        print("TypeError:", e)
done = add(1, 1)
try:
    done.send(None)
except StopIteration as stop:
    print("returned", stop.value)
try:
    done.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    iter(add(1, 2))
except TypeError as e:
    print("TypeError:", e)
fresh = add(0, 0)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
fresh.close()


class BadAwait:
    def __await__(self):
        return 42


async def await_bad():
    await BadAwait()


try:
    await_bad().send(None)
except TypeError as e:
    print("TypeError:", e)


async def no_aiter():
    async for x in 5:
        pass


try:
    no_aiter().send(None)
except TypeError as e:
    print("TypeError:", e)


async def no_aenter():
    async with 5:
        pass


try:
    no_aenter().send(None)
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)

print(issubclass(StopAsyncIteration, Exception))
add(2, 3)  # never awaited: CPython's RuntimeWarning is the last line of stderr
