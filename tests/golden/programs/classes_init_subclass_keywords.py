# Class keywords go to __init_subclass__ (PEP 487): a plugin registry,
# keyword-only options, and the errors of unexpected keywords.
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls


class Csv(Plugin, name="csv", priority=2):
    pass


class Json(Plugin, priority=5):
    pass


class Pretty(Json, name="json-pretty"):
    pass


for key, cls in sorted(Plugin.registry.items(), key=lambda kv: -kv[1].priority):
    print(key, cls.__name__, cls.priority, [b.__name__ for b in cls.__mro__])


class Validated:
    def __init_subclass__(cls, *, fields, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.fields = tuple(fields)

    def __init__(self, *values):
        if len(values) != len(self.fields):
            raise TypeError("%s expects %d values" % (type(self).__name__, len(self.fields)))
        for f, v in zip(self.fields, values):
            setattr(self, f, v)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in self.fields))


class Point(Validated, fields=["x", "y"]):
    pass


print(Point(1, 2), Point.fields)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    class Missing(Validated):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Extra(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bare(size=3):
        pass
except TypeError as e:
    print("TypeError:", e)
options = {"name": "from-dict", "priority": 9}


class FromDict(Plugin, **options):
    pass


print(FromDict.plugin_name, FromDict.priority, "from-dict" in Plugin.registry)
bases = (Plugin,)


class Starred(*bases, **{"name": "starred"}, priority=1):
    pass


print(Starred.plugin_name, Starred.priority, Starred.__bases__)
mixins = []


class NoBases(*mixins):
    pass


print(NoBases.__bases__)
try:
    class Twice(Plugin, name="a", **{"name": "b"}):
        pass
except TypeError as e:
    print("TypeError:", e)
