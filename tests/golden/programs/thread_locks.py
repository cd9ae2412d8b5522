# _thread locks on one thread (so every back-end runs it, nosync too):
# acquire/release/locked, timeouts, non-blocking acquires, the context
# manager methods, RLock counting, and CPython's errors.
import _thread
import sys

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, _thread.error is RuntimeError)
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
print(lock.acquire(True, 0.001), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(lock.__enter__(), lock.locked())
print(lock.__exit__(None, None, None), lock.locked())

for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": -0.5}),
                     ((True, 1e100), {}), ((1, 2, 3), {}), ((), {"block": 1})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(lock.locked())

r = _thread.RLock()
print(r._is_owned(), r.acquire(), r.acquire(), r._is_owned())
r.release()
print(r._is_owned())
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(r.__enter__(), r._is_owned(), r.__exit__(None, None, None), r._is_owned())

print(_thread.TIMEOUT_MAX > 1e9, _thread._count())
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident())
print(isinstance(_thread.get_native_id(), int))
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError:", e)

print(sys.getswitchinterval())
sys.setswitchinterval(0.002)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
for bad in [0, -1.5]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)
