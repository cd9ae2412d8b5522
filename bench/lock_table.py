#!/usr/bin/env python3
"""Summarise bench_locks' Google Benchmark JSON as Markdown tables.

Throughput (million acquisitions per second, summed over threads) for every
lock at each thread count, with and without ~100 ns of work inside, and the
uncontended lock+unlock latency. Each cell is the median over the repetitions
(with the min-max spread when there is more than one); the header says how
many runs and the context the benchmark recorded.

Usage: lock_table.py RESULT.json [--threads 1,2]
"""
import argparse
import json
import re
import statistics
import sys
from collections import defaultdict

NAME = re.compile(r"^(BM_\w+)<(.+?)>(?:/(work|read_pct):(\d+))?(?:/real_time)?(?:/threads:(\d+))?")


def parse(path):
    with open(path) as f:
        data = json.load(f)
    runs = defaultdict(list)  # (kind, lock, arg, threads) -> values
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        m = NAME.match(b["name"])
        if not m:
            continue
        kind, lock, _, arg, threads = m.groups()
        threads = int(threads or 1)
        if kind == "BM_Uncontended":
            value = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        else:
            value = b["ops"] / 1e6
        runs[(kind, lock, int(arg or 0), threads)].append(value)
    return data["context"], runs


def cell(values, digits):
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}"
    return f"{med:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json")
    ap.add_argument("--threads", default="1,2,4,8", help="thread counts to show")
    args = ap.parse_args()
    ctx, runs = parse(args.json)
    shown = [int(t) for t in args.threads.split(",")]
    reps = max((len(v) for v in runs.values()), default=0)
    print(f"# Lock benchmark ({ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs "
          f"@ {ctx.get('mhz_per_cpu', '?')} MHz; {ctx.get('compiler', '?')} {ctx.get('cxx_flags', '')}; "
          f"commit {ctx.get('gillab_commit', '?')})\n")
    print(f"Median of {reps} runs (min–max). Work unit: {ctx.get('work_unit_iterations', '?')} "
          "iterations of a dependent multiply-add, calibrated to ~100 ns.\n")
    for kind, arg, title in (("BM_Lock", 0, "empty critical section"),
                             ("BM_Lock", 1, "~100 ns of work inside"),
                             ("BM_RwLock", 90, "90% shared / 10% exclusive, ~100 ns inside")):
        locks = sorted({k[1] for k in runs if k[0] == kind and k[2] == arg},
                       key=lambda l: -statistics.median(runs.get((kind, l, arg, 1), [0])))
        if not locks:
            continue
        print(f"## Throughput, {title} (M acquisitions/s, all threads)\n")
        print("| lock | " + " | ".join(f"{t} thr" for t in shown) + " |")
        print("|---|" + "---|" * len(shown))
        for lock in locks:
            cells = [cell(runs[(kind, lock, arg, t)], 2) if (kind, lock, arg, t) in runs else "–"
                     for t in shown]
            print(f"| {lock} | " + " | ".join(cells) + " |")
        print()
    unc = sorted((k for k in runs if k[0] == "BM_Uncontended"), key=lambda k: statistics.median(runs[k]))
    if unc:
        print("## Uncontended lock + unlock (ns, one thread)\n")
        print("| lock | ns |\n|---|---|")
        for k in unc:
            print(f"| {k[1]} | {cell(runs[k], 2)} |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
