# Integer while loop: dispatch, small-int fast paths, globals.
total = 0
i = 0
while i < 3000000:
    total += i * 2 % 7
    i += 1
print(total)
