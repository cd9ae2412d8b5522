# Scoping rules: class bodies are not enclosing scopes for methods or comprehensions (except the first iterable), comprehension variables do not leak, nonlocal/global interplay, and the UnboundLocalError/NameError messages.
x = "module"


class A:
    x = "class"
    y = x + "-derived"                      # class body sees its own names
    first_iter = [x for _ in range(1)]      # comprehension body skips class scope
    from_iter = [c for c in x]              # ...but the first iterable is evaluated in the class scope
    nested = [[x for _ in range(1)] for _ in range(1)]

    def method(self):
        return x                            # method sees module x, not class x

    def method2(self):
        return self.x, type(self).x

    z = (lambda: x)()                       # lambda in class body: module x


a = A()
print(A.y, A.first_iter, A.from_iter, A.nested, a.method(), a.method2(), A.z)


def make():
    x = "enclosing"

    class B:
        print("in B body, x =", x)       # free variable from function
        x = "B's own"
        print("after assignment, x =", x)
        w = [x for _ in range(1)]        # sees enclosing function x, not B's

    return B


B = make()
print(B.x, B.w)

# comprehension iteration variables do not leak
i = "outer-i"
squares = [i * i for i in range(4)]
gen = list(i for i in range(2))
sd = {i: i for i in range(2)}
print(i, squares, gen, sd)

# nested comprehension scoping: inner sees outer variable
print([[(r, c) for c in range(r)] for r in range(3)])
print([y for x in [[1, 2], [3]] for y in x])


# nonlocal across multiple levels
def counter_factory():
    total = 0

    def level1():
        def level2(n):
            nonlocal total
            total += n
            return total
        return level2

    f = level1()
    return f, lambda: total


inc, peek = counter_factory()
inc(5)
inc(7)
print("peek", peek())

# global declared in nested function
g_count = 0


def outer():
    g_count = "local to outer"

    def inner():
        global g_count
        g_count += 1
        return g_count
    inner()
    inner()
    return g_count


print(outer(), g_count)


# UnboundLocalError because assignment later in function makes name local
def bad():
    print(x)
    x = 1


try:
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e)


def bad_closure():
    def inner():
        return val
    try:
        return inner()
    except NameError as e:
        print(type(e).__name__, e)
    val = 3
    return inner()


print(bad_closure())

try:
    print(undefined_name_here)
except NameError as e:
    print(type(e).__name__, e)


def del_then_use():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"


print(del_then_use())

# loop variable survives the loop in function scope
for k in range(3):
    pass
print("k after loop", k)

# class body cannot see names defined later in the same body
try:
    class C:
        a = b_later
        b_later = 1
except NameError as e:
    print(type(e).__name__, e)
