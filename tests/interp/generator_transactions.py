# A generator expression summed in C++ (sum) inside a comprehension, its
# item calling a function: no transaction begins in the generator's frame
# (its yield would end it), so the comprehension's transactions span the
# generator's resumes — about 7 200 safepoints in some 65 transactions,
# where beginning in the generator's frame made one per resume (844).
def f(x):
    return x + 1


def g(n):
    return [sum(f(j) for j in range(n)) for i in range(n)]


print("total", sum(g(60)))
