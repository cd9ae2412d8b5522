# types.new_class and prepare_class: making classes without a class
# statement, with a metaclass and keywords.
import types


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        ns = super().__prepare__(name, bases)
        ns["prepared_by"] = mcs.__name__
        ns["options"] = dict(kw)
        return ns

    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)


def body(ns):
    ns["x"] = 1
    ns["double"] = lambda self: self.x * 2


C = types.new_class("C", (), {"metaclass": Meta, "debug": True}, body)
print(C.__name__, type(C).__name__, C.prepared_by, C.options, C.x, C().double())
meta, ns, kw = types.prepare_class("D", (C,), {"verbose": 1})
print(meta.__name__, sorted(ns), kw)
Plain = types.new_class("Plain")
print(Plain, type(Plain), Plain.__bases__, types.resolve_bases([int, str]))


class Other(type):
    pass


try:
    types.new_class("Bad", (C,), {"metaclass": Other})
except TypeError as e:
    print("TypeError:", e)
