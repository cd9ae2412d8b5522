# Integer while loop in a function: dispatch, small-int fast paths, locals.
def run(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2 % 7
        i += 1
    return total


print(run(6000000))
