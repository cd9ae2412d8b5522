# Subscripting classes: PEP 585 aliases of the built-in containers in
# annotations and at run time, and a class's own __class_getitem__.
import collections


def f(x: list[int], y: dict[str, tuple[int, ...]]) -> set[str]:
    return set()


print(f.__annotations__)
print(list[int], type[int], tuple[()], frozenset[str], collections.deque[int], collections.defaultdict[str, list])
alias = dict[str, list[int]]
print(alias.__origin__, alias.__args__, alias == dict[str, list[int]], alias != dict[str, int])
print(hash(list[int]) == hash(list[int]), len({list[int], list[int], list[str]}), list[int]("ab"), alias(a=[1]))
print(list[int].__name__ if hasattr(list[int], "__name__") else "no name")


class Box:
    def __class_getitem__(cls, item):
        return "%s of %r" % (cls.__name__, item)


class Crate(Box):
    pass


print(Box[int], Crate["x", 2])


class Registry:
    @classmethod
    def __class_getitem__(cls, key):
        return cls.__name__ + "/" + str(key)


print(Registry[7])
for bad in (lambda: int[str], lambda: object[int], lambda: type(None)[int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    iter(list)
except TypeError as e:
    print("TypeError:", e)


class MyList(list):
    pass


class Counter:  # not collections.Counter
    pass


print(MyList[int], (int | list[int]) == (int | list[int]), len({int | list[int], list[int] | int}))
try:
    Counter[int]
except TypeError as e:
    print("TypeError:", e)
