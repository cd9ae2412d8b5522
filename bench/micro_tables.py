#!/usr/bin/env python3
"""Tables of the micro benchmarks' Google Benchmark JSON (bench_locks,
bench_lockfree, bench_stm, bench_refcount).

One module for the four, so that the command-line summaries
(lock_table.py, lockfree_table.py, stm_table.py) and the report
(papers/report.py, which finds the same JSON inside the sweep's file) show
the same numbers. `tables(suite, data, shown)` returns a list of tables,
each a dict: title, note (a sentence or ""), header, rows. Every cell is the
median over the repetitions with the min-max spread when there is more than
one.

Usage: micro_tables.py {locks,lockfree,stm,refcount} RESULT.json [--threads 1,2,4,8]
"""
import argparse
import json
import re
import statistics
import sys
from collections import defaultdict

UNIT_NS = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}
SUITES = ("locks", "lockfree", "stm", "refcount")


def cell(values, digits=2):
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}"
    return f"{med:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def iterations(data, pattern):
    """(match groups, benchmark) for every repetition that ran."""
    for b in data.get("benchmarks", []):
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        m = pattern.match(b["name"])
        if m:
            yield m.groups(), b


def repetitions(data):
    return max((b.get("repetitions", 1) for b in data.get("benchmarks", [])), default=0)


def context_line(data):
    ctx = data.get("context", {})
    return (f"{ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs @ {ctx.get('mhz_per_cpu', '?')} MHz; "
            f"{ctx.get('compiler', '?')} {ctx.get('cxx_flags', '')}; commit {ctx.get('gillab_commit', '?')}")


def by_thread_table(title, note, runs, names, shown, first_column="name"):
    rows = [[n] + [cell(runs[(n, t)]) if (n, t) in runs else "–" for t in shown] for n in names]
    return {"title": title, "note": note, "header": [first_column] + [f"{t} thr" for t in shown], "rows": rows}


# ---- bench_locks ----
LOCK_NAME = re.compile(r"^(BM_\w+)<(.+?)>(?:/(work|read_pct):(\d+))?(?:/real_time)?(?:/threads:(\d+))?")


def lock_tables(data, shown):
    runs = defaultdict(list)  # (kind, lock, arg, threads) -> values
    for (kind, lock, _, arg, threads), b in iterations(data, LOCK_NAME):
        if kind == "BM_Uncontended":
            value = b["real_time"] * UNIT_NS[b["time_unit"]]
        else:
            value = b["ops"] / 1e6
        runs[(kind, lock, int(arg or 0), int(threads or 1))].append(value)
    work = data.get("context", {}).get("work_unit_iterations", "?")
    out = []
    for kind, arg, title in (("BM_Lock", 0, "empty critical section"),
                             ("BM_Lock", 1, "~100 ns of work inside"),
                             ("BM_RwLock", 90, "90% shared / 10% exclusive, ~100 ns inside")):
        locks = sorted({k[1] for k in runs if k[0] == kind and k[2] == arg},
                       key=lambda l: -statistics.median(runs.get((kind, l, arg, 1), [0])))
        if locks:
            sub = {(k[1], k[3]): v for k, v in runs.items() if k[0] == kind and k[2] == arg}
            out.append(by_thread_table(f"Lock throughput, {title} (M acquisitions/s, all threads)",
                                       f"Work unit: {work} iterations of a dependent multiply-add, calibrated to "
                                       "~100 ns." if arg else "", sub, locks, shown, "lock"))
    unc = sorted((k for k in runs if k[0] == "BM_Uncontended"), key=lambda k: statistics.median(runs[k]))
    if unc:
        out.append({"title": "Uncontended lock + unlock (ns, one thread)", "note": "",
                    "header": ["lock", "ns"], "rows": [[k[1], cell(runs[k])] for k in unc]})
    return out


# ---- bench_lockfree ----
LOCKFREE_NAME = re.compile(r"^(BM_\w+)<(.+?)>(?:/iterations:\d+)?(?:/real_time)?(?:/threads:(\d+))?")


def lockfree_tables(data, shown):
    runs = defaultdict(list)  # (kind, name, threads) -> values
    for (kind, name, threads), b in iterations(data, LOCKFREE_NAME):
        threads = int(threads or 1)
        if kind in ("BM_Guard", "BM_Retire"):
            # real time per iteration is per operation of the whole group;
            # times threads gives each thread's cost per operation.
            value = b["real_time"] * UNIT_NS[b["time_unit"]] * threads
        else:
            value = b["ops"] / 1e6
        runs[(kind, name, threads)].append(value)
    out = []
    for kind, title, unit, best_high in (
            ("BM_Stack", "Lock-free stacks: push + pop pairs", "M ops/s, all threads", True),
            ("BM_Queue", "Lock-free queues: enqueue + dequeue pairs", "M ops/s, all threads", True),
            ("BM_Guard", "Reclamation, read side: guard + protect", "ns per operation per thread", False),
            ("BM_Retire", "Reclamation, write side: swap + retire (incl. allocation and reclamation)",
             "ns per operation per thread", False)):
        names = {k[1] for k in runs if k[0] == kind}
        if not names:
            continue
        sign = -1 if best_high else 1
        names = sorted(names, key=lambda n: sign * statistics.median(runs.get((kind, n, 2), [0])))
        sub = {(k[1], k[2]): v for k, v in runs.items() if k[0] == kind}
        out.append(by_thread_table(f"{title} ({unit})", "Sorted by the 2-thread column.", sub, names, shown))
    return out


