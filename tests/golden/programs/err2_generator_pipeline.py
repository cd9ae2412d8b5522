# A lazy pipeline of generators, a generator expression, a list comprehension
# and a lambda key. Errors raised inside generator frames, comprehension
# frames and lambdas propagate through next()/for, and the final uncaught one
# comes from a generator three stages deep inside a dict comprehension.
def read_records(lines):
    for number, line in enumerate(lines, 1):
        name, _, value = line.partition("=")
        yield number, name.strip(), value.strip()


def to_numbers(records):
    for number, name, value in records:
        yield name, 100 // int(value)


def scaled(pairs, factor):
    for name, value in pairs:
        yield name, value * factor


good = ["a = 4", "b = 5", "c = 20"]
print(list(scaled(to_numbers(read_records(good)), 3)))
print({name: v for name, v in to_numbers(read_records(good))})
print(sorted(good, key=lambda s: -int(s.split("=")[1])))

# A failure in a generator closes the generator: it is finished afterwards.
gen = to_numbers(read_records(["x = 1", "y = 0", "z = 2"]))
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    print("caught:", e)
print(next(gen, "exhausted"))

# A lambda failing inside sorted(), caught.
try:
    sorted(["1", "2", "three"], key=lambda s: int(s))
except ValueError as e:
    print("lambda failed:", e)

# A list comprehension failing, caught; the loop variable does not leak.
try:
    [1 / (3 - k) for k in range(5)]
except ZeroDivisionError as e:
    print("comprehension failed:", e, "k defined:", "k" in globals())

# A generator expression consumed by sum().
print(sum(len(s) for s in good))

bad = ["p = 10", "q = 25", "r = 0", "s = 1"]
table = {name: v for name, v in scaled(to_numbers(read_records(bad)), 2)}
print("not reached", table)
