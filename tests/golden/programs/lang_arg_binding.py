# Argument binding: positional-only and keyword-only parameters, defaults evaluated once at def time, *args/**kwargs collection, and the exact TypeError messages for every binding failure.
def show(fn, *args, **kwargs):
    try:
        print(fn.__name__, "->", fn(*args, **kwargs))
    except TypeError as e:
        print(fn.__name__, "!", type(e).__name__, e)


def posonly(a, b, /, c, d=4):
    return (a, b, c, d)


show(posonly, 1, 2, 3)
show(posonly, 1, 2, c=3, d=5)
show(posonly, 1, b=2, c=3)
show(posonly, a=1, b=2, c=3)
show(posonly, 1)
show(posonly, 1, 2, 3, 4, 5)


def kwonly(a, *, b, c=3):
    return (a, b, c)


show(kwonly, 1, b=2)
show(kwonly, 1, 2)
show(kwonly, 1)
show(kwonly, b=2)
show(kwonly, 1, b=2, d=4)
show(kwonly, 1, b=2, a=0)


def many_missing(a, b, c, *, x, y):
    return a


show(many_missing)
show(many_missing, 1)
show(many_missing, 1, 2, 3)
show(many_missing, 1, 2, 3, x=1)


def star(*args, **kwargs):
    return args, sorted(kwargs.items())


show(star)
show(star, 1, *[2, 3], *(), k=1, **{"m": 2})


def name_in_kwargs(a, /, **kw):
    return a, kw


show(name_in_kwargs, 1, a=2)          # a is positional-only so 'a' goes into **kw


def no_params():
    return "ok"


show(no_params)
show(no_params, 1)
show(no_params, x=1)


def defaults_between(a, b=2, c=3):
    return a, b, c


show(defaults_between, 1, c=30)
show(defaults_between, 1, 2, 3, 4)
show(defaults_between, c=1)

# defaults are evaluated once, at definition time
counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


def with_default(x=next_id(), acc=[]):
    acc.append(x)
    return list(acc)


print(with_default(), with_default(), with_default(9), counter)
print(with_default.__defaults__[0], with_default.__kwdefaults__)


def kwdefaults(*, k=next_id()):
    return k


print(kwdefaults(), kwdefaults.__kwdefaults__, counter)

# modifying __defaults__ afterwards changes behaviour
with_default.__defaults__ = (100, [])
print(with_default(), with_default())

# duplicates between positional and ** mapping
show(defaults_between, 1, **{"a": 5})
# ** mapping with non-string keys
try:
    star(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
# * with a non-iterable
try:
    star(*5)
except TypeError as e:
    print(type(e).__name__, e)
# ** with a non-mapping
try:
    star(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)


# method binding: self counts in messages
class K:
    def m(self, a):
        return a

    @staticmethod
    def s(a):
        return a


show(K().m)
show(K().m, 1, 2)
show(K.m, 1)
show(K.s)

# lambdas report <lambda>
lam = lambda p, *, q: p + q
show(lam, 1)
show(lam, 1, 2)
