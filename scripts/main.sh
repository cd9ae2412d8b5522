#!/usr/bin/env bash
# The main job: install what is missing (the report's matplotlib too), build
# the release preset, run the default benchmark sweep (bench/sweep.py: every
# workload on every built pyvm-*, python3 and pypy3 at 1, 2, 4 and 8
# threads), the locks/ micro benchmark, and write the report.
#   scripts/main.sh [--quick] [other bench/sweep.py arguments...]
# Results: results/sweep.json, results/locks.json; report: papers/latest/
# (report.md, report.html, figures/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --report
cmake --preset release >/dev/null
cmake --build --preset release

mkdir -p results
python3 bench/sweep.py --out results/sweep.json "$@"

/usr/bin/python3 papers/report.py results/sweep.json --out papers/latest
echo "raw results: results/sweep.json (micro benchmarks included); report: papers/latest/report.md"
