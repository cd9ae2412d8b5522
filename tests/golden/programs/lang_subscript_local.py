# Subscripts of local variables: evaluation order, errors, generators.
def order():
    log = []
    def key(k):
        log.append(k)
        return k
    d = {1: "a", 2: "b"}
    print(d[key(1)], d[key(2)], log)

def unbound_with_side_effect():
    def key():
        print("key evaluated")
        return 0
    try:
        x[key()]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = [1]

def unbound_const():
    try:
        return y[0]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1

def key_raises():
    items = [1, 2, 3]
    try:
        items[1 // 0]
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        items[10]
    except IndexError as e:
        print("IndexError:", e)
    print(items[-1], items[0:2], items[::-1])

def gen(t):
    while True:
        got = t[(yield)]
        print("got", got)

class Missing(dict):
    def __missing__(self, key):
        return key * 2

def missing():
    m = Missing(a=1)
    print(m["a"], m["zz"], m[21])

def walrus():
    x = [10, 20, 30]
    print(x[(x := [7, 8, 9]) and 1], x)

def rebinding_in_getitem():
    class G:
        def __getitem__(self, k):
            return k + 1
    g = G()
    total = 0
    for i in range(5):
        total += g[i]
    print(total)

def deleted():
    z = [1]
    del z
    try:
        z[0]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

order()
unbound_with_side_effect()
unbound_const()
key_raises()
g = gen({1: "one", 2: "two"})
next(g)
g.send(1)
g.send(2)
g.close()
g2 = gen([5, 6])
next(g2)
del g2
missing()
walrus()
rebinding_in_getitem()
deleted()
def tb():
    t = (1, 2)
    return t[5]
tb()
