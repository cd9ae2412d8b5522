counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def reader():
    return counter * 2
print(reader())
x = [1]
def mutate():
    x.append(2)
mutate()
print(x)
