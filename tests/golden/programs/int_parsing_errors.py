for text in ["12", "1_000", "0x10", "abc", "1.5", "", " 3 "]:
    try:
        print(repr(text), int(text))
    except ValueError as e:
        print("ValueError:", e)
for text in ["1.5", "1e3", "nan", "x"]:
    try:
        print(float(text))
    except ValueError as e:
        print("ValueError:", e)
