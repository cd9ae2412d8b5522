# struct: pack/unpack/calcsize/iter_unpack/pack_into-free forms with byte
# order, sizes and alignment, and its errors; array: typecodes, arithmetic
# of sequences, tobytes/frombytes, and errors.
import array
import struct

print(struct.calcsize("i"), struct.calcsize("<i"), struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("<qhb"))
data = struct.pack("<IhB", 0xDEADBEEF, -2, 7)
print(data, struct.unpack("<IhB", data))
print(struct.pack(">H", 258), struct.pack("<H", 258), struct.pack("!i", -1))
print(struct.unpack(">d", struct.pack(">d", 1.5)), struct.unpack("<f", struct.pack("<f", 0.1))[0])
print(struct.pack("3s", b"abcdef"), struct.pack("5s", b"ab"), struct.unpack("2s?", b"hi\x01"))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")))
print(struct.pack("<q", 2**63 - 1), struct.unpack("<Q", b"\xff" * 8))
s = struct.Struct("<2i")
print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x03\x00\x00\x00\x04\x00\x00\x00"))
for bad in (lambda: struct.pack("<B", 256), lambda: struct.pack("<i", "x"), lambda: struct.unpack("<i", b"\x00"),
            lambda: struct.pack("<ii", 1)):
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)

a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, a[1], a[-1], a[1:3], len(a), a.typecode, a.itemsize, sum(a))
a[0] = 100
del a[1]
print(a, a.index(3), a.count(5), 5 in a, a.tolist())
b = array.array("d", [0.5, 1.5])
print(b, b * 2, b + array.array("d", [2.0]))
raw = array.array("H", [1, 258]).tobytes()
c = array.array("H")
c.frombytes(raw)
print(raw, c, array.array("b", b"\x01\xff"))
for bad in (lambda: array.array("b", [200]), lambda: array.array("i", [1.5]), lambda: array.array("z")):
    try:
        bad()
    except (OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