# ---- bench_stm ----
STM_NAME = re.compile(r"^BM_(List|RbTree|Hash|Bank)<(.+?)>(?:/real_time)?(?:/threads:(\d+))?")
STM_TITLES = {
    "List": "Sorted linked list (256 initial, key range 512, 20% updates)",
    "RbTree": "Red-black tree (4096 initial, key range 8192, 20% updates)",
    "Hash": "Hash set (1024 buckets, 4096 initial, key range 8192, 20% updates)",
    "Bank": "Bank (1024 accounts, 80% transfers, 20% read-all audits)",
}
# TinySTM 1.0.5's own benchmark on a 2-core machine (M tx/s at 1 and 2 threads).
STM_REFERENCE = {"List": (1.20, 1.46), "RbTree": (4.55, 8.37), "Bank": (1.19, 1.43)}


def stm_tables(data, shown):
    tx = defaultdict(list)
    aborts = defaultdict(list)
    for (workload, impl, threads), b in iterations(data, STM_NAME):
        key = (workload, impl, int(threads or 1))
        tx[key].append(b["tx"] / 1e6)
        if "abort_rate" in b:
            aborts[key].append(b["abort_rate"])
    cm = data.get("context", {}).get("stm_contention_manager", "?")
    out = []
    for workload, title in STM_TITLES.items():
        impls = sorted({k[1] for k in tx if k[0] == workload},
                       key=lambda i: -statistics.median(tx.get((workload, i, 1), [0])))
        if not impls:
            continue
        rows = []
        for impl in impls:
            rows.append([impl] + [cell(tx[(workload, impl, t)]) if (workload, impl, t) in tx else "–" for t in shown] +
                        [f"{100 * statistics.median(aborts[(workload, impl, t)]):.1f}%"
                         if (workload, impl, t) in aborts else "–" for t in shown])
        note = (f"M transactions/s summed over threads; abort rate = aborted attempts / attempts; contention "
                f"manager {cm}.")
        if workload in STM_REFERENCE:
            one, two = STM_REFERENCE[workload]
            note += f" Reference, TinySTM 1.0.5 (2 cores): {one} M tx/s at 1 thread, {two} M at 2."
        out.append({"title": f"STM: {title}", "note": note,
                    "header": ["implementation"] + [f"{t} thr" for t in shown] + [f"aborts {t} thr" for t in shown],
                    "rows": rows})
    return out


# ---- bench_refcount ----
REFCOUNT_NAME = re.compile(r"^BM_(Private|Shared)<(\w+)>(?:/real_time)?(?:/threads:(\d+))?")


def refcount_tables(data, shown):
    runs = defaultdict(list)  # (case, threads) -> CPU ns per pair
    for (kind, policy, threads), b in iterations(data, REFCOUNT_NAME):
        case = f"{'private object' if kind == 'Private' else 'one shared object'}, {policy}"
        runs[(case, int(threads or 1))].append(b["cpu_time"] * UNIT_NS[b["time_unit"]])
    cases = sorted({k[0] for k in runs}, key=lambda c: (not c.startswith("private"), c))
    if not cases:
        return []
    return [by_thread_table("Reference counting: one incref + decref pair (CPU ns per pair and thread)",
                            "The fine back-end's two counting policies (interp/: atomic = the Gilectomy's shared "
                            "count, biased = PEP 703's owner-local count); plain is the nosync/gil count. "
                            "Biased's shared object is owned by thread 0.", runs, cases, shown, "case")]


TABLES = {"locks": lock_tables, "lockfree": lockfree_tables, "stm": stm_tables, "refcount": refcount_tables}


def tables(suite, data, shown):
    return TABLES[suite](data, shown)


def markdown(suite, data, shown):
    lines = [f"# {suite} micro benchmarks ({context_line(data)})", "",
             f"Median of {repetitions(data)} runs (min–max).", ""]
    for t in tables(suite, data, shown):
        lines += [f"## {t['title']}", ""]
        if t["note"]:
            lines += [t["note"], ""]
        lines.append("| " + " | ".join(t["header"]) + " |")
        lines.append("|" + "---|" * len(t["header"]))
        lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in t["rows"]]
        lines.append("")
    return "\n".join(lines)


def main(argv=None, suite=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    if suite is None:
        ap.add_argument("suite", choices=SUITES)
    ap.add_argument("json")
    ap.add_argument("--threads", default="1,2,4,8", help="thread counts to show")
    args = ap.parse_args(argv)
    with open(args.json) as f:
        data = json.load(f)
    print(markdown(suite or args.suite, data, [int(t) for t in args.threads.split(",")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
