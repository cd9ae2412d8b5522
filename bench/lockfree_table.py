#!/usr/bin/env python3
"""Summarise bench_lockfree's Google Benchmark JSON as Markdown tables.

Throughput (million operations per second, summed over threads; a push+pop
pair counts two) for every stack and queue at each thread count, and the
read-side (BM_Guard) and write-side (BM_Retire) cost of each reclamation
scheme in ns per operation per thread. Each cell is the median over the
repetitions (with the min-max spread when there is more than one).

Usage: lockfree_table.py RESULT.json [--threads 1,2,4,8]
"""
import argparse
import json
import re
import statistics
import sys
from collections import defaultdict

NAME = re.compile(r"^(BM_\w+)<(.+?)>(?:/iterations:\d+)?(?:/real_time)?(?:/threads:(\d+))?")
UNIT = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}


def parse(path):
    with open(path) as f:
        data = json.load(f)
    runs = defaultdict(list)  # (kind, name, threads) -> values
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        m = NAME.match(b["name"])
        if not m:
            continue
        kind, name, threads = m.groups()
        threads = int(threads or 1)
        if kind in ("BM_Guard", "BM_Retire"):
            # real time per iteration is per operation of the whole group;
            # times threads gives each thread's cost per operation.
            value = b["real_time"] * UNIT[b["time_unit"]] * threads
        else:
            value = b["ops"] / 1e6
        runs[(kind, name, threads)].append(value)
    return data["context"], runs


def cell(values, digits):
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}"
    return f"{med:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def table(runs, kind, shown, title, unit, best_high):
    names = {k[1] for k in runs if k[0] == kind}
    if not names:
        return
    sign = -1 if best_high else 1
    names = sorted(names, key=lambda n: sign * statistics.median(runs.get((kind, n, 2), [0])))
    print(f"## {title} ({unit})\n")
    print("| name | " + " | ".join(f"{t} thr" for t in shown) + " |")
    print("|---|" + "---|" * len(shown))
    for n in names:
        cells = [cell(runs[(kind, n, t)], 2) if (kind, n, t) in runs else "–" for t in shown]
        print(f"| {n} | " + " | ".join(cells) + " |")
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json")
    ap.add_argument("--threads", default="1,2,4,8", help="thread counts to show")
    args = ap.parse_args()
    ctx, runs = parse(args.json)
    shown = [int(t) for t in args.threads.split(",")]
    reps = max((len(v) for v in runs.values()), default=0)
    print(f"# Lock-free benchmark ({ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs "
          f"@ {ctx.get('mhz_per_cpu', '?')} MHz; {ctx.get('compiler', '?')} {ctx.get('cxx_flags', '')}; "
          f"commit {ctx.get('gillab_commit', '?')})\n")
    print(f"Median of {reps} runs (min–max). Sorted by the 2-thread column.\n")
    table(runs, "BM_Stack", shown, "Stack: push + pop pairs", "M ops/s, all threads", True)
    table(runs, "BM_Queue", shown, "Queue: enqueue + dequeue pairs", "M ops/s, all threads", True)
    table(runs, "BM_Guard", shown, "Read side: guard + protect", "ns per operation per thread", False)
    table(runs, "BM_Retire", shown, "Write side: swap + retire (incl. allocation and reclamation)",
          "ns per operation per thread", False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
