# The conflict report's line of an abort decided at a commit point: the
# call's line (10) for the call's point, the loop's (7) for the backward
# jump's — not the line of whatever call the frame made last.
def f(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
        g(i)
        total -= 1
    return total
def g(x):
    return x
print(f(3000))
