# Class attributes changed after methods were looked up (the attribute cache
# must see every change): replace, shadow in a subclass, delete, instance.
class A:
    def f(self): return "A.f"
class B(A): pass
b = B()
print(b.f())
A.f = lambda self: "new A.f"
print(b.f())
B.f = lambda self: "B.f"
print(b.f())
del B.f
print(b.f())
b.f = lambda: "instance"
print(b.f())
