#!/usr/bin/env bash
# The tests: install what is missing (Debian, as root), configure, build, ctest.
#   scripts/test.sh [PRESET] [extra ctest arguments...]
# PRESET is one of release (default), debug, tsan, asan (CMakePresets.json).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-release}
shift || true

bash scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# -j2: these machines have 2 cores; tests that measure parking tolerate it.
ctest --preset "$preset" -j2 "$@"
