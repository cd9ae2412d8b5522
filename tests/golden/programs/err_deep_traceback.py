def a(n):
    return b(n)
def b(n):
    return c(n)
def c(n):
    return {}[n]
a("missing")
