cache = {"a": 1, "b": 2}
def key():
    return "a"
del cache[key()]
del key()
print(cache)
