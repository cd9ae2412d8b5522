def gen():
    yield 1
    x = 1 / 0
    yield x
def user():
    for v in gen():
        print(v)
user()
