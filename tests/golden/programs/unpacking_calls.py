# * and ** in calls and displays: several of each, mixed with positional
# and keyword arguments, unpacking any iterable and any mapping; keyword-only
# and positional-only parameters; starred assignment targets; and the
# errors for a repeated keyword and a non-mapping.
def show(*args, **kwargs):
    return "%r %r" % (args, sorted(kwargs.items()))


a = [1, 2]
t = (3,)
d = {"x": 1}
e = {"y": 2}
print(show(*a, *t, 0, *range(2)))
print(show(**d, **e, z=3))
print(show(*"ab", *{5: None}, **dict(k=1), **{"j": 2}))
print([*a, *t, *range(3)], (*a, 9), {*a, *t, 1}, {**d, **e, "x": 10}, {"x": 0, **d})


def kwonly(a, b=2, *, c, d=4):
    return (a, b, c, d)


def posonly(a, b, /, c):
    return (a, b, c)


print(kwonly(1, c=3), kwonly(1, 5, c=6, d=7), kwonly(*[1], **{"c": 9}))
print(posonly(1, 2, 3), posonly(1, 2, c=3))
for call in (lambda: kwonly(1, 2, 3), lambda: posonly(1, b=2, c=3), lambda: show(**d, **{"x": 2}),
             lambda: show(*5), lambda: show(**[1])):
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "xyz"
head, *rest = [1]
print(init, tail, head, rest)
(p, q), *others = [(1, 2), 3, 4]
print(p, q, others)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
