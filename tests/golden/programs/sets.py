s = {3, 1, 2, 100, 9}
print(s, len(s), 2 in s, 5 in s, set(), frozenset([1, 2]), set("a"))
s.add(4); s.discard(100); s.remove(3); print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {1} < a, a == {4, 3, 2, 1}, a.union([9], (8,)), a.intersection(b))
a |= {10}; a -= {1}; print(a, sorted(a), {x % 3 for x in range(10)}, {(1, 2), (1, 2)}, hash(frozenset([1])) == hash(frozenset([1])))
print(sorted({-1, -2, 7, 15, 31, 8, 16}), {0.5, 1.5, 2}, {True, 1, 1.0}, set(range(20)))
t = set(range(50)); 
for i in range(0, 50, 3): t.discard(i)
print(t, t.pop(), t.pop(), len(t))
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set().remove(1)
except KeyError as e:
    print("KeyError", e)
print({1, 2}.issubset([1, 2, 3]), {1, 2}.isdisjoint({3}), frozenset({1}) | {2})
