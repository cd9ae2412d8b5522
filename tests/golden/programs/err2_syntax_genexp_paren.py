words = ["alpha", "beta", "gamma"]
print(sorted(len(w) for w in words))
longest = max(len(w) for w in words, 0)
print(longest)
