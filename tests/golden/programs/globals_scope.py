g = 1
def read():
    return g
def write():
    global g
    g = 2
print(read()); write(); print(read(), g)
def local_shadow():
    g = 5
    return g
print(local_shadow(), g)
def unbound():
    print(g)
    g = 3
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
