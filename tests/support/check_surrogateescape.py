"""sys.stdout's error handler follows the locale, as CPython 3.11's does.

Usage: check_surrogateescape.py PYVM

Under a C, POSIX or C.UTF-8 locale (PEP 538/540: CPython coerces C to
C.UTF-8), or one the system does not have (which is C), stdout writes the
lone surrogates U+DC80..U+DCFF as the bytes 80..FF (surrogateescape); under
an installed locale of another name it refuses them (strict) — checked
only where `locale -a` lists one. Exits 1 with a message on a mismatch.
"""
import os
import subprocess
import sys

PROGRAM = r"""
import sys
print("a\udc80b\udcff")
sys.stdout.write("w\udcc3z\n")
"""


def run(vm, locale):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE", "LANG")}
    if locale is not None:
        env["LC_ALL"] = locale
    return subprocess.run([vm, "-c", PROGRAM], env=env, capture_output=True, timeout=60)


def main():
    vm = sys.argv[1]
    failures = []
    for locale in ("C.UTF-8", "C", "POSIX", None, "xx_NONE.UTF-8"):
        r = run(vm, locale)
        if r.returncode != 0 or r.stdout != b"a\x80b\xff\nw\xc3z\n":
            failures.append("locale %r: exit %d, stdout %r, stderr %r" % (locale, r.returncode, r.stdout, r.stderr[-300:]))
    # The error names the surrogate it could not write, not the first one.
    r = subprocess.run([vm, "-c", 'print("\\udc80-\\ud800")'], env=dict(os.environ, LC_ALL="C.UTF-8"),
                       capture_output=True, timeout=60)
    expected = b"'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed"
    if r.returncode != 1 or expected not in r.stderr:
        failures.append("mixed surrogates: exit %d, stderr %r" % (r.returncode, r.stderr[-300:]))
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    others = [name for name in listed if name.split(".")[0] not in ("C", "POSIX")]
    if others:
        r = run(vm, others[0])
        expected = b"'utf-8' codec can't encode character '\\udc80' in position 1: surrogates not allowed"
        if r.returncode != 1 or r.stdout != b"" or expected not in r.stderr:
            failures.append("locale %s: exit %d, stdout %r, stderr %r" % (others[0], r.returncode, r.stdout, r.stderr[-300:]))
    else:
        print("(no installed locale other than C: the strict half is not run)")
    for f in failures:
        print(f)
    if failures:
        return 1
    print("surrogateescape ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
