#!/usr/bin/env bash
# The main job: install what is missing, build the release preset, run the
# default benchmark sweep and write the report.
#
# Until the scaling sweep over the VM's back-ends exists (its own issue), the
# sweep is the locks/ micro benchmark: every lock and baseline at 1, 2, 4 and 8
# threads, 3 repetitions; the JSON goes to results/ and its table to stdout.
#   scripts/main.sh [extra bench_locks arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release

mkdir -p results
out=results/locks.json
./build/release/bench/bench_locks \
  --benchmark_repetitions=3 --benchmark_min_time=0.2 \
  --benchmark_out="$out" --benchmark_out_format=json "$@" >/dev/null
python3 bench/lock_table.py "$out" | tee results/locks.md
echo "raw results: $out; table: results/locks.md"
