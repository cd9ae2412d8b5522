# sys names gillab and the back-end this pyvm was built with; the ctest
# expects "gillab <backend> ok" (tests/CMakeLists.txt, interp.*.sys_identity).
import sys

impl = sys.implementation
assert impl.name == "gillab", impl
assert "gillab" in sys.version and ("back-end " + impl.backend) in sys.version, sys.version
assert impl.version[:3] == tuple(int(p) for p in sys.version.split("gillab ")[1].split(",")[0].split(".")[:3])
assert sys.version_info[:2] == (3, 11)
print(impl.name, impl.backend, "ok")
