try:
    int("nope")
except ValueError:
    print("handling")
    raise
