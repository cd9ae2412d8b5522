"""The sys attributes gillab computes in Python, on first use (the sys
module's __getattr__ imports this): version_info and hexversion (the
language gillab implements, Python 3.11), implementation (naming gillab,
its version and the back-end), float_info, int_info, hash_info, flags and
the encodings, as CPython's structure sequences print them."""
import sys
from atomic import backend as _backend


class _StructSequence(tuple):
    """A tuple with named fields and CPython's structseq repr."""

    _name = ""
    _fields = ()

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[type(self)._fields.index(name)]
        except ValueError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self)._name, name)) from None

    def __repr__(self):
        parts = ("%s=%r" % (f, v) for f, v in zip(type(self)._fields, self))
        return "%s(%s)" % (type(self)._name, ", ".join(parts))


def _struct(name, fields):
    return type(name.rpartition(".")[2], (_StructSequence,), {"_name": name, "_fields": tuple(fields.split())})


_VersionInfo = _struct("sys.version_info", "major minor micro releaselevel serial")
version_info = _VersionInfo((3, 11, 0, "final", 0))
hexversion = 0x030B00F0

_gillab_version = sys.version.split("gillab ")[1].split(",")[0]


class _Implementation:
    def __init__(self):
        numbers = [int(p) for p in _gillab_version.split(".")[:3]]
        self.name = "gillab"
        self.cache_tag = None
        self.version = _VersionInfo((numbers + [0, 0, 0])[:3] + ["final", 0])
        self.hexversion = (numbers[0] << 24) | (numbers[1] << 16) | (numbers[2] << 8) | 0xF0
        self.backend = _backend

    def __repr__(self):
        return "namespace(name=%r, cache_tag=None, version=%r, hexversion=%d, backend=%r)" % (
            self.name, self.version, self.hexversion, self.backend)


implementation = _Implementation()

float_info = _struct("sys.float_info", "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon "
                                       "radix rounds")((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                                                        -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = _struct("sys.int_info", "bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold")(
    (30, 4, 0, 0))  # gillab's ints are GMP's: no digit-count limit
hash_info = _struct("sys.hash_info", "width modulus inf nan imag algorithm hash_bits seed_bits cutoff")(
    (64, 2305843009213693951, 314159, 0, 1000003, "fnv", 64, 0, 0))
flags = _struct("sys.flags", "debug inspect interactive optimize dont_write_bytecode no_user_site no_site "
                             "ignore_environment verbose bytes_warning quiet hash_randomization isolated dev_mode "
                             "utf8_mode warn_default_encoding safe_path int_max_str_digits")(
    (0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, False, 1, 0, False, 0))


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"
