#!/usr/bin/env python3
"""Drive keyboard_interrupt.py: send SIGINT after each line it prints, check
the lines, the final traceback and that the process ended by SIGINT.

Usage: run_sigint_test.py --vm PATH [--vm-arg ARG]... [--nothreads] keyboard_interrupt.py
"""
import argparse
import signal
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vm", required=True)
    ap.add_argument("--vm-arg", action="append", default=[], help="an argument for the VM (repeatable)")
    ap.add_argument("--nothreads", action="store_true")
    ap.add_argument("program")
    args = ap.parse_args()
    cmd = [args.vm] + args.vm_arg + [args.program] + (["nothreads"] if args.nothreads else [])
    expected = ["caught in loop True", "caught in sleep"]
    if not args.nothreads:
        expected += ["caught in join", "caught in acquire"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    failures = []
    try:
        first = p.stdout.readline().strip()
        if first != "ready":
            failures.append("first line %r, not 'ready'" % first)
        for want in expected + [None]:
            time.sleep(0.5)  # let it get into the next blocking call or loop (slow under TSan)
            p.send_signal(signal.SIGINT)
            if want is None:
                break
            got = p.stdout.readline().strip()
            if got != want:
                failures.append("after SIGINT: %r, expected %r" % (got, want))
                break
        out, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        failures.append("did not end after the last SIGINT")
    lines = err.strip().splitlines()
    if not lines or lines[0] != "Traceback (most recent call last):" or lines[-1] != "KeyboardInterrupt":
        failures.append("stderr is not a KeyboardInterrupt traceback:\n" + err)
    if p.returncode != -signal.SIGINT:
        failures.append("exit status %r, expected death by SIGINT (%d)" % (p.returncode, -signal.SIGINT))
    if out.strip():
        failures.append("unexpected output: %r" % out)
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
