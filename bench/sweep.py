#!/usr/bin/env python3
"""The scaling sweep: every workload on every interpreter at 1..N threads.

Runs bench/workloads/*.py (THREADS SIZE -> "checksum ...") and the
single-thread programs of bench/speed on every built pyvm-* (pyvm-gil once
per GIL variant for the thread workloads, once for the single-thread
programs: the variants differ only when a second thread waits), on python3
and on pypy3 when installed; each run is a separate process, timed for wall
clock, CPU (user + system, from wait4) and peak RSS; pyvm back-ends with
statistics write them with --stats=FILE. The convoy experiment
(bench/threads/convoy.py: how late a sleeping thread wakes up next to a
CPU-bound one) runs on every interpreter with threads, and the micro
benchmarks (build/.../bench/bench_{locks,lockfree,stm,refcount}) once,
their Google Benchmark JSON kept whole.
Repetitions are interleaved across interpreters, so a noisy moment hits all
of them alike. A run that fails, prints another checksum than CPython's, or
times out is recorded as such and the sweep goes on.

Writes one self-describing JSON file (machine, build, interpreters, every
raw run); papers/report.py turns it into the report. The machine's record
includes its parallel capacity before and after the sweep (one CPU-bound
process per core at once against one alone, a few seconds each time): on a
shared VM it moves, and it bounds every scaling figure.

  sweep.py [--quick] [--only WORKLOAD,...] [--interpreters NAME,...]
           [--threads 1,2,4] [--reps 5] [--no-speed] [--no-counters]
           [--no-convoy] [--no-micro] [--out results/sweep.json]

--quick: small sizes, 1 rep, threads 1,2: under two minutes on 2 cores.
The default (5 reps, threads 1,2,4,8) stays under fifteen minutes there.
"""
import argparse
import glob
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Sizes per workload: (quick, default). Chosen so one run at one thread
# takes ~0.1-0.3 s (quick) and ~0.2-1 s (default) on the reference VM, on
# CPython and on pyvm-gil alike where possible (the pyvms are faster than
# CPython on shared_write; lock_counter stays small because pypy3 collapses
# on it at 8 threads). atomic_counter is smaller still: on python3 and
# pypy3 its fallback is one RLock, which convoys under their GILs (9 s a
# run at 4 threads at size 500000, a fifth of the default sweep's time).
# With pyvm-stm in the sweep (926 s at 82e89d2) the three largest shrank
# by a fifth to a third (lock_counter and atomic_counter spend 70% of
# their time at 4 and 8 threads). pyvm-stm at 2 to 8 threads (907 s at
# 1d886b5, a busy machine) took lock_counter and atomic_counter down again:
# python3 and pypy3 spent 60 of atomic_counter's 70 s and pypy3 43 of
# lock_counter's 66 s.
WORKLOAD_SIZES = {
    "cpu_independent": (300000, 800000),
    "shared_read": (600000, 3000000),
    "shared_write": (400000, 2000000),
    "lock_counter": (100000, 250000),
    "atomic_counter": (100000, 100000),
}
# The classic single-thread programs (bench/speed) run at 1 thread, default size.
SPEED_QUICK = ["nbody", "fannkuch", "spectral_norm"]

# Counters (cycles, instructions, cache misses) of single-thread runs: the
# class-heavy programs at reduced sizes (~0.1 s natively, ~5 s under
# cachegrind: the default sweep must stay under 15 minutes), on every interpreter but pypy3 (a JIT under valgrind measures
# valgrind). Program -> arguments; --quick counts only COUNTER_QUICK.
COUNTER_PROGRAMS = {
    "richards": ["1"],
    "deltablue": ["3"],
    "raytrace": ["24"],
    "go": ["3"],
}
COUNTER_QUICK = ["richards"]

# The convoy experiment: wake-ups per run (quick, default), 1 ms sleeps.
CONVOY_WAKEUPS = (50, 100)
# Variants that differ from their interpreter only when threads run: the GIL
# variants run the same code until a second thread waits, and stm's
# concurrent mode's one-thread cost is in issue 10's note (measured side by
# side). Run on the thread workloads only, not the speed or counter runs.
THREADS_ONLY_VARIANTS = ("legacy", "fair", "concurrent")

# Micro benchmarks: (binary, quick?) and Google Benchmark's settings
# (min_time s, repetitions) for quick and default. The default spends ~1 s
# per benchmark binary and thread count of the sweep; the quick one only
# shows the step works.
MICRO_SUITES = {"locks": False, "lockfree": False, "stm": False, "refcount": True}
MICRO_SETTINGS = ((0.01, 1), (0.02, 3))


