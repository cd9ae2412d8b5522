# try/except/else/finally control flow: ordering of else and finally, return/break/continue passing through finally, finally overriding return and swallowing exceptions, exception variable deletion, __context__ chaining, and nested re-raise.
def trace(kind):
    out = []
    try:
        out.append("try")
        if kind == "raise":
            raise ValueError("v")
        if kind == "return":
            return out + ["returned-from-try"]
    except ValueError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
    return out


for k in ("none", "raise", "return"):
    print(k, trace(k))


def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(f"body{i}")
        finally:
            out.append(f"fin{i}")
    else:
        out.append("loop-else")
    return out


print(loop_control())


def while_else(limit):
    n = 0
    while n < 3:
        try:
            n += 1
            if n == limit:
                break
        finally:
            pass
    else:
        return f"no break (n={n})"
    return f"broke at {n}"


print(while_else(2), "|", while_else(10))


def finally_overrides():
    try:
        return 1
    finally:
        return 2


def finally_swallows():
    for _ in range(1):
        try:
            raise KeyError("lost")
        finally:
            break
    return "swallowed by break"


def finally_continue():
    seen = []
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            seen.append(i)
            continue
    return seen


print(finally_overrides(), finally_swallows(), finally_continue())


def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
        x = "rebound"


print(return_value_evaluated_before_finally())

# the except-clause name is deleted after the block
try:
    raise TypeError("t")
except TypeError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)

# implicit chaining: exception raised in except block
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__), "suppress:", e.__suppress_context__)

# explicit `from None` suppresses context
try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("clean") from None
except LookupError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__) != "None", e.__suppress_context__)

# exception in finally replaces the original one, keeping it as context
try:
    try:
        raise ValueError("first")
    finally:
        raise OSError("second")
except OSError as e:
    print(repr(e), "context", repr(e.__context__))

# bare raise re-raises the current exception, even from a nested function call frame
def reraise():
    raise


try:
    try:
        raise IndexError("orig")
    except IndexError:
        reraise()
except IndexError as e:
    print("re-raised", repr(e))

try:
    reraise()
except RuntimeError as e:
    print(type(e).__name__, e)

# handler order: first matching clause wins, tuples of classes
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup-subclass {type(e).__name__}"
    except LookupError:
        return "lookup"
    except Exception as e:
        return f"other {type(e).__name__}"


print(classify(KeyError()), classify(LookupError()), classify(ArithmeticError()), classify(IndexError))

# except with a non-exception class is a TypeError at match time
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

# nested finally order
def nested():
    out = []
    try:
        try:
            out.append("inner try")
            return out
        finally:
            out.append("inner finally")
    finally:
        out.append("outer finally")


print(nested())
