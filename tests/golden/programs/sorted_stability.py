pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted([3, 1, 2], key=lambda v: 0), sorted("banana"), sorted([(1, "b"), (1, "a")]))
words = ["Banana", "apple", "cherry"]
words.sort(key=len)
print(words)
