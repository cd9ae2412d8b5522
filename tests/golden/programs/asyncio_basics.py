# asyncio on one thread (also pyvm-nosync): run, tasks, gather, wait,
# wait_for, cancellation, Queue, Event, Lock, Semaphore, Condition, shield,
# as_completed, timeout, futures and loop callbacks, get_event_loop /
# run_until_complete / close, and an exception ending asyncio.run() (the
# last stderr line). The order of the output follows from asyncio's
# scheduling (FIFO callbacks, one loop iteration at a time), not from
# timing: sleeps that race differ by 20x.
import asyncio

# No loop is running and none was set: 3.11 makes one (main thread only).
loop = asyncio.get_event_loop()
print("implicit loop", loop is asyncio.get_event_loop(), loop.is_running(), loop.is_closed())
loop.close()
print("closed", loop.is_closed())


async def double(x, delay=0):
    await asyncio.sleep(delay)
    return 2 * x


async def fail(message, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(message)


async def basics():
    print("running loop", asyncio.get_running_loop() is asyncio.get_event_loop())
    t = asyncio.create_task(double(21), name="doubler")
    print("task", t.get_name(), t.done())
    print("awaited", await t, t.done(), t.result(), t.exception())
    print("coroutine", await double(5))
    print("gather", await asyncio.gather(double(1, 0.02), double(2, 0.01), double(3)))
    print("gather empty", await asyncio.gather())
    results = await asyncio.gather(double(4), fail("bad"), double(5), return_exceptions=True)
    print("gather exceptions", [type(r).__name__ + ":" + str(r) if isinstance(r, Exception) else r
                                for r in results])
    try:
        await asyncio.gather(double(6, 0.01), fail("first"))
    except ValueError as e:
        print("gather raised", repr(e))
    print("current task is a Task", isinstance(asyncio.current_task(), asyncio.Task))
    return "basics done"


print(asyncio.run(basics()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after run:", e)


async def waits():
    fast = asyncio.create_task(double(1, 0.01), name="fast")
    slow = asyncio.create_task(double(2, 0.2), name="slow")
    done, pending = await asyncio.wait([fast, slow], return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED done", sorted(t.get_name() for t in done), "pending",
          sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait([fast, slow], return_when=asyncio.ALL_COMPLETED)
    print("ALL_COMPLETED done", sorted(t.get_name() for t in done), "pending", len(pending),
          sorted(t.result() for t in done))
    bad = asyncio.create_task(fail("oops", 0.01), name="bad")
    later = asyncio.create_task(double(3, 0.2), name="later")
    done, pending = await asyncio.wait([bad, later], return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION done", [t.get_name() for t in done], "exception", repr(bad.exception()))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print("timeout done", len(done), "pending", [t.get_name() for t in pending])
    await later
    coro = double(1)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("sleeper cancelled by wait_for")
            raise

    try:
        await asyncio.wait_for(sleeper(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("wait_for:", type(e).__name__, repr(str(e)), e.__class__ is TimeoutError,
              type(e.__cause__).__name__)
    print("wait_for in time", await asyncio.wait_for(double(7, 0.01), timeout=5))
    print("wait_for None", await asyncio.wait_for(double(8), None))
    try:
        await asyncio.wait_for(fail("inner"), 5)
    except ValueError as e:
        print("wait_for passes", repr(e))


asyncio.run(waits())


async def cancellation():
    started = asyncio.Event()

    async def worker(catch):
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("worker caught CancelledError", e.args)
            if catch:
                return "kept going"
            raise
        return "slept"

    t = asyncio.create_task(worker(False))
    await started.wait()
    print("cancel", t.cancel(), "cancelling", t.cancelling(), "done", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("outside caught CancelledError; cancelled", t.cancelled(), "done", t.done())
    print("cancel again", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    started.clear()
    t = asyncio.create_task(worker(False))
    await started.wait()
    t.cancel("with a message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message", e.args)
    started.clear()
    t = asyncio.create_task(worker(True))
    await started.wait()
    t.cancel()
    print("suppressed:", await t, "cancelled", t.cancelled())
    async def no_await():
        return "ran"

    t = asyncio.create_task(no_await())
    t.cancel()  # before it ever ran: its body must not run
    await asyncio.sleep(0)
    print("cancelled before start", t.cancelled())
    print("CancelledError is BaseException only", issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

    inner = asyncio.create_task(double(9, 0.05))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("shield: outer cancelled", outer.cancelled(), "inner", inner.cancelled())
    print("shield: inner result", await inner)

    async def slow():
        await asyncio.sleep(10)

    try:
        async with asyncio.timeout(0.02):
            await slow()
    except TimeoutError:
        print("asyncio.timeout expired")
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(0)
    print("asyncio.timeout not expired", cm.expired())


asyncio.run(cancellation())


async def primitives():
    log = []
    queue = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            await queue.put(i)
            log.append("put %d" % i)
        await queue.put(None)

    async def consumer():
        while True:
            item = await queue.get()
            queue.task_done()
            if item is None:
                break
            log.append("got %d" % item)
            await asyncio.sleep(0)

    await asyncio.gather(producer(), consumer())
    await queue.join()
    print("queue:", ", ".join(log))
    print("queue empty", queue.empty(), queue.qsize(), queue.full())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    small = asyncio.Queue(1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", small.full())
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4):
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in (5, 1, 4):
        lq.put_nowait(x)
    print("priority", [pq.get_nowait() for _ in range(3)], "lifo", [lq.get_nowait() for _ in range(3)])

    event = asyncio.Event()

    async def waiter(name):
        print(name, "waits; set", event.is_set())
        await event.wait()
        print(name, "woke up")

    waiters = [asyncio.create_task(waiter("w%d" % i)) for i in range(3)]
    await asyncio.sleep(0)
    print("setting the event")
    event.set()
    await asyncio.gather(*waiters)

    lock = asyncio.Lock()
    inside = []

    async def critical(name):
        async with lock:
            inside.append(name)
            assert len(inside) == 1
            print(name, "holds the lock; locked", lock.locked())
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            inside.remove(name)

    await asyncio.gather(*(critical("L%d" % i) for i in range(3)))
    print("lock free", not lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited(i):
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.01)
            active[0] -= 1
        return i

    print("semaphore", await asyncio.gather(*(limited(i) for i in range(5))), "max active", active[1])
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    ready = []

    async def consumer_c(name):
        async with cond:
            await cond.wait_for(lambda: ready)
            print(name, "sees", ready[0])

    cs = [asyncio.create_task(consumer_c("c%d" % i)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        ready.append("data")
        cond.notify_all()
    await asyncio.gather(*cs)

    order = []
    for coro in asyncio.as_completed([double(3, 0.1), double(1, 0.005), double(2, 0.05)]):
        order.append(await coro)
    print("as_completed", order)


asyncio.run(primitives())


async def futures_and_callbacks():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future done", fut.done(), "isfuture", asyncio.isfuture(fut))
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(lambda f: print("callback sees", f.result()))
    loop.call_later(0.01, fut.set_result, "value")
    print("awaited future", await fut)
    await asyncio.sleep(0)
    events = []
    loop.call_later(0.02, events.append, "later")
    loop.call_soon(events.append, "soon 1")
    loop.call_at(loop.time() + 0.01, events.append, "at")
    handle = loop.call_soon(events.append, "cancelled")
    loop.call_soon(events.append, "soon 2")
    handle.cancel()
    await asyncio.sleep(0.05)
    print("callbacks", events)
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    print("exception()", repr(f2.exception()))
    f3 = loop.create_future()
    print("future cancel", f3.cancel(), f3.cancelled(), f3.cancel())
    print("iscoroutinefunction", asyncio.iscoroutinefunction(double), asyncio.iscoroutinefunction(print))
    c = double(1)
    print("iscoroutine", asyncio.iscoroutine(c), asyncio.iscoroutine(double))
    c.close()
    c = double(2)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    print("pending tasks", len(asyncio.all_tasks()))


asyncio.run(futures_and_callbacks())

# run_until_complete on a loop of our own, then run_forever/stop.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("get_event_loop is ours", asyncio.get_event_loop() is loop)
print("run_until_complete", loop.run_until_complete(double(50, 0.01)))
task = loop.create_task(double(60))
print("task result", loop.run_until_complete(task))
loop.call_later(0.01, loop.stop)
loop.call_soon(print, "run_forever runs callbacks")
loop.run_forever()
print("stopped; running", loop.is_running())
try:
    loop.run_until_complete(fail("in run_until_complete"))
except ValueError as e:
    print("run_until_complete raised", repr(e))
loop.close()
print("loop closed", loop.is_closed())
coro = double(1)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
asyncio.set_event_loop(None)


async def main_fails():
    await asyncio.sleep(0.01)
    await fail("the end")

asyncio.run(main_fails())
