# The types module: names for the interpreter's types, SimpleNamespace.
import types


def f():
    yield 1


async def co():
    return 1


class C:
    def m(self):
        pass


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(f(), types.GeneratorType), isinstance(C().m, types.MethodType))
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(types, types.ModuleType), types.NoneType is type(None), type(Ellipsis) is types.EllipsisType)
print(types.NotImplementedType is type(NotImplemented))

ns = types.SimpleNamespace(b=2, a=1)
print(ns, ns.a + ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns))
try:
    types.SimpleNamespace({"x": 1}, y=2)
except TypeError as e:
    print("TypeError:", e)
print(ns == types.SimpleNamespace(b=2, c=[3]), ns == types.SimpleNamespace(b=2), ns != 5)
print(types.SimpleNamespace())


class Config(types.SimpleNamespace):
    pass


print(isinstance(Config(debug=True), types.SimpleNamespace), Config(debug=True).debug, Config(a=1))
try:
    hash(ns)
except TypeError as e:
    print("TypeError:", e)
try:
    ns.missing
except AttributeError as e:
    print("AttributeError:", e)
