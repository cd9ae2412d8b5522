# Augmented assignment and evaluation order: target subexpressions evaluated once, __getitem__/__setitem__ and __getattr__/__setattr__ call order, __iadd__ vs __add__ fallback, the tuple-item += paradox, and left-to-right evaluation in calls, dict displays and assignments.
log = []


def t(tag, value):
    log.append(tag)
    return value


class Box:
    def __init__(self):
        object.__setattr__(self, "data", {"n": 1})

    def __getattr__(self, name):
        log.append(f"getattr {name}")
        return self.data[name]

    def __setattr__(self, name, value):
        log.append(f"setattr {name}={value!r}")
        self.data[name] = value


class Seq:
    def __init__(self):
        self.items = [10, 20, 30]

    def __getitem__(self, i):
        log.append(f"getitem {i!r}")
        return self.items[i]

    def __setitem__(self, i, v):
        log.append(f"setitem {i!r}={v!r}")
        self.items[i] = v


b = Box()
t("obj", b).n += t("rhs", 5)
print(log, b.data)
log.clear()

s = Seq()
t("container", s)[t("index", 1)] += t("rhs", 2)
print(log, s.items)
log.clear()

s[0:2] = [7, 8]  # slice object passed to __setitem__
s[::-1]
print(log)
log.clear()


class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        log.append("__add__")
        return Acc(self.v + other)

    def __iadd__(self, other):
        log.append("__iadd__")
        self.v += other
        return self


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        log.append("OnlyAdd.__add__")
        return OnlyAdd(self.v + other)

    def __radd__(self, other):
        log.append("OnlyAdd.__radd__")
        return OnlyAdd(other + self.v)


a = Acc(1)
alias = a
a += 2
print(a is alias, a.v, log)
log.clear()
o = OnlyAdd(1)
alias = o
o += 2
print(o is alias, o.v, log)
log.clear()
x = 5
x += OnlyAdd(1)
print(type(x).__name__, x.v, log)
log.clear()

# list += extends in place (any iterable), + requires a list
lst = [1]
same = lst
lst += (2, 3)
lst += "ab"
print(lst, same is lst)
try:
    lst = lst + (4,)
except TypeError as e:
    print(type(e).__name__, e)

# the tuple paradox: item += mutates then the store fails
tup = ([1], [2])
try:
    tup[0] += [99]
except TypeError as e:
    print(type(e).__name__, e)
print(tup)

# immutable += rebinds
s1 = "ab"
s2 = s1
s1 += "c"
print(s1, s2, s1 is s2)
n = 10
n -= 3; n *= 4; n //= 5; n **= 3; n %= 100; n <<= 2; n |= 1; n ^= 8; n &= 0xFF; n >>= 1
print(n)
f = 7.0
f /= 2; f -= 0.5; f **= 2; f //= 2; f %= 3
print(f)
try:
    f @= 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    undefined_counter += 1
except NameError as e:
    print(type(e).__name__, e)

# chained assignment: targets assigned left to right, value evaluated once
arr = [0, 0, 0]
idx = arr[idx] = t("value", 2)
print(idx, arr, log)
log.clear()
i = 0
i, arr[i] = 1, 9            # arr[1] because i is rebound first
print(i, arr)
p, q = 1, 2
p, q = q, p
print(p, q)

# evaluation order in calls, displays and subscripts
def f3(*a, **k):
    return a, sorted(k)


f3(t("a1", 1), t("a2", 2), *t("star", [3]), k=t("kw", 4), **t("dstar", {"z": 5}))
{t("k1", 1): t("v1", 1), t("k2", 2): t("v2", 2)}
[t("l1", 1), t("l2", 2)][t("sub", 0)]
t("left", 1) + t("right", 2) * t("mul", 3)
t("base", 2) ** t("exp", 3)
print(log)
log.clear()
d = {}
d[t("key", "k")] = t("val", "v")
print(log, d)
