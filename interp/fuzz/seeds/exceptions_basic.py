try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e, type(e).__name__ if hasattr(type(e), "__name__") else "")
try:
    [][0]
except (KeyError, IndexError) as e:
    print(repr(e))
try:
    raise ValueError("bad", 42)
except Exception as e:
    print(e, repr(e))
try:
    try:
        raise KeyError("k")
    finally:
        print("finally")
except KeyError as e:
    print("outer", e)
def f():
    try:
        return 1
    finally:
        print("cleanup")
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
try:
    pass
except Exception:
    print("no")
else:
    print("else ran")
