x, w, name = 3.14159, 10, "gillab"
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:e}|{x:g}")
print(f"{42:5d}|{42:<5}|{42:^5}|{42:05d}|{-42:+d}|{42:x}|{42:#x}|{42:b}|{42:o}|{1234567:,}|{1234567:_}")
print(f"{name!r} {name!s} {name:>10} {name:*<10} {name:.3}")
print(f"{x=}", f"{1 + 1=}", f"{{literal}}", f"nested {x:{w}.{2}f}")
print(f"{0.5:%}", f"{0.25:.1%}", f"{1e20:.3g}", f"{123456789:.3e}", f"{True}", f"{None}")
print(format(3.5), format(255, "x"), format("s", ">3"), "%s" if False else "ok")