def counter_method():
    """'perf' when perf stat can count hardware events here (perf_event_open
    allowed, a PMU exposed), else 'cachegrind' when valgrind exists, else None."""
    if shutil.which("perf"):
        r = subprocess.run(["perf", "stat", "-x,", "-e", "cycles,instructions,cache-misses", "true"],
                           capture_output=True, text=True)
        if r.returncode == 0 and "<not supported>" not in r.stderr and "<not counted>" not in r.stderr:
            return "perf"
    return "cachegrind" if shutil.which("valgrind") else None


def count_once(method, cmd, timeout):
    """Counters of one run: a dict of event -> count, or None if the run failed."""
    if method == "perf":
        r = subprocess.run(["perf", "stat", "-x,", "-e", "cycles,instructions,cache-references,cache-misses"] + cmd,
                           capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            return None
        counts = {}
        for line in r.stderr.splitlines():
            parts = line.split(",")
            if len(parts) > 2 and parts[0].strip().isdigit():
                counts[parts[2].strip()] = int(parts[0])
        return counts
    with tempfile.TemporaryDirectory(prefix="sweep-cg-") as d:
        r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=yes",
                            "--cachegrind-out-file=" + os.path.join(d, "cg.out")] + cmd,
                           capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        return None
    # "==123== D1  misses:   1,234  ( 1,000 rd + 234 wr)": the first number of each summary line.
    names = {"I refs": "instructions", "I1 misses": "i1_misses", "LLi misses": "lli_misses",
             "D refs": "data_refs", "D1 misses": "d1_misses", "LLd misses": "lld_misses",
             "LL misses": "ll_misses"}
    counts = {}
    for line in r.stderr.splitlines():
        body = line.split("==", 2)[-1].strip()
        if ":" not in body:
            continue
        label, rest = body.split(":", 1)
        label = " ".join(label.split())
        if label in names and rest.split():
            counts[names[label]] = int(rest.split()[0].replace(",", ""))
    return counts or None


def real_python3():
    """The interpreter behind `python3`, resolving a pyenv-style shim (whose
    startup costs ~0.3 s per run and would distort every CPython time)."""
    exe = shutil.which("python3")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True,
                             timeout=30)
        return out.stdout.strip() or exe
    except (OSError, subprocess.SubprocessError):
        return exe


def discover_interpreters(build_dir):
    """name -> {cmd, kind, backend, variant, max_threads}."""
    found = {}
    for vm in sorted(glob.glob(os.path.join(build_dir, "interp", "pyvm-*"))):
        backend = os.path.basename(vm)[len("pyvm-"):]
        if backend == "nosync":
            found["pyvm-nosync"] = {"cmd": [vm], "kind": "pyvm", "backend": backend, "max_threads": 1,
                                    "stats": True}  # the cycle collector's
        elif backend == "gil":
            for variant in ("new", "legacy", "fair"):
                name = "pyvm-gil" if variant == "new" else "pyvm-gil-" + variant
                found[name] = {"cmd": [vm, "-X", "gil=" + variant], "kind": "pyvm", "backend": backend,
                               "variant": variant, "stats": True}
        elif backend == "stm":
            # Serial (the transaction token, the default) and concurrent
            # (-X stm_concurrent=1: transactions at once, phase 2b).
            found["pyvm-stm"] = {"cmd": [vm], "kind": "pyvm", "backend": backend, "variant": "serial", "stats": True}
            found["pyvm-stm-concurrent"] = {"cmd": [vm, "-X", "stm_concurrent=1"], "kind": "pyvm", "backend": backend,
                                            "variant": "concurrent", "stats": True}
        else:
            found[os.path.basename(vm)] = {"cmd": [vm], "kind": "pyvm", "backend": backend, "stats": True}
    py = real_python3()
    if py:
        found["python3"] = {"cmd": [py], "kind": "cpython"}
    pypy = shutil.which("pypy3")
    if pypy:
        found["pypy3"] = {"cmd": [pypy], "kind": "pypy"}
    return found


def version_of(cmd):
    try:
        out = subprocess.run(cmd[:1] + ["--version"], capture_output=True, text=True, timeout=30)
        return (out.stdout + out.stderr).strip().splitlines()[0] if (out.stdout + out.stderr).strip() else ""
    except (OSError, subprocess.SubprocessError, IndexError):
        return ""


