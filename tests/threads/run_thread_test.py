#!/usr/bin/env python3
"""Run one threads test program on a pyvm and check what it must do.

The golden suite (tests/golden) needs programs CPython runs identically;
these cannot be there: they start threads (pyvm-nosync refuses them), hang
on CPython (deadlocks), or check output CPython has no equivalent for
(--stats). A failure prints what differed.

Usage: run_thread_test.py --vm PATH/pyvm-gil [--vm-arg=ARG ...]
         [--exit N] [--stdout TEXT | --stdout-of NAME.expected]
         [--stderr REGEX ...] [--no-stderr REGEX ...]
         [--stats-fields a,b.c,... [--stats-file F]] [--timeout S] [--hang-retries N] program.py [args...]

--stdout-of F     stdout must be the stdout recorded in a golden .expected file
--stderr REGEX    must match somewhere in stderr (re.search, MULTILINE); repeatable
--no-stderr REGEX must not match stderr; repeatable
--stats-fields    the statistics (the last non-empty stderr line, or --stats-file)
                  must parse as one JSON object with these (dotted) keys
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from run_program import run_program  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vm", required=True)
    ap.add_argument("--vm-arg", action="append", default=[])
    ap.add_argument("--exit", type=int, default=0)
    ap.add_argument("--stdout")
    ap.add_argument("--stdout-of")
    ap.add_argument("--stderr", action="append", default=[])
    ap.add_argument("--no-stderr", action="append", default=[])
    ap.add_argument("--stats-fields")
    ap.add_argument("--stats-file")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--hang-retries", type=int, default=0)
    ap.add_argument("program")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    program = os.path.abspath(a.program)
    cmd = [os.path.abspath(a.vm)] + a.vm_arg + [os.path.basename(program)] + a.args
    run = run_program(cmd, os.path.dirname(program), a.timeout, a.hang_retries)
    out = run.stdout
    err = run.stderr
    problems = [run.problem] if run.problem else []
    if run.returncode != a.exit:
        problems.append(f"exit code {run.returncode}, expected {a.exit}")
    expected_out = a.stdout
    if a.stdout_of:
        with open(a.stdout_of, encoding="utf-8") as f:
            expected_out = f.read().partition("--- stdout\n")[2]
    if expected_out is not None and out != expected_out:
        problems.append(f"stdout {out!r}, expected {expected_out!r}")
    for pattern in a.stderr:
        if not re.search(pattern, err, re.MULTILINE):
            problems.append(f"stderr does not match {pattern!r}")
    for pattern in a.no_stderr:
        if re.search(pattern, err, re.MULTILINE):
            problems.append(f"stderr matches {pattern!r}")
    if a.stats_fields:
        text = err
        if a.stats_file:
            try:
                with open(a.stats_file, encoding="utf-8") as f:
                    text = f.read()
            except OSError as e:
                text = ""
                problems.append(f"statistics file: {e}")
        lines = [l for l in text.splitlines() if l.strip()]
        try:
            stats = json.loads(lines[-1])
            if not isinstance(stats, dict):
                raise ValueError("not an object")
            for field in a.stats_fields.split(","):
                node = stats
                for key in field.split("."):
                    if not isinstance(node, dict) or key not in node:
                        raise KeyError(field)
                    node = node[key]
        except (IndexError, ValueError, KeyError) as e:
            problems.append(f"statistics: {type(e).__name__} {e}")
    if problems:
        print(f"FAIL {' '.join(cmd)}:\n  " + "\n  ".join(problems))
        print("stdout was:\n" + out[-2000:])
        print("stderr was:\n" + err[-3000:])
        return 1
    print(f"ok {' '.join(cmd)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
