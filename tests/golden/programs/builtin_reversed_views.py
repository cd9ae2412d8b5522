d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
class NoRev:
    __reversed__ = None
    def __len__(self): return 2
    def __getitem__(self, i): return i
try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
