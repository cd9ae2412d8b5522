#!/usr/bin/env python3
"""Record CPython 3.11's behaviour for every golden program.

Runs each programs/*.py with the given CPython (default: `python3` on PATH,
which must be 3.11) and writes programs/NAME.expected (see run_golden.py).
Run it after adding or changing a program, and commit both files.

Usage: regenerate.py [--python python3] [NAME.py ...]
       regenerate.py --speed   (the classic benchmark programs listed in
                                speed.txt, recorded into speed/NAME.expected)
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def speed_cases():
    """speed.txt: one classic benchmark program of bench/speed a line, with
    the arguments that make it a test (a smaller size)."""
    cases = []
    with open(os.path.join(HERE, "speed.txt"), encoding="utf-8") as f:
        for line in f:
            words = line.split("#")[0].split()
            if words:
                cases.append((words[0], words[1:]))
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="python3")
    ap.add_argument("--speed", action="store_true", help="record the programs of speed.txt")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    version = subprocess.run([args.python, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    if version != "(3, 11)":
        sys.exit(f"regenerate.py needs CPython 3.11, {args.python} is {version}")
    # (program, its arguments, where the recording goes)
    if args.speed:
        cases = [(os.path.join(HERE, "..", "..", "bench", "speed", name + ".py"), extra,
                  os.path.join(HERE, "speed", name + ".expected")) for name, extra in speed_cases()]
    else:
        programs = args.programs or sorted(glob.glob(os.path.join(HERE, "programs", "*.py")))
        cases = [(p, [], os.path.abspath(p)[:-3] + ".expected") for p in programs]
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    for program, extra, expected in cases:
        program = os.path.abspath(program)
        run = subprocess.run([args.python, os.path.basename(program), *extra], cwd=os.path.dirname(program),
                             capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
        err_lines = [l for l in run.stderr.decode("utf-8").splitlines() if l.strip()]
        with open(expected, "w", encoding="utf-8") as f:
            f.write(f"exit: {run.returncode}\n")
            f.write(f"stderr: {err_lines[-1] if err_lines else ''}\n")
            f.write("--- stdout\n")
            f.write(run.stdout.decode("utf-8"))
        print(f"{os.path.basename(program)}: exit {run.returncode}")


if __name__ == "__main__":
    main()
