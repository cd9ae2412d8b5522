# open(): text and binary files, modes, iteration, seek/tell, newlines,
# encodings, errors — what ordinary programs do with files. The files are
# /tmp/gillab-file-io-<pid>-*, removed at the end.
import io
import os

d = "/tmp/gillab-file-io-%d" % os.getpid()
path = d + "-notes.txt"

with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.name == path, f.encoding, f.closed)
    print(f.write("first line\n"), f.write("second: café ☕\n"))
    f.writelines(["third\n", "fourth"])
    print(f.tell())
print("closed after with:", f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print([line for line in f])
with open(path, encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(repr(f.read(4)), repr(f.read()), repr(f.read()), repr(f.readline()))
    f.seek(0)
    print(f.readlines())

# Appending, exclusive creation, read-write.
with open(path, "a") as f:
    f.write("\nfifth\n")
with open(path) as f:
    print(len(f.readlines()))
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == path)
with open(path, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))

# Binary mode.
data = bytes(range(256)) * 40
bpath = d + "-blob.bin"
with open(bpath, "wb") as f:
    print(type(f).__name__, f.mode, f.write(data))
with open(bpath, "rb") as f:
    print(type(f).__name__, f.read(3), f.tell(), len(f.read()), f.read(), f.tell())
    f.seek(-2, 2)
    print(f.read(), f.seek(10), f.read(2), f.seek(5, 1), f.read(1))
with open(bpath, "rb") as f:
    lines = f.readlines()
    print(len(lines), sum(map(len, lines)) == len(data), lines[0][-1:])
with open(bpath, "r+b") as f:
    f.seek(1000)
    f.write(b"XYZ")
    print(f.tell(), f.read(2))
    f.truncate(2000)
with open(bpath, "rb") as f:
    blob = f.read()
    print(len(blob), blob[999:1004])

# Newlines: universal when reading, translated on writing when asked.
npath = d + "-newlines.txt"
with open(npath, "wb") as f:
    f.write(b"unix\nwindows\r\nmac\rend")
with open(npath) as f:
    print(f.readlines())
with open(npath, newline="") as f:
    print(f.readlines())
with open(npath, newline="\n") as f:
    print(f.read().split("\n"))
with open(npath, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(npath, "rb") as f:
    print(f.read())

# Multi-byte characters across the read buffer's edges, read a few at a time.
mpath = d + "-multibyte.txt"
text = "".join(chr(0x3b1 + i % 20) + "€" + "x" for i in range(5000))
with open(mpath, "w", encoding="utf-8") as f:
    f.write(text)
with open(mpath, encoding="utf-8") as f:
    pieces = []
    while True:
        piece = f.read(7)
        if not piece:
            break
        pieces.append(piece)
    print(len(pieces), "".join(pieces) == text)
with open(mpath, encoding="latin-1") as f:
    print(len(f.read()))
with open(mpath, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
with open(mpath) as f:
    print(f.read())

# Errors, as CPython raises them.
for args, kwargs in [((d + "-missing.txt",), {}), (("/tmp",), {}), ((path, "rw"), {}), ((path, "q"), {}),
                     ((path, "rb"), {"encoding": "utf-8"}), ((path, "r"), {"buffering": 0}),
                     ((path,), {"newline": "x"}), ((3.5,), {}), ((path,), {"encoding": "klingon"})]:
    try:
        open(*args, **kwargs)
    except (OSError, ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, str(e).replace(d, "<dir>"))
with open(path) as f:
    try:
        f.write("no")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(e)
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)

# A file dropped without close(): what it wrote is there.
open(path, "w").write("dropped\n")
print(open(path).read(), end="")
print(open(path, "rb", buffering=0).read())

# A descriptor opened by os.open, wrapped by open(); os.remove.
fd = os.open(path, os.O_RDONLY)
with open(fd, closefd=True) as f:
    print(f.read(), end="")
for p in [path, bpath, npath, mpath]:
    os.remove(p)
try:
    os.remove(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print("done")

# bytes searches with [start[, end]], which the buffered layer relies on.
b = b"line one\nline two\r\nend"
print(b.find(b"\n", 9), b.find(b"line", 1), b.find(b"line", 1, 12), b.rfind(b"line"), b.rfind(b"line", 0, 9),
      b.find(10, 0, 8), b.count(b"e", 5), b.count(b"", 20), b.find(b"", 30), b.rfind(b"", 5, 2), b.find(b"d", -3),
      b.find(b"one", None, -5), b.rindex(b"n"))
try:
    b.rindex(b"zz")
except ValueError as e:
    print(e)
