first, *rest = [1, 2, 3]
print(first, rest)
*everything = [4, 5, 6]
print(everything)
