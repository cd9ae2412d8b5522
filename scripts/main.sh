#!/usr/bin/env bash
# The main job: install what is missing (the report's matplotlib too), build
# the release preset, run the default benchmark sweep (bench/sweep.py: every
# workload on every built pyvm-*, python3 and pypy3 at 1, 2, 4 and 8
# threads, with the micro benchmarks), the fetch case study (bench/fetch.py:
# 8 pages from a loopback server in each form, on every interpreter), and
# write the report.
#   scripts/main.sh [--quick] [other bench/sweep.py arguments...]
# Results: results/sweep.json, results/fetch.json; report: papers/latest/
# (report.md, report.html, figures/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --report
cmake --preset release >/dev/null
cmake --build --preset release

mkdir -p results
python3 bench/sweep.py --out results/sweep.json "$@"
# Its own step (about a minute; --quick: seconds), outside the sweep's
# fifteen-minute budget.
fetch_args=()
[[ " $* " == *" --quick "* ]] && fetch_args+=(--quick)
python3 bench/fetch.py --out results/fetch.json "${fetch_args[@]}"

/usr/bin/python3 papers/report.py results/sweep.json --fetch results/fetch.json --out papers/latest
echo "raw results: results/sweep.json (micro benchmarks included), results/fetch.json; report: papers/latest/report.md"
