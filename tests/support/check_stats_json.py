"""--stats is one JSON object whatever the program names its classes.

    check_stats_json.py VM PROGRAM [VM ARGUMENTS...]

Runs VM --stats [VM ARGUMENTS] PROGRAM, parses the statistics line of its
stderr with json.loads and requires the conflict report to name the class
of tests/interp/stats_odd_names.py exactly (quote, backslash, control
character: each escaped on the way out, unchanged on the way back in).
"""
import json
import subprocess
import sys

ODD_NAME = 'q"\\\x01'


def main():
    vm, program, *vm_args = sys.argv[1:]
    done = subprocess.run([vm, "--stats", *vm_args, program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, "exit code %d: %s" % (done.returncode, done.stderr[-2000:])
    assert done.stdout == "200 True\n", "stdout: %r" % done.stdout
    lines = [l for l in done.stderr.splitlines() if l.startswith("{")]
    assert len(lines) == 1, "expected one statistics line in stderr: %r" % done.stderr[-2000:]
    stats = json.loads(lines[0])  # raises on a name written unescaped
    types = [c["type"] for c in stats.get("conflicts", [])]
    assert ODD_NAME in types, "the odd class is not in the conflict report: %r" % types
    print("valid JSON; conflict report names %r" % ODD_NAME)


if __name__ == "__main__":
    main()
