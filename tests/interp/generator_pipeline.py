# A generator pipeline that C++ code drives (sum over chained generators):
# no ordinary frame's commit point is reached until sum returns. Serial
# mode passes the generators' commit points over while nothing asks for a
# commit (transaction.cpp, may_pass_over_longer): a few transactions, where
# ending the caller's transaction after a bound made each resume a
# transaction of its own. Each item makes a tuple that dies at once: more
# of them (300 000) than the birth list holds before it drops the dead ones'
# entries (deferral_log_cap).
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def pairs(xs):
    for x in xs:
        yield (x, x + 1)


print("total", sum(a * b for a, b in pairs(numbers(300000))))
