// build_info.hpp — what every result file and `--version` says about the build.
#pragma once

namespace gillab::build_info {
extern const char* const version;     // project version
extern const char* const commit;      // git describe --always --dirty, or "unknown"
extern const char* const compiler;    // e.g. "GNU 12.2.0"
extern const char* const flags;       // effective C++ flags of the build type
extern const char* const build_type;  // Release, RelWithDebInfo, Debug, ...
extern const char* const backends;    // GILLAB_BACKENDS
}  // namespace gillab::build_info
