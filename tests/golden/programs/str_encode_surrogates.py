# Lone surrogates are no UTF-8: str.encode refuses them strictly (a run of
# them is one error), replaces, drops or passes them with the handlers, and
# a type name must be encodable and free of NULs.
for s in ['x\ud800y\udc80', 'ab\U0001F600\udfff', 'ab\ud800\udfffc\ud801', '\udbff', 'plain é\U0001F600']:
    for errors in ['strict', 'replace', 'ignore', 'surrogatepass']:
        try:
            print(errors, s.encode('utf-8', errors))
        except UnicodeEncodeError as e:
            print(errors, 'UnicodeEncodeError', e)
for name in ['a\ud800', 'b\x00c', 'fine\u00e9']:
    try:
        print(type(name, (), {}).__name__ == name)
    except (UnicodeEncodeError, ValueError) as e:
        print(type(e).__name__, e)


class C:
    pass


for name in ['b\udc80', 'x\x00', 'D']:
    try:
        C.__name__ = name
        print(C.__name__)
    except (UnicodeEncodeError, ValueError) as e:
        print(type(e).__name__, e)
