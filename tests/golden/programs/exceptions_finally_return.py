def f():
    try:
        return "try"
    finally:
        return "finally wins"
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i
print(g())
def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("cleanup h")
print(h())
