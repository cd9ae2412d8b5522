for exc in (ZeroDivisionError, KeyError, IndexError, UnboundLocalError, RecursionError):
    try:
        raise exc("x")
    except LookupError:
        print(exc, "is a LookupError")
    except ArithmeticError:
        print(exc, "is an ArithmeticError")
    except NameError:
        print(exc, "is a NameError")
    except RuntimeError:
        print(exc, "is a RuntimeError")
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "")
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise
except ValueError as e:
    print("re-raised", e)
