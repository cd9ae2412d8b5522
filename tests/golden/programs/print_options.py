print("a", "b", sep="-")
print("no newline", end="")
print()
print(1, 2, 3, sep="", end="!\n")
print()
print("x", "y", sep=None, end=None)
import sys
print("to stdout", file=sys.stdout)
