# Number attributes: real, imag, numerator, denominator, conjugate().
for x in [0, 7, -3, 10**30, True, False, 2.5, -0.0, float("inf")]:
    print(repr(x), repr(x.real), repr(x.imag), repr(x.conjugate()), type(x.real).__name__)
for x in [7, -3, 10**30, True]:
    print(repr(x), x.numerator, x.denominator, type(x.numerator).__name__)
print((5).bit_length(), (255).real.bit_length(), sum(x.real for x in [1, 2.5, True]))
try:
    (2.5).numerator
except AttributeError as e:
    print("AttributeError", e)
try:
    (1).conjugate(2)
except TypeError as e:
    print("TypeError", e)
try:
    (1).nope
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(3, "real"), getattr(3.0, "imag"), hasattr(3.0, "denominator"))
