# Private names: inside class C, `__x` is `_C__x` — attributes, methods,
# class attributes, locals, parameters, globals, nested classes and
# annotations — so a base's and a subclass's privates do not collide.


class Base:
    __count = 0
    __slots_like: int = 1

    def __init__(self):
        self.__secret = "base"
        Base.__count += 1

    def __hidden(self):
        return "Base.__hidden"

    def reveal(self):
        return self.__secret, self.__hidden(), Base.__count

    class __Inner:
        pass


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__secret = "derived"

    def __hidden(self):
        return "Derived.__hidden"

    def mine(self):
        return self.__secret, self.__hidden()


d = Derived()
print(d.reveal(), d.mine())
print(sorted(k for k in vars(d)))
print(d._Base__secret, d._Derived__secret, d._Base__hidden(), Base._Base__count)
print(hasattr(d, "__secret"), hasattr(Base, "__hidden"), "_Base__Inner" in Base.__dict__)
print(Base.__annotations__)
print(Base._Base__hidden.__name__, Base._Base__hidden.__qualname__)


class _Underscored:
    def __init__(self):
        self.__x = 1


class ___:
    def __init__(self):
        self.__y = 2


print(vars(_Underscored()), vars(___()))


class Dunder:
    def __init__(self):
        self.__both__ = "not mangled"
        self.__x = 3


print(sorted(vars(Dunder())))


class Locals:
    def method(self, __param, other=None):
        __local = __param * 2
        return __local, sorted(k for k in locals() if not k.startswith("self"))


    def keywords(self, *, __k=5, **__rest):
        return __k, __rest

    def annotated(self, __a: int, *__more: str) -> None:
        pass


print(Locals().method(21))
print(Locals().keywords(), Locals().keywords(x=1), Locals.keywords.__kwdefaults__)
print(Locals.annotated.__annotations__)
try:
    Locals().method(__param=1)
except TypeError as e:
    print("TypeError:", e)

_Globals__counter = 100


class Globals:
    def bump(self):
        global __counter
        __counter += 1
        return __counter


print(Globals().bump(), _Globals__counter)


def outer():
    __free = "from outer"

    class Inside:
        def get(self):
            try:
                return __free
            except NameError as e:
                return "NameError: " + str(e)

    return Inside().get()


print(outer())


class Closure:
    def make(self):
        __v = "closure"

        def inner():
            return __v

        return inner()

    def comprehension(self):
        __n = 3
        return [__n * i for i in range(3)]


print(Closure().make(), Closure().comprehension())
print(getattr(Derived(), "_Derived__secret"), Derived().__dict__.get("__secret", "no plain __secret"))


class Slotted:
    __slots__ = ("__hidden", "shown")

    def __init__(self):
        self.__hidden = "slot"
        self.shown = 1

    def peek(self):
        return self.__hidden


s = Slotted()
print(s.peek(), s._Slotted__hidden, sorted(k for k in Slotted.__dict__ if "hidden" in k or k == "shown"))
