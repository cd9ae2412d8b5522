#!/usr/bin/env bash
# Installs exactly what gillab needs from Debian 12's packages, as root.
# Idempotent: when every package is already installed it does nothing (no
# apt-get update, no network). Used by both README commands and by .ci/run.
#   setup.sh          what building and testing need
#   setup.sh --report also what the main job's report needs (matplotlib)
set -euo pipefail

# Build and test toolchain, then the fixed library dependencies (DESIGN.md).
packages=(
  build-essential cmake ninja-build git
  clang libclang-rt-14-dev       # tsan/asan presets' clang runtime, libFuzzer
  libboost-dev libboost-atomic-dev
  libtbb-dev
  libbenchmark-dev
  catch2
  libgmp-dev                     # the VM's int beyond 62 bits (Boost.Multiprecision's gmp back-end)
  valgrind                       # cachegrind counts when perf has no hardware counters
  python3                        # golden-output regeneration and bench scripts
  pypy3                          # the second reference interpreter of the speed and scaling benchmarks
  time                           # GNU time: bench/sweep.py's peak RSS of each run
)
if [[ "${1:-}" == "--report" ]]; then
  packages+=(python3-matplotlib) # papers/report.py's plots (Debian's /usr/bin/python3 sees it)
fi

missing=()
for p in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "setup.sh: missing packages: ${missing[*]}" >&2
  echo "setup.sh: run as root (or: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi

echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
