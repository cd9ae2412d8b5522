"""--stats is one valid JSON object whatever the program names its classes
and wherever its file lies.

    check_stats_json.py VM PROGRAM [VM ARGUMENTS...]

Copies PROGRAM (tests/interp/stats_odd_names.py) to a path with bytes that
are no UTF-8 (b"\\xff", b"\\xfe"), runs VM --stats [VM ARGUMENTS] on the
copy, decodes the statistics line of stderr as strict UTF-8 and parses it
with json.loads. The conflict report must name the program's class exactly
(a quote, a backslash and a control character: escaped on the way out,
unchanged on the way back in) and the file with U+FFFD for each bad byte.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ODD_NAME = 'q"\\\x01'


def main():
    vm, program, *vm_args = sys.argv[1:]
    workdir = tempfile.mkdtemp(prefix="stats_json_")
    try:
        odd_dir = os.path.join(os.fsencode(workdir), b"dir\xff")
        os.mkdir(odd_dir)
        copy = os.path.join(odd_dir, b"prog\xfe.py")
        shutil.copyfile(program, copy)
        done = subprocess.run([os.fsencode(vm), b"--stats", *map(os.fsencode, vm_args), copy],
                              capture_output=True, timeout=120)
    finally:
        shutil.rmtree(workdir)
    stderr = done.stderr.decode("utf-8", "backslashreplace")
    assert done.returncode == 0, "exit code %d: %s" % (done.returncode, stderr[-2000:])
    assert done.stdout == b"200 True\n", "stdout: %r" % done.stdout
    lines = [l for l in done.stderr.split(b"\n") if l.startswith(b"{")]
    assert len(lines) == 1, "expected one statistics line in stderr: %r" % stderr[-2000:]
    stats = json.loads(lines[0].decode("utf-8"))  # strict: raises on bytes that are no UTF-8
    types = [c["type"] for c in stats.get("conflicts", [])]
    assert ODD_NAME in types, "the odd class is not in the conflict report: %r" % types
    files = {c["file"] for c in stats["conflicts"]}
    want = "dir\ufffd" + os.sep + "prog\ufffd.py"
    assert all(f.endswith(want) for f in files), "files %r, expected ...%r" % (files, want)
    print("valid JSON; conflict report names %r in %r" % (ODD_NAME, want))


if __name__ == "__main__":
    main()
