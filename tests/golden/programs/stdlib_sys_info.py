# sys's descriptive attributes (version_info, float_info, platform, ...)
# and a module-level __getattr__ (PEP 562).
import sys

sys.path.insert(0, sys.path[0] + "/modlib")
import lazy_attrs  # noqa: E402

print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major, sys.version_info.minor)
print(type(sys.version_info.micro).__name__, sys.version_info.releaselevel, len(sys.version_info))
major, minor, *_ = sys.version_info
print(major, minor, sys.hexversion >> 16 == 0x30B)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info)
print(sys.platform, sys.byteorder, sys.maxunicode, sys.maxsize == 2**63 - 1, sys.getdefaultencoding())
print(isinstance(sys.executable, str) and len(sys.executable) > 0, sys.implementation.name in ("cpython", "gillab"))
print(sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
try:
    sys.no_such_attribute
except AttributeError as e:
    print("AttributeError:", e)

print(lazy_attrs.lazy_one, lazy_attrs.lazy_two, lazy_attrs.computed)
from lazy_attrs import lazy_three

print(lazy_three, lazy_attrs.computed)
try:
    lazy_attrs.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from lazy_attrs import other
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(getattr(lazy_attrs, "other", "default"), hasattr(lazy_attrs, "lazy_x"))
