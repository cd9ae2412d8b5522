#!/usr/bin/env python3
"""CPU-bound speed of pyvm-* beside CPython and PyPy, side by side.

Runs each bench/speed/*.py on every interpreter given, N times each
(interleaved, so a noisy period hits all alike), checks that every
interpreter prints CPython's output, and prints the median wall time, the
ratio to CPython (>1 means faster than CPython) and the geometric mean of
the ratios per interpreter. Interpreters not installed are skipped.

Usage: vm_speed.py [--runs 5] [--vm build/release/interp/pyvm-nosync ...]
                   [--json out.json] [programs...]
"""
import argparse
import glob
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, program):
    start = time.perf_counter()
    out = subprocess.run(cmd + [program], capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    return elapsed, out.returncode, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--vm", action="append", default=[])
    ap.add_argument("--json")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    vms = args.vm or sorted(glob.glob(os.path.join(HERE, "..", "build", "release", "interp", "pyvm-*")))
    interpreters = {"python3": ["python3"]}
    if shutil.which("pypy3"):
        interpreters["pypy3"] = ["pypy3"]
    for vm in vms:
        interpreters[os.path.basename(vm)] = [os.path.abspath(vm)]
    programs = args.programs or sorted(glob.glob(os.path.join(HERE, "speed", "*.py")))
    results = {}
    for program in programs:
        name = os.path.basename(program)[:-3]
        times = {k: [] for k in interpreters}
        expected = None
        for _ in range(args.runs):
            for label, cmd in interpreters.items():
                elapsed, rc, out = run(cmd, program)
                if label == "python3":
                    expected = out
                if rc != 0 or (expected is not None and out != expected):
                    times[label].append(float("nan"))
                    print(f"{name}: {label} failed or printed something else (rc {rc})", file=sys.stderr)
                else:
                    times[label].append(elapsed)
        results[name] = times
    labels = list(interpreters)
    print(f"Median wall time of {args.runs} runs (s); ratio = CPython time / this time (>1: faster than CPython)\n")
    print("| program | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    ratios = {k: [] for k in labels}
    for name, times in results.items():
        base = statistics.median(times["python3"])
        cells = []
        for k in labels:
            med = statistics.median(times[k])
            r = base / med if med == med and med > 0 else float("nan")
            if r == r:
                ratios[k].append(r)
            cells.append(f"{med:.3f} ({r:.2f}x)")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("| geometric mean of ratios | " + " | ".join(
        f"{math.exp(sum(map(math.log, ratios[k])) / len(ratios[k])):.2f}x" if ratios[k] else "–" for k in labels) + " |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"runs": args.runs, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
