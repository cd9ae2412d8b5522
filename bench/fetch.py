#!/usr/bin/env python3
"""The fetch case study (issues 11 and 13): 8 pages from a loopback HTTP
server, fetched in each form of bench/workloads/fetch_*.py and in the
seed's own eight forms (bench/workloads/seed_fetch.py), on every
interpreter.

Starts bench/page_server (built with the VMs) on a free loopback port with
the given delay and page size, runs every form on every built pyvm-*
(pyvm-gil with the new GIL only: its variants are the sweep's subject),
python3 and pypy3 — an I/O-bound case (the pages are only summed) and a
CPU-bound one (each page is hashed --rounds times in pure Python) — with
repetitions interleaved across interpreters, and stops the server. Each run
is one process, timed as the sweep times it (wall, CPU, peak RSS); its
checksum must equal CPython's for the same case.

  fetch.py [--quick] [--reps 3] [--delay-ms 100] [--size 16384] [--pages 8]
           [--rounds 50] [--interpreters NAME,...] [--forms FORM,...]
           [--build build/release] [--out results/fetch.json] [--strict]

Writes one JSON file (format gillab-fetch/1) that papers/report.py reads
with --fetch, and prints the table of median wall times.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import sweep  # noqa: E402  (run_once, discover_interpreters, machine_info, git_commit)

# The forms, in the order the report shows them; a form missing from
# bench/workloads (not written yet) is skipped.
FORMS = ["fetch_sequential", "fetch_threads", "fetch_thread_pool", "fetch_process_pool", "fetch_process_executor",
         "fetch_asyncio", "fetch_asyncio_executor"]
# The seed's own eight forms (issue 13), as written in the seed, all in
# bench/workloads/seed_fetch.py: I/O-bound only (the seed's code does no
# CPU work), with the seed's worker counts, and requests/aiohttp from
# bench/clientlibs on every interpreter.
SEED_FORMS = ["seed_" + f for f in ("sequential", "multiprocess", "multiprocess2", "multiprocess3", "multithread",
                                    "coroutine", "coroutine2", "coroutine3")]
# A form run by another form's file with extra arguments: (file, arguments).
FORM_FILES = {"fetch_asyncio_executor": ("fetch_asyncio", ["executor"])}
FORM_FILES.update({f: ("seed_fetch", [f[len("seed_"):]]) for f in SEED_FORMS})
SEQUENTIAL = {"fetch_sequential", "seed_sequential"}
# Forms that need no thread in the interpreter (asyncio streams; a Pool
# whose waiting call drives its workers; a process per page), so
# pyvm-nosync runs them too.
SINGLE_THREAD = SEQUENTIAL | {"fetch_asyncio", "fetch_process_pool", "seed_multiprocess", "seed_multiprocess2",
                              "seed_coroutine", "seed_coroutine2", "seed_coroutine3"}


def form_command(form):
    """The workload file of a form and the arguments after the common three."""
    name, extra = FORM_FILES.get(form, (form, []))
    return os.path.join(HERE, "workloads", name + ".py"), extra


class PageServer:
    """bench/page_server as a child whose stdin we hold: closing it (or our
    death) ends the server."""

    def __init__(self, binary, delay_ms, size):
        self.proc = subprocess.Popen([binary, "--delay-ms", str(delay_ms), "--size", str(size)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        line = self.proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "port":
            self.stop()
            raise RuntimeError("page_server did not start: %r" % (line,))
        self.url = "http://127.0.0.1:%s" % line[1]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.stderr.read().strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 rep, 20 ms delay, 4 hash rounds")
    ap.add_argument("--reps", type=int)
    ap.add_argument("--delay-ms", type=int)
    ap.add_argument("--size", type=int, default=16384)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--rounds", type=int, help="hash rounds per page in the CPU-bound case")
    ap.add_argument("--interpreters", help="comma-separated interpreter names")
    ap.add_argument("--forms", help="comma-separated forms (fetch_threads, ...)")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    ap.add_argument("--out", default=os.path.join(ROOT, "results", "fetch.json"))
    ap.add_argument("--strict", action="store_true", help="exit 1 if a run failed or printed another checksum")
    args = ap.parse_args()
    reps = args.reps or (1 if args.quick else 3)
    delay = args.delay_ms if args.delay_ms is not None else (20 if args.quick else 100)
    rounds = args.rounds if args.rounds is not None else (4 if args.quick else 50)

    interpreters = {k: v for k, v in sweep.discover_interpreters(args.build).items()
                    if v.get("variant") in (None, "new")}
    if args.interpreters:
        wanted = set(args.interpreters.split(","))
        interpreters = {k: v for k, v in interpreters.items() if k in wanted}
    if "python3" not in interpreters:
        sys.exit("fetch.py: python3 is needed (its output is the reference checksum)")
    forms = [f for f in FORMS + SEED_FORMS if os.path.exists(form_command(f)[0])]
    if args.forms:
        forms = [f for f in forms if f in args.forms.split(",")]
    server_binary = os.path.join(args.build, "bench", "page_server")
    if not os.access(server_binary, os.X_OK):
        sys.exit("fetch.py: %s is not built (cmake --build %s --target page_server)" % (server_binary, args.build))

    cases = [{"form": f, "case": case, "rounds": r} for case, r in (("io", 0), ("cpu", rounds)) for f in forms
             if case == "io" or f not in SEED_FORMS]
    order = ["python3"] + [i for i in interpreters if i != "python3"]

    def runnable(case, interp):
        # pyvm-nosync cannot start a thread (the process pools collect results with one).
        return case["form"] in SINGLE_THREAD or interpreters[interp].get("max_threads", 1 << 30) > 1
    total = sum(1 for c in cases for i in order if runnable(c, i)) * reps
    progress = sweep.Progress(total)
    server = PageServer(server_binary, delay, args.size)
    os.environ["GILLAB_PAGE_SERVER"] = server.url
    # The seed's forms import requests and aiohttp: gillab's subsets, for
    # every interpreter alike (bench/clientlibs/README.md says why).
    clientlibs = os.path.join(HERE, "clientlibs")
    os.environ["PYTHONPATH"] = os.pathsep.join([clientlibs] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    runs, expected = [], {}
    try:
        for rep in range(reps):
            for case in cases:
                for interp in order:
                    if not runnable(case, interp):
                        continue
                    path, extra = form_command(case["form"])
                    cmd = (interpreters[interp]["cmd"] + [path, str(args.pages), str(args.pages), str(case["rounds"])]
                           + extra)
                    r = sweep.run_once(cmd, args.timeout)
                    out = r.pop("stdout").strip()
                    # Every form of a case prints the same checksum (the
                    # seed's forms their own: the sum of the page sizes).
                    key = case["case"] + ("/seed" if case["form"] in SEED_FORMS else "")
                    if interp == "python3" and r["status"] == "ok" and key not in expected:
                        expected[key] = out
                    r["output"] = out[-300:]
                    r["checksum_ok"] = r["status"] == "ok" and out == expected.get(key)
                    if r["status"] == "ok" and not r["checksum_ok"]:
                        r["status"] = "wrong-output"
                    r.update({"form": case["form"], "case": case["case"], "rounds": case["rounds"],
                              "interpreter": interp, "rep": rep})
                    runs.append(r)
                    progress.step("%s %s %s rep %d: %s %.2f s" % (case["form"], case["case"], interp, rep + 1,
                                                                  r["status"], r["wall_s"]))
    finally:
        server_log = server.stop()
    result = {
        "format": "gillab-fetch/1",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": sweep.machine_info(),
        "commit": sweep.git_commit(),
        "build_dir": os.path.relpath(args.build, ROOT),
        "mode": "quick" if args.quick else "default",
        "settings": {"pages": args.pages, "workers": args.pages, "delay_ms": delay, "size": args.size,
                     "cpu_rounds": rounds, "reps": reps},
        "server_log": server_log,
        "interpreters": {k: dict(v, version=sweep.version_of(v["cmd"])) for k, v in interpreters.items()},
        "forms": forms,
        "runs": runs,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print_table(result)
    bad = [r for r in runs if r["status"] != "ok"]
    print("fetch: %d runs, %d not ok; results: %s" % (len(runs), len(bad), args.out))
    for r in bad[:20]:
        tail = r["stderr_tail"].strip().splitlines()[-1:] if r["stderr_tail"].strip() else ""
        print("  %s %s %s: %s %s" % (r["form"], r["case"], r["interpreter"], r["status"], tail))
    if args.strict and bad:
        sys.exit(1)


def medians(result):
    """{(case, form, interpreter): median wall s over ok runs}."""
    groups = {}
    for r in result["runs"]:
        if r["status"] == "ok":
            groups.setdefault((r["case"], r["form"], r["interpreter"]), []).append(r["wall_s"])
    return {k: statistics.median(v) for k, v in groups.items()}


def print_table(result):
    m = medians(result)
    interps = list(result["interpreters"])
    for case in ("io", "cpu"):
        print("\n%s-bound, median wall s (%d pages, %d ms delay%s):" % (
            case.upper(), result["settings"]["pages"], result["settings"]["delay_ms"],
            ", %d hash rounds" % result["settings"]["cpu_rounds"] if case == "cpu" else ""))
        print("%-24s" % "form" + "".join("%18s" % i for i in interps))
        for form in result["forms"]:
            if not any((case, form, i) in m for i in interps) and form in SEED_FORMS:
                continue  # the seed's forms run I/O-bound only
            print("%-24s" % form + "".join("%18s" % ("%.3f" % m[(case, form, i)] if (case, form, i) in m else "-")
                                           for i in interps))


if __name__ == "__main__":
    main()
