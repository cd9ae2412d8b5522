# Replacing a class attribute frees the old value, whose death runs Python
# code that reads the same attribute through the same, already filled, call
# sites: it must find the new value, never the one being freed (the VM's
# inline caches and attribute cache name it until the class's generation
# moves on). Not a golden program: CPython 3.11 itself crashes here
# (SIGSEGV: its type cache hands back the value being freed), so there is
# no output to record.
class Hook:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ of", self.name, "sees", call_m(), read_k())


class Holder:
    k = [Hook("old k")]


Holder.m = lambda self, hook=Hook("old m"): "old m"
holder = Holder()


def call_m():
    return holder.m()


def read_k():
    return holder.k if isinstance(holder.k, str) else "old k"


print(call_m(), read_k(), call_m(), read_k())
Holder.k = "new k"
print(call_m(), read_k(), call_m(), read_k())
Holder.m = lambda self: "new m"
print(call_m(), read_k())
