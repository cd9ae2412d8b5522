"""struct: conversions between Python values and C structs packed in bytes,
CPython's format language (byte order @ = < > !, codes x c b B ? h H i I l
L q Q n N f d s p P). The work is native (_struct, in
interp/src/runtime/bytes.cpp); this module is its public face. Not
provided: the half-float code 'e' (NotImplementedError) and pack_into (no
bytearray in gillab yet)."""
import _struct

__all__ = ["calcsize", "pack", "unpack", "iter_unpack", "unpack_from", "Struct", "error"]


class error(Exception):
    pass


def _format(fmt):
    if isinstance(fmt, bytes):
        return fmt.decode("ascii")
    if not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not %s" % type(fmt).__name__)
    return fmt


def calcsize(fmt):
    return _struct.calcsize(_format(fmt), error)


def pack(fmt, /, *values):
    return _struct.pack(_format(fmt), values, error)


def unpack(fmt, buffer, /):
    return _struct.unpack(_format(fmt), buffer, 0, error, False)


def unpack_from(fmt, /, buffer, offset=0):
    return _struct.unpack(_format(fmt), buffer, offset, error, True)


def iter_unpack(fmt, buffer, /):
    fmt = _format(fmt)
    size = calcsize(fmt)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(buffer) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (_struct.unpack(fmt, buffer, offset, error, True) for offset in range(0, len(buffer), size))


class Struct:
    def __init__(self, format):
        self.format = _format(format)
        self.size = calcsize(self.format)

    def pack(self, *values):
        return _struct.pack(self.format, values, error)

    def unpack(self, buffer):
        return _struct.unpack(self.format, buffer, 0, error, False)

    def unpack_from(self, buffer, offset=0):
        return _struct.unpack(self.format, buffer, offset, error, True)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return "Struct(%r)" % self.format
