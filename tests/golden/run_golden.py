#!/usr/bin/env python3
"""Run one golden program on a pyvm and compare with CPython's recording.

A golden test is `programs/NAME.py` with `programs/NAME.expected` beside it,
written by regenerate.py from CPython 3.11:

    exit: <code>
    stderr: <last line of stderr, or empty>
    --- stdout
    <stdout, exactly>

The VM must print the same stdout, end stderr with the same last line, and
exit with the same code. Exit status of this script: 0 pass, 1 fail.

Usage: run_golden.py --vm PATH/pyvm-nosync programs/NAME.py [--timeout S] [--hang-retries N]
                     [--vm-arg=-Xgc_stress=50 ...] [--arg A ...] [--expected FILE]

--arg passes an argument to the program, --expected names the recording when
it is not beside the program (the classic benchmark programs of bench/speed,
run at test sizes: speed.txt, recordings in speed/).

The program runs in a process group of its own (tests/support/run_program.py):
a hang or a process it leaves running fails the test.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from run_program import run_program  # noqa: E402


def parse_expected(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, _, stdout = text.partition("--- stdout\n")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        fields[key.rstrip(":")] = value
    return int(fields["exit"]), fields.get("stderr", ""), stdout


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vm", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--hang-retries", type=int, default=0)
    ap.add_argument("--vm-arg", action="append", default=[],
                    help="an option for the VM before the program (-X gc_stress=50); repeatable")
    ap.add_argument("--arg", action="append", default=[], help="an argument for the program; repeatable")
    ap.add_argument("--expected", help="the recording (default: the program's, NAME.expected beside it)")
    ap.add_argument("program")
    args = ap.parse_args()
    program = os.path.abspath(args.program)
    exit_code, stderr_last, stdout = parse_expected(args.expected or program[:-3] + ".expected")
    run = run_program([os.path.abspath(args.vm), *args.vm_arg, os.path.basename(program), *args.arg],
                      os.path.dirname(program), args.timeout, args.hang_retries)
    got_out = run.stdout
    got_err = run.stderr
    problems = [run.problem] if run.problem else []
    if run.returncode != exit_code:
        problems.append(f"exit code {run.returncode}, expected {exit_code}")
    if last_line(got_err) != stderr_last:
        problems.append(f"stderr last line {last_line(got_err)!r}, expected {stderr_last!r}")
    if got_out != stdout:
        import difflib
        diff = "".join(difflib.unified_diff(stdout.splitlines(True), got_out.splitlines(True), "expected", "got"))
        problems.append("stdout differs:\n" + diff)
    if problems:
        print(f"FAIL {args.program}:\n  " + "\n  ".join(problems))
        if got_err and run.returncode != exit_code:
            print("stderr was:\n" + got_err[-2000:])
        return 1
    print(f"ok {args.program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
