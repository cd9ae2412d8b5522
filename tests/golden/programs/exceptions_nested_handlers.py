def risky(n):
    if n == 0:
        raise ZeroDivisionError("zero")
    if n == 1:
        raise KeyError("one")
    return n
for n in range(3):
    try:
        try:
            print("result", risky(n))
        except KeyError as e:
            print("inner caught", repr(e))
            raise IndexError("converted")
    except (ZeroDivisionError, IndexError) as e:
        print("outer caught", type(e).__name__, e)
    else:
        print("no exception for", n)
