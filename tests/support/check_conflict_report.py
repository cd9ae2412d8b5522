"""The report's conflict section (papers/report.py, issue 10's conflict
report): given a sweep whose pyvm-stm runs list conflicts, the report has a
table of their sites with the median and range over the runs; given one
whose runs list none, it says the report is empty.

    check_conflict_report.py REPORT_PY SWEEP_JSON WORKDIR

SWEEP_JSON is a real sweep (papers/reference/sweep.json); conflicts are
added to its pyvm-stm shared_write runs at 2 threads, as --stats lists them,
and to copies of those runs as pyvm-stm-concurrent's (serial pyvm-stm and
its concurrent mode are reported apart: their medians must not pool).
"""
import copy
import json
import os
import subprocess
import sys


def render(report_py, sweep, workdir, name):
    path = os.path.join(workdir, name + ".json")
    with open(path, "w") as f:
        json.dump(sweep, f)
    out = os.path.join(workdir, name)
    subprocess.run([sys.executable, report_py, path, "--out", out], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "report.md")) as f:
        return f.read()


def main():
    report_py, sweep_json, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    with open(sweep_json) as f:
        base = json.load(f)
    for r in base["runs"]:  # whatever the reference recorded: none here
        if r.get("stats") and r["stats"].get("backend") == "stm":
            r["stats"]["conflicts"] = []

    plain = render(report_py, base, workdir, "no_conflicts")
    assert "no pyvm-stm run of this sweep aborted a transaction, so the conflict report" in plain, \
        "no conflicts: the report does not say its conflict report is empty"

    sweep = copy.deepcopy(base)
    runs = [r for r in sweep["runs"] if r.get("stats") and r["stats"].get("backend") == "stm" and
            r["program"] == "shared_write" and r["threads"] == 2]
    assert len(runs) >= 3, "the reference sweep has too few pyvm-stm shared_write runs at 2 threads"
    # The median differs from the mean and from the first run's count; a
    # site two code objects of one line report twice in a run counts their
    # sum; a site one run lists counts 0 in the others.
    counts = [90, 30, 40, 45, 35]
    for k, r in enumerate(runs):
        r["stats"]["conflicts"] = [
            {"file": "/x/bench/workloads/shared_write.py", "line": 17, "type": "dict",
             "cause": "write-write conflict", "aborts": counts[k % 5] - 10},
            {"file": "/x/bench/workloads/shared_write.py", "line": 17, "type": "dict",
             "cause": "write-write conflict", "aborts": 10},
            *([{"file": "/x/bench/workloads/shared_write.py", "line": 18, "type": "list",
                "cause": "read-write conflict", "aborts": 9}] if k == 0 else []),
        ]
    concurrent = copy.deepcopy(runs)
    for r in concurrent:
        r["interpreter"] = "pyvm-stm-concurrent"
        r["stats"]["conflicts"] = [{"file": "/x/bench/workloads/shared_write.py", "line": 17, "type": "dict",
                                    "cause": "write-write conflict", "aborts": 500}]
    # (A reference with concurrent mode's own runs: those are replaced, so
    # that the row's median is the copies' alone.)
    sweep["runs"] = [r for r in sweep["runs"] if not (r.get("interpreter") == "pyvm-stm-concurrent" and
                                                      r["program"] == "shared_write" and r["threads"] == 2)]
    sweep["runs"].extend(concurrent)
    text = render(report_py, sweep, workdir, "conflicts")
    assert "Conflict report (PyPy-STM's)" in text, "conflicts listed: no conflict table"
    n = len(runs)
    first = sorted(counts[k % 5] for k in range(n))
    median = first[n // 2] if n % 2 else (first[n // 2 - 1] + first[n // 2]) / 2
    row = "| shared_write | pyvm-stm | 2 | shared_write.py:17 | dict | write-write conflict | %.0f | %d–%d |" % (
        median, min(first), max(first))
    assert row in text, "expected the row %r in:\n%s" % (
        row, "\n".join(l for l in text.splitlines() if "shared_write.py" in l))
    assert "| shared_write | pyvm-stm | 2 | shared_write.py:18 | list | read-write conflict | 0 | 0–9 |" in text, \
        "a site one run listed: median 0 over the runs"
    assert "| shared_write | pyvm-stm-concurrent | 2 | shared_write.py:17 | dict | write-write conflict | 500 | 500–500 |" \
        in text, "the concurrent mode's runs: a row of their own"
    assert text.index("shared_write.py:17") < text.index("shared_write.py:18"), "sites not by most aborts"
    print("conflict report rendered: %d runs" % n)


if __name__ == "__main__":
    main()