def machine_info():
    info = {"platform": platform.platform(), "machine": platform.machine(), "cores": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["memory_kib"] = int(line.split()[1])
                    break
    except OSError:
        pass
    info["kernel"] = platform.release()
    try:
        info["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    return info


# The machine's own parallel speed, measured around the sweep: on a shared
# VM (this project's 2-core machine) a second vCPU is sometimes worth half a
# core, and a scaling curve cannot rise above what the machine gave. One
# CPU-bound process alone, then one per core at once, each the same loop.
PROBE_LOOP = "n = 0\nfor i in range(4000000):\n    n += i\n"


def parallel_capacity(reps=3):
    cores = os.cpu_count() or 1

    def wall(processes):
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", PROBE_LOOP]) for _ in range(processes)]
        for p in procs:
            p.wait()
        return time.perf_counter() - start

    one = sorted(wall(1) for _ in range(reps))[reps // 2]
    together = sorted(wall(cores) for _ in range(reps))[reps // 2]
    return {"processes": cores, "one_s": round(one, 4), "all_s": round(together, 4),
            "speedup": round(cores * one / together, 3), "reps": reps}


def git_commit():
    try:
        out = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True,
                             timeout=30)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


# Peak RSS: Linux keeps a process's high-water mark across exec, so a child
# spawned straight from this (15 MB) Python process reports at least 15 MB
# whatever it ran. GNU time forks the measured command from a small process
# and reports that child's own peak; wall and CPU still come from wait4
# (which includes the reaped grandchild).
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, timeout):
    """One process: wall and CPU from wait4, peak RSS from GNU time; status ok/failed/timeout."""
    rss_file = None
    if GNU_TIME:
        fd, rss_file = tempfile.mkstemp(prefix="sweep-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    timed_out = [False]

    def kill():
        timed_out[0] = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    timer = threading.Timer(timeout, kill)
    timer.start()
    out_chunks, err_chunks = [], []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))
    reader.start()
    out_chunks.append(proc.stdout.read())
    reader.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    maxrss = None
    if rss_file:
        try:
            with open(rss_file) as f:
                lines = f.read().split()
            maxrss = int(lines[-1]) if lines else None  # after "Command exited with non-zero status N"
        except (OSError, ValueError):
            maxrss = None
        os.unlink(rss_file)
    result = {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": maxrss,
        "exit": proc.returncode,
        "stdout": "".join(out_chunks),
        "stderr_tail": "".join(err_chunks)[-2000:],
    }
    result["status"] = "timeout" if timed_out[0] else ("ok" if proc.returncode == 0 else "failed")
    return result


def parse_convoy(out):
    """convoy.py's two lines -> {"alone": {median_ms, p99_ms}, "cpu_thread": {...}}, or None."""
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[0] == "convoy":
            label = "alone" if parts[1] == "alone" else "cpu_thread"
            fields = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
            try:
                found[label] = {"median_ms": float(fields["median"]), "p99_ms": float(fields["p99"])}
            except (KeyError, ValueError):
                return None
    return found if len(found) == 2 else None


def run_micro(binary, threads, min_time, reps, timeout):
    """One micro benchmark binary at the sweep's thread counts: its Google
    Benchmark JSON whole (context included), or the failure."""
    with tempfile.TemporaryDirectory(prefix="sweep-micro-") as d:
        out_file = os.path.join(d, "out.json")
        # Benchmarks without a thread suffix are single-threaded by design.
        pattern = "(/threads:(%s)$)|^[^/]*(/[a-z_]+:[0-9]+)*(/real_time)?$" % "|".join(str(t) for t in threads)
        settings = ["--benchmark_min_time=%g" % min_time, "--benchmark_repetitions=%d" % reps,
                    "--benchmark_filter=" + pattern]
        r = run_once([binary] + settings + ["--benchmark_out=" + out_file, "--benchmark_out_format=json"], timeout)
        r.pop("stdout")
        result = {"status": r["status"], "wall_s": r["wall_s"], "cmd": [os.path.relpath(binary, ROOT)] + settings,
                  "stderr_tail": r["stderr_tail"]}
        try:
            with open(out_file) as f:
                result["json"] = json.load(f)
        except (OSError, ValueError):
            result["json"] = None
            if result["status"] == "ok":
                result["status"] = "failed"
    return result


class Progress:
    def __init__(self, total):
        self.total = total
        self.done = 0
        self.start = time.time()
        self.tty = sys.stderr.isatty()

    def step(self, text):
        self.done += 1
        elapsed = time.time() - self.start
        left = elapsed / self.done * (self.total - self.done)
        line = "[%d/%d] %s  (%.0f s elapsed, ~%.0f s left)" % (self.done, self.total, text, elapsed, left)
        if self.tty:
            sys.stderr.write("\r\033[K" + line)
            if self.done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", help="comma-separated workloads (and speed programs) to run")
    ap.add_argument("--interpreters", help="comma-separated interpreter names to run")
    ap.add_argument("--threads", help="comma-separated thread counts")
    ap.add_argument("--reps", type=int)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    ap.add_argument("--no-speed", action="store_true", help="skip the single-thread bench/speed programs")
    ap.add_argument("--no-counters", action="store_true", help="skip the hardware-counter / cachegrind runs")
    ap.add_argument("--no-convoy", action="store_true", help="skip the convoy latency runs")
    ap.add_argument("--no-micro", action="store_true", help="skip the micro benchmarks (bench_*)")
    ap.add_argument("--out", default=os.path.join(ROOT, "results", "sweep.json"))
    ap.add_argument("--strict", action="store_true", help="exit 1 if any run failed, timed out or printed "
                    "another checksum (the smoke test)")
    args = ap.parse_args()

    # The machine and the clock before the first run: the load average
    # then says whether the sweep started on a quiet machine.
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    machine = machine_info()
    capacity_at_start = parallel_capacity()
    threads = [int(t) for t in args.threads.split(",")] if args.threads else ([1, 2] if args.quick else [1, 2, 4, 8])
    reps = args.reps or (1 if args.quick else 5)
    interpreters = discover_interpreters(args.build)
    if args.interpreters:
        wanted = set(args.interpreters.split(","))
        interpreters = {k: v for k, v in interpreters.items() if k in wanted}
    if "python3" not in interpreters:
        sys.exit("sweep.py: python3 is needed (its output is the reference checksum)")
    only = set(args.only.split(",")) if args.only else None

    # The plan: (kind, program, size, threads) cases, each on every interpreter, reps interleaved.
    cases = []
    for name, (quick, default) in sorted(WORKLOAD_SIZES.items()):
        if only and name not in only:
            continue
        for t in threads:
            cases.append({"suite": "workload", "program": name, "path": os.path.join(HERE, "workloads", name + ".py"),
                          "args": [str(t), str(quick if args.quick else default)], "threads": t})
    if not args.no_speed:
        speed = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, "speed", "*.py")))
        if args.quick:
            speed = [s for s in speed if s in SPEED_QUICK]
        for name in speed:
            if only and name not in only:
                continue
            cases.append({"suite": "speed", "program": name, "path": os.path.join(HERE, "speed", name + ".py"),
                          "args": [], "threads": 1})
    if not args.no_convoy and (not only or "convoy" in only):
        # threads=2: the sleeper and the CPU-bound thread (nosync cannot).
        cases.append({"suite": "latency", "program": "convoy", "path": os.path.join(HERE, "threads", "convoy.py"),
                      "args": [str(CONVOY_WAKEUPS[0 if args.quick else 1]), "1"], "threads": 2})

    def runnable(case, interp):
        info = interpreters[interp]
        if case["threads"] > info.get("max_threads", 1 << 30):
            return False
        return not (case["suite"] == "speed" and info.get("variant") in THREADS_ONLY_VARIANTS)
    # Counter runs: once per (program, interpreter) — counts are repeatable
    # under cachegrind — and one GIL variant (they differ only with threads).
    method = None if args.no_counters else counter_method()
    counter_cases = []
    if method:
        for name, prog_args in sorted(COUNTER_PROGRAMS.items()):
            if (args.quick and name not in COUNTER_QUICK) or (only and name not in only):
                continue
            for interp, info in interpreters.items():
                if info["kind"] == "pypy" or info.get("variant") in THREADS_ONLY_VARIANTS:
                    continue
                counter_cases.append((name, interp, prog_args))
    micro_cases = [] if args.no_micro else [
        (suite, os.path.join(args.build, "bench", "bench_" + suite)) for suite, quick in MICRO_SUITES.items()
        if (quick or not args.quick) and (not only or suite in only)
        and os.access(os.path.join(args.build, "bench", "bench_" + suite), os.X_OK)]
    total = sum(1 for c in cases for i in interpreters if runnable(c, i)) * reps + len(counter_cases) + len(micro_cases)
    progress = Progress(total)

    runs = []
    expected = {}
    tmp = tempfile.mkdtemp(prefix="gillab-sweep-")
    for rep in range(reps):
        for case in cases:
            key = (case["program"], tuple(case["args"][1:]))
            order = ["python3"] + [i for i in interpreters if i != "python3"]
            for interp in order:
                if not runnable(case, interp):
                    continue
                info = interpreters[interp]
                cmd = list(info["cmd"])
                stats_file = None
                if info.get("stats"):
                    stats_file = os.path.join(tmp, "stats.json")
                    if os.path.exists(stats_file):
                        os.remove(stats_file)
                    cmd.append("--stats=" + stats_file)
                cmd += [case["path"]] + case["args"]
                r = run_once(cmd, args.timeout)
                out = r.pop("stdout").strip()
                if interp == "python3" and r["status"] == "ok" and key not in expected:
                    expected[key] = out
                r["output"] = out[-500:]
                if case["suite"] == "latency":  # timings, not a checksum
                    r["latency"] = parse_convoy(out) if r["status"] == "ok" else None
                    r["checksum_ok"] = r["latency"] is not None
                else:
                    r["checksum_ok"] = r["status"] == "ok" and out == expected.get(key)
                if r["status"] == "ok" and not r["checksum_ok"]:
                    r["status"] = "wrong-output"
                if stats_file and os.path.exists(stats_file):
                    try:
                        with open(stats_file) as f:
                            r["stats"] = json.load(f)
                    except (OSError, ValueError):
                        r["stats"] = None
                r.update({"suite": case["suite"], "program": case["program"], "interpreter": interp,
                          "threads": case["threads"], "args": case["args"], "rep": rep})
                runs.append(r)
                progress.step("%s %s t=%d rep %d: %s %.2f s" % (case["program"], interp, case["threads"], rep + 1,
                                                                r["status"], r["wall_s"]))
    shutil.rmtree(tmp, ignore_errors=True)

    counter_runs = []
    for name, interp, prog_args in counter_cases:
        cmd = list(interpreters[interp]["cmd"]) + [os.path.join(HERE, "speed", name + ".py")] + prog_args
        try:
            counts = count_once(method, cmd, args.timeout * 10)
        except subprocess.TimeoutExpired:
            counts = None
        counter_runs.append({"program": name, "interpreter": interp, "args": prog_args,
                             "status": "ok" if counts else "failed", "counts": counts})
        progress.step("counters (%s) %s %s: %s" % (method, name, interp, "ok" if counts else "failed"))

    micro = {}
    min_time, micro_reps = MICRO_SETTINGS[0 if args.quick else 1]
    for suite, binary in micro_cases:
        micro[suite] = run_micro(binary, threads, min_time, micro_reps, args.timeout * 5)
        progress.step("micro benchmarks %s: %s" % (suite, micro[suite]["status"]))

    machine["parallel_capacity"] = {"start": capacity_at_start, "end": parallel_capacity()}
    result = {
        "format": "gillab-sweep/1",
        "created": started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine,
        "commit": git_commit(),
        "build_dir": os.path.relpath(args.build, ROOT),
        "mode": "quick" if args.quick else "default",
        "threads": threads,
        "reps": reps,
        "interpreters": {k: dict(v, version=version_of(v["cmd"])) for k, v in interpreters.items()},
        "workload_sizes": {k: v[0] if args.quick else v[1] for k, v in WORKLOAD_SIZES.items()},
        "hardware_counters": {
            "method": method or "none",
            "why": {"perf": "perf stat: hardware counters through perf_event_open",
                    "cachegrind": "cachegrind's simulated caches (this machine exposes no hardware counters to "
                                  "perf_event_open, or perf is not installed); instructions are exact, misses "
                                  "are of the simulated I1/D1/LL hierarchy",
                    None: "neither perf nor valgrind available, or --no-counters"}[method],
            "runs": counter_runs,
        },
        "micro": micro,
        "runs": runs,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    bad = [r for r in runs if r["status"] != "ok"] + [
        {"program": "bench_" + k, "interpreter": "-", "threads": 0, "status": v["status"], "stderr_tail": v["stderr_tail"]}
        for k, v in micro.items() if v["status"] != "ok"]
    print("sweep: %d runs, %d not ok, in %.0f s; results: %s" % (len(runs), len(bad), time.time() - progress.start,
                                                                args.out))
    for r in bad[:20]:
        print("  %s %s t=%d: %s %s" % (r["program"], r["interpreter"], r["threads"], r["status"],
                                       r["stderr_tail"].strip().splitlines()[-1:] if r["stderr_tail"].strip() else ""))
    if args.strict and bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
