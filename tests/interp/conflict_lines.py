# The conflict report's line of an abort decided at a commit point or the
# exit point: the call's line (11) for the call's point, the loop's (8) for
# the backward jump's, the return's (13) for the frame's exit — not the line
# of whatever call the frame made last.
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
