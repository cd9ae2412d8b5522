x: int = 5
y: str
def f(a: int, b: "str" = "s") -> list:
    return [a, b]
print(x, f(1), f.__annotations__, __annotations__)
