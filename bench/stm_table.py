#!/usr/bin/env python3
"""Summarise bench_stm's Google Benchmark JSON as Markdown tables.

One table per workload (linked list, red-black tree, hash set, bank):
transactions (operations) per second in millions, summed over threads, for
every implementation at each thread count, with the STM abort rate beside
it, and TinySTM 1.0.5's reference figures (issue "The stm/ library") under
the table. Each cell is the median over the repetitions (min-max when there
is more than one).

Usage: stm_table.py RESULT.json [--threads 1,2,4,8]
"""
import argparse
import json
import re
import statistics
import sys
from collections import defaultdict

NAME = re.compile(r"^BM_(List|RbTree|Hash|Bank)<(.+?)>(?:/real_time)?(?:/threads:(\d+))?")
TITLES = {
    "List": "Sorted linked list (256 initial, key range 512, 20% updates)",
    "RbTree": "Red-black tree (4096 initial, key range 8192, 20% updates)",
    "Hash": "Hash set (1024 buckets, 4096 initial, key range 8192, 20% updates)",
    "Bank": "Bank (1024 accounts, 80% transfers, 20% read-all audits)",
}
# TinySTM 1.0.5's own benchmark on a 2-core machine (M tx/s at 1 and 2 threads).
REFERENCE = {"List": (1.20, 1.46), "RbTree": (4.55, 8.37), "Bank": (1.19, 1.43)}


def parse(path):
    with open(path) as f:
        data = json.load(f)
    tx = defaultdict(list)
    aborts = defaultdict(list)
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        m = NAME.match(b["name"])
        if not m:
            continue
        workload, impl, threads = m.groups()
        key = (workload, impl, int(threads or 1))
        tx[key].append(b["tx"] / 1e6)
        if "abort_rate" in b:
            aborts[key].append(b["abort_rate"])
    return data["context"], tx, aborts


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
    ctx, tx, aborts = parse(args.json)
    shown = [int(t) for t in args.threads.split(",")]
    reps = max((len(v) for v in tx.values()), default=0)
    print(f"# STM benchmark ({ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs "
          f"@ {ctx.get('mhz_per_cpu', '?')} MHz; {ctx.get('compiler', '?')} {ctx.get('cxx_flags', '')}; "
          f"commit {ctx.get('gillab_commit', '?')}; contention manager "
          f"{ctx.get('stm_contention_manager', '?')})\n")
    print(f"Median of {reps} runs (min–max). M transactions/s summed over threads; "
          "abort rate = aborted attempts / attempts.\n")
    for workload, title in TITLES.items():
        impls = sorted({k[1] for k in tx if k[0] == workload},
                       key=lambda i: -statistics.median(tx.get((workload, i, 1), [0])))
        if not impls:
            continue
        print(f"## {title}\n")
        print("| implementation | " + " | ".join(f"{t} thr" for t in shown) +
              " | " + " | ".join(f"aborts {t} thr" for t in shown) + " |")
        print("|---|" + "---|" * (2 * len(shown)))
        for impl in impls:
            cells = [cell(tx[(workload, impl, t)], 2) if (workload, impl, t) in tx else "–" for t in shown]
            ab = [f"{100 * statistics.median(aborts[(workload, impl, t)]):.1f}%"
                  if (workload, impl, t) in aborts else "–" for t in shown]
            print(f"| {impl} | " + " | ".join(cells) + " | " + " | ".join(ab) + " |")
        if workload in REFERENCE:
            one, two = REFERENCE[workload]
            print(f"\nReference, TinySTM 1.0.5 (2 cores): {one} M tx/s at 1 thread, {two} M at 2.")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
