# abc.ABCMeta: virtual subclasses (register), __subclasshook__, abstract
# classes made with metaclass=ABCMeta, and abstractness recomputed.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Drawable(metaclass=ABCMeta):
    @abstractmethod
    def draw(self):
        ...


class Sprite:
    def draw(self):
        return "sprite"


print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable))
Drawable.register(Sprite)
print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable), Drawable.register(Sprite) is Sprite)


@Drawable.register
class Text:
    pass


print(isinstance(Text(), Drawable), Text.__name__, Drawable in Text.__mro__)
try:
    Drawable()
except TypeError as e:
    print("TypeError:", e)


class Widget(Drawable):
    pass


class Button(Widget):
    def draw(self):
        return "button"


for cls in (Widget, Button):
    try:
        print(cls().draw())
    except TypeError as e:
        print("TypeError:", e)

# A virtual subclass of a subclass is a virtual subclass.
Widget.register(int)
print(issubclass(int, Widget), issubclass(int, Drawable), isinstance(3, Drawable), issubclass(str, Drawable))


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, other):
        if cls is Sized:
            return any("__len__" in k.__dict__ for k in other.__mro__)
        return NotImplemented


print(issubclass(list, Sized), issubclass(int, Sized), isinstance("abc", Sized), isinstance(1.5, Sized))


class Bag:
    def __len__(self):
        return 0


print(isinstance(Bag(), Sized), type(Sized).__name__, type(ABC) is ABCMeta)
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    Button.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)


class Later(ABC):
    @abstractmethod
    def a(self):
        ...

    @abstractmethod
    def b(self):
        ...


try:
    Later()
except TypeError as e:
    print("TypeError:", e)
Later.a = lambda self: "a"
Later.b = lambda self: "b"
abc.update_abstractmethods(Later)
print(Later().a(), Later().b(), sorted(Later.__abstractmethods__))


class Multi(metaclass=ABCMeta):
    @property
    @abstractmethod
    def size(self):
        ...

    @abstractmethod
    def z(self):
        ...

    @abstractmethod
    def y(self):
        ...


try:
    Multi()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Multi.__abstractmethods__))
