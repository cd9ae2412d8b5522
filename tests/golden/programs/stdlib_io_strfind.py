# io.StringIO / BytesIO, str.find/rfind/index/count with start and end.
import io, sys
s = io.StringIO()
s.write("hello\n"); print("world", file=s); s.writelines(["a\n", "b"])
print(repr(s.getvalue()), s.tell())
s.seek(0); print(repr(s.readline()), s.read(3), s.readlines())
r = io.StringIO("x\ny\nz"); print([line for line in r])
with io.StringIO("abc") as f:
    print(f.read())
print(f.closed)
b = io.BytesIO(b"ab"); b.seek(2); b.write(b"cd"); print(b.getvalue(), b.tell())
try:
    s.write(5)
except TypeError as e:
    print("TypeError:", e)
t = "héllo wörld hello"
print(t.find("l", 3), t.find("l", 3, 3), t.find("o", -5), t.rfind("l", 0, 5), t.index("o", 5), t.count("l", 2), t.count("l", 0, -3), t.find("", 20), t.find("", 17), t.rindex("h", 1), "abc".count("", 1))
