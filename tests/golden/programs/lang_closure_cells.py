# Closure cells: late binding of loop variables, capturing with defaults or
# factory functions, cells shared between sibling closures, nonlocal updates
# inside nested loops, __closure__ identity, and closures created in
# comprehensions and generators.
def late_binding():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    i = "rebound after loop"
    return [f() for f in funcs]

def early_binding():
    return [(lambda i=i: i)() for i in range(3)]

def factory_binding():
    def make(n):
        return lambda: n
    return [make(i)() for i in range(3)]

print(late_binding(), early_binding(), factory_binding())

# comprehension closures: each comprehension has its own scope but one cell per variable
fs = [lambda: x for x in "abc"]
print([f() for f in fs])
gs = [(lambda y: lambda: y)(x) for x in "abc"]
print([g() for g in gs])

# sibling closures share the same cell
def make_account(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance

    def withdraw(n):
        nonlocal balance
        if n > balance:
            raise ValueError(f"insufficient funds: {balance} < {n}")
        balance -= n
        return balance

    def peek():
        return balance
    return deposit, withdraw, peek

dep, wd, peek = make_account(10)
dep(5)
wd(3)
try:
    wd(100)
except ValueError as e:
    print(type(e).__name__, e)
print(peek(), dep.__closure__[0] is peek.__closure__[0], len(wd.__closure__))

# nonlocal inside nested loops with break/continue
def grid_search(target):
    found = None
    visited = 0

    def scan():
        nonlocal found, visited
        for r in range(5):
            for c in range(5):
                visited += 1
                if (r + c) % 2:
                    continue
                if r * c == target:
                    found = (r, c)
                    break
            else:
                continue
            break
    scan()
    return found, visited

print(grid_search(4), grid_search(6), grid_search(99))

# closure cell is updated when the outer variable changes after closure creation
def later_change():
    value = "before"

    def read():
        return value
    first = read()
    value = "after"
    return first, read()

print(later_change())

# closures outlive their frames and each call gets fresh cells
def counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

c1, c2 = counter(0), counter(100)
print(c1(), c1(), c2(), c1(5), c2(10), c1.__closure__[0] is c2.__closure__[0])

# generator closure captures variable, not value
def gen_closure():
    n = 1

    def gen():
        while n < 50:
            yield n
    g = gen()
    out = [next(g)]
    n = 10
    out.append(next(g))
    n = 100
    out.append(next(g, "done"))
    return out

print(gen_closure())

# while-loop closures
callbacks = []
k = 0
while k < 3:
    callbacks.append(lambda k=k: k * 10)
    k += 1
print([cb() for cb in callbacks])

# closure over a deleted variable
def deleted():
    x = 1

    def get():
        return x
    del x
    try:
        return get()
    except NameError as e:
        return f"{type(e).__name__}: {e}"

print(deleted())

# functions without free variables have no closure
print((lambda: 1).__closure__, len(counter(0).__closure__))
