# Huge allocations are a MemoryError (or OverflowError), never a crash.
for make in [lambda: [0] * 10**12, lambda: "ab" * 10**12, lambda: list(range(10**12)),
             lambda: tuple(range(10**13)), lambda: b"x" * 10**13, lambda: [1] * 2**62]:
    try:
        make()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
big = list(range(2**40))
