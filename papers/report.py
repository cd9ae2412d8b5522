#!/usr/bin/env python3
"""The report: bench/sweep.py's JSON -> Markdown + SVG figures + HTML.

Generated from the JSON alone, so a result file from another machine
renders the same way. Figures need matplotlib (Debian's python3-matplotlib,
seen by /usr/bin/python3; `scripts/setup.sh --report` installs it); without
it the report has its tables and says the figures were skipped.

  report.py results/sweep.json [--fetch results/fetch.json] [--out papers/latest]

Every table gives medians of the recorded repetitions and, beside them, the
spread (min-max); ratios are of medians measured in the same sweep, with
repetitions interleaved across interpreters.
"""
import argparse
import html
import json
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import micro_tables  # noqa: E402  (bench/: the micro benchmarks' tables, shared with its command line)


def rss_mib(sel):
    """Median peak RSS in MiB of runs that have one (sweeps before GNU time
    measured it recorded the sweep's own high-water mark: see sweep.py)."""
    rss = [r["maxrss_kib"] for r in sel if r.get("maxrss_kib")]
    return "%.1f" % (statistics.median(rss) / 1024) if rss else "–"


def median_spread(values):
    if not values:
        return None, None, None
    return statistics.median(values), min(values), max(values)


def geomean(ratios):
    return math.exp(sum(map(math.log, ratios)) / len(ratios))


def geomean_row(ratios_by_column, digits):
    return ["**geometric mean**"] + ["×%.*f" % (digits, geomean(r)) if r else "—" for r in ratios_by_column]


def fmt_s(v):
    return "—" if v is None else ("%.3f" % v if v < 10 else "%.1f" % v)


def fetch_section(doc, fetch, order):
    """The fetch case study: every form of bench/workloads/fetch_*.py on every
    interpreter, I/O-bound and CPU-bound."""
    st = fetch["settings"]
    runs = fetch["runs"]
    interps = [i for i in order if i in fetch["interpreters"]]
    doc.heading(2, "The fetch case study: %d pages, six ways" % st["pages"])
    doc.para("bench/fetch.py (%s, commit %s): %d pages of %d bytes from bench/page_server on loopback, each "
             "answered after %d ms; %d workers where the form has workers. I/O-bound: the pages are only summed, "
             "so the sequential form should take about %d × the delay and the concurrent ones about one delay. "
             "CPU-bound: each page is then hashed %d times in pure Python, where threads stop helping under a "
             "GIL. Per cell: median wall s (min–max) over %d runs, then the median CPU s (user + system) and "
             "peak RSS in MiB. A form not written yet is not listed." %
             (fetch["created"], fetch["commit"], st["pages"], st["size"], st["delay_ms"], st["workers"],
              st["pages"], st["cpu_rounds"], st["reps"]))
    own_forms = [f for f in fetch["forms"] if not f.startswith("seed_")]
    seed_forms = [f for f in fetch["forms"] if f.startswith("seed_")]
    for case, title in (("io", "I/O-bound"), ("cpu", "CPU-bound (%d hash rounds per page)" % st["cpu_rounds"])):
        doc.heading(3, title)
        rows = []
        for form in own_forms:
            row = [form]
            for i in interps:
                sel = [r for r in runs if r["form"] == form and r["case"] == case and r["interpreter"] == i
                       and r["status"] == "ok"]
                if not sel:
                    row.append("—")
                    continue
                med, lo, hi = median_spread([r["wall_s"] for r in sel])
                row.append("%.3f (%.3f–%.3f) · %.2f cpu · %s MiB" % (
                    med, lo, hi, statistics.median(r["cpu_s"] for r in sel), rss_mib(sel)))
            rows.append(row)
        doc.table(["form"] + interps, rows)
    if seed_forms:
        seed_section(doc, fetch, interps, seed_forms)
    bad = [r for r in runs if r["status"] != "ok"]
    if bad:
        doc.para("Fetch runs left out: " + "; ".join("%s %s %s rep %d: %s" % (
            r["form"], r["case"], r["interpreter"], r["rep"] + 1, r["status"]) for r in bad[:20]) + ".")


def seed_section(doc, fetch, interps, forms):
    """The seed's own eight forms (bench/workloads/seed_fetch.py): median
    wall time per interpreter, beside that interpreter's sequential time
    and the ideal (one delay)."""
    st = fetch["settings"]
    doc.heading(3, "The seed's eight forms, as written (I/O-bound)")
    doc.para("The seed's case study code itself (bench/workloads/seed_fetch.py): requests.get in the sequential, "
             "process and thread forms, aiohttp in the coroutine forms — gillab's subsets of both on every "
             "interpreter alike (bench/clientlibs) — with the seed's own worker counts: a Process per page, "
             "Pool() and ProcessPoolExecutor() one worker per CPU (%s here), ThreadPoolExecutor() min(32, CPUs + 4). "
             "coroutine2 and coroutine3 run in CPython 3.11's form (map(asyncio.ensure_future, ...)): as written "
             "they pass bare coroutines to asyncio.wait, which 3.11 refuses (tests/seed checks gillab does too). "
             "Whole process, start-up included. Per cell: median wall s over %d runs, and in brackets the speed-up "
             "over the same interpreter's sequential form. The ideal is one delay: %.3f s; sequential is about "
             "%d delays." % (fetch["machine"].get("cores", "?"), st["reps"], st["delay_ms"] / 1000.0, st["pages"]))
    runs = fetch["runs"]

    def median_of(form, interp):
        sel = [r["wall_s"] for r in runs if r["form"] == form and r["case"] == "io" and r["interpreter"] == interp
               and r["status"] == "ok"]
        return statistics.median(sel) if sel else None
    rows = []
    for form in forms:
        row = [form[len("seed_"):]]
        for i in interps:
            m, base = median_of(form, i), median_of("seed_sequential", i)
            if m is None:
                row.append("—")
            elif form == "seed_sequential" or not base:
                row.append("%.3f" % m)
            else:
                row.append("%.3f (%.1f×)" % (m, base / m))
        rows.append(row)
    doc.table(["form"] + interps, rows)


def conflict_section(doc, stm_runs, reps):
    """PyPy-STM's conflict report: for every program and thread count whose
    runs aborted, the source lines, object types and causes of the most
    aborts (pyvm-stm --stats "conflicts", its ten largest sites a run)."""
    stm_runs = [r for r in stm_runs if "conflicts" in r["stats"]]
    if not stm_runs:
        return  # a sweep from before the conflict report existed
    groups = {}
    for r in stm_runs:
        # (serial pyvm-stm and its concurrent mode apart)
        groups.setdefault((r["suite"], r["program"], r["threads"], r["interpreter"]), []).append(r["stats"])

    def key(c):  # a site as the table names it (the file by its base name)
        return os.path.basename(c.get("file", "")), c.get("line", 0), c.get("type", ""), c.get("cause", "")

    rows = []
    for (suite, program, threads, interp), sel in sorted(groups.items()):
        if not any(s["conflicts"] for s in sel):
            continue
        keys = {key(c) for s in sel for c in s["conflicts"]}
        # per run, the sum of its entries a site names (0 if it lists none)
        sites = {k: [sum(c.get("aborts", 0) for c in s["conflicts"] if key(c) == k) for s in sel] for k in keys}
        top = sorted(sites.items(), key=lambda kv: (-statistics.median(kv[1]), kv[0]))[:5]
        for (file, line, type_name, cause), counts in top:
            rows.append([program, interp, str(threads), "%s:%d" % (file, line), type_name or "–", cause,
                         "%.0f" % statistics.median(counts), "%d–%d" % (min(counts), max(counts))])
    if not rows:
        doc.para("Conflict report: no pyvm-stm run of this sweep aborted a transaction, so the conflict "
                 "report (the source lines, object types and causes of the most aborts) is empty.")
        return
    doc.para("Conflict report (PyPy-STM's): for every program, interpreter and thread count whose runs aborted, the five "
             "sites with most aborts — the source line the innermost frame was at when the abort was decided, "
             "the type of the object involved (none at a commit point), and the cause; median and range "
             "over %d runs." % reps)
    doc.table(["program", "interpreter", "threads", "line", "object type", "cause", "aborts (median)", "range"], rows)


class Doc:
    """Markdown and HTML built side by side from the same calls."""

    def __init__(self):
        self.md = []
        self.html = []

    def heading(self, level, text):
        self.md.append("#" * level + " " + text + "\n")
        self.html.append("<h%d>%s</h%d>" % (level, html.escape(text), level))

    def para(self, text):
        self.md.append(text + "\n")
        self.html.append("<p>%s</p>" % html.escape(text))

    def table(self, header, rows):
        self.md.append("| " + " | ".join(header) + " |")
        self.md.append("|" + "|".join("---" for _ in header) + "|")
        for r in rows:
            self.md.append("| " + " | ".join(str(c) for c in r) + " |")
        self.md.append("")
        out = ["<table><tr>" + "".join("<th>%s</th>" % html.escape(str(h)) for h in header) + "</tr>"]
        for r in rows:
            out.append("<tr>" + "".join("<td>%s</td>" % html.escape(str(c)) for c in r) + "</tr>")
        out.append("</table>")
        self.html.append("\n".join(out))

    def figure(self, path, caption):
        self.md.append("![%s](%s)\n" % (caption, path))
        self.md.append("*%s*\n" % caption)
        self.html.append('<figure><img src="%s" alt="%s"><figcaption>%s</figcaption></figure>' %
                         (html.escape(path), html.escape(caption), html.escape(caption)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "latest"))
    ap.add_argument("--fetch", help="bench/fetch.py's JSON: the fetch case study's section")
    args = ap.parse_args()
    with open(args.results) as f:
        data = json.load(f)
    os.makedirs(os.path.join(args.out, "figures"), exist_ok=True)
    try:
        import matplotlib
        matplotlib.use("svg")
        import matplotlib.pyplot as plt
        matplotlib.rcParams["svg.hashsalt"] = "gillab"  # reproducible SVG ids
    except ImportError:
        plt = None

    runs = data["runs"]
    interps = list(data["interpreters"])
    order = ["python3", "pypy3"] + sorted(i for i in interps if i not in ("python3", "pypy3"))
    interps = [i for i in order if i in data["interpreters"]]
    reps = data["reps"]

    def walls(program, interp, threads):
        return [r["wall_s"] for r in runs if r["program"] == program and r["interpreter"] == interp and
                r["threads"] == threads and r["status"] == "ok"]

    doc = Doc()
    m = data["machine"]
    doc.heading(1, "gillab: interpreters and back-ends side by side")
    # (Sweeps before "finished" was recorded took their machine and their
    # "created" at the end.)
    doc.para("Sweep of %s%s (%s mode), commit %s, build %s. Machine: %s, %s cores, %.1f GiB, kernel %s, load average "
             "at start %s." % (data["created"], " to %s" % data["finished"] if "finished" in data else "",
                               data["mode"], data["commit"], data["build_dir"], m.get("cpu", "?"),
                               m.get("cores"), m.get("memory_kib", 0) / 1048576, m.get("kernel"),
                               ", ".join("%.2f" % x for x in m.get("load_average_at_start", []))))
    capacity = m.get("parallel_capacity")
    if capacity:  # sweeps before it was measured have none
        a, b = capacity["start"], capacity["end"]
        doc.para("What the machine gave in parallel: %d CPU-bound processes at once ran at %.2f× the speed of one "
                 "alone before the sweep and %.2f× after it (ideal %d×; median of %d; a shared VM's second core "
                 "is not always a whole core). No scaling figure below can rise above it." %
                 (a["processes"], a["speedup"], b["speedup"], a["processes"], a["reps"]))
    counters = data.get("hardware_counters")
    if not isinstance(counters, dict):  # sweeps before the counters existed stored a sentence
        counters = {"method": "none", "why": counters or "not collected", "runs": []}
    doc.para("Every number is the median of %d runs of a separate process (repetitions interleaved across "
             "interpreters), with the spread (min–max) beside it; runs that failed, timed out or printed another "
             "checksum than CPython are left out and listed at the end. Peak RSS is GNU time's. Counters "
             "(instructions, cache misses): %s — %s." % (reps, counters["method"], counters["why"]))
    doc.table(["interpreter", "version", "command"],
              [[i, data["interpreters"][i].get("version", ""), " ".join(os.path.basename(c) if n == 0 else c
                                                                         for n, c in enumerate(data["interpreters"][i]["cmd"]))]
               for i in interps])

    # ---- single-thread speed ----
    programs = []
    for r in runs:
        if r["threads"] == 1 and r["program"] not in programs:
            programs.append(r["program"])
    # Interpreters the sweep ran on the single-thread programs (the GIL
    # variants legacy and fair run only the thread workloads).
    speed_ran = {r["interpreter"] for r in runs if r["suite"] == "speed"}
    single = [i for i in interps if not speed_ran or i in speed_ran]
    doc.heading(2, "Single-thread speed relative to CPython")
    doc.para("Wall time of one thread, median of %d runs (seconds), and CPython's time divided by the "
             "interpreter's (above 1: faster than CPython). The last row is the geometric mean of the ratios.%s"
             % (reps, "" if single == interps else " Not shown: %s — variants that differ from their interpreter "
                "only when threads run (pyvm-gil's GIL variants, pyvm-stm's concurrent mode), so the sweep runs "
                "them on the thread workloads only."
                % ", ".join(i for i in interps if i not in single)))
    header = ["program"] + single
    rows = []
    ratios = {i: [] for i in single}
    for p in programs:
        base = median_spread(walls(p, "python3", 1))[0]
        row = [p]
        for i in single:
            med, lo, hi = median_spread(walls(p, i, 1))
            if med is None:
                row.append("—")
                continue
            ratio = base / med if base else None
            if ratio:
                ratios[i].append(ratio)
            row.append("%s s (%s–%s) ×%.2f" % (fmt_s(med), fmt_s(lo), fmt_s(hi), ratio) if ratio else fmt_s(med))
        rows.append(row)
    rows.append(geomean_row(ratios.values(), 2))
    doc.table(header, rows)
    if plt:
        fig, ax = plt.subplots(figsize=(7, 3.5))
        names = [i for i in single if ratios[i]]
        ax.bar(names, [geomean(ratios[i]) for i in names], color="#4878a8")
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.set_ylabel("speed relative to CPython (geomean)")
        ax.set_title("Single-thread speed, %d programs" % len(programs))
        plt.setp(ax.get_xticklabels(), rotation=20, ha="right")
        fig.tight_layout()
        fig.savefig(os.path.join(args.out, "figures", "single_thread.svg"))
        plt.close(fig)
        doc.figure("figures/single_thread.svg", "Geometric mean of CPython time / interpreter time over the "
                   "single-thread runs (median of %d runs each)." % reps)

    # ---- what synchronisation costs one thread ----
    others = [i for i in single if i.startswith("pyvm-") and i != "pyvm-gil"]
    if "pyvm-gil" in single and others:
        doc.heading(2, "Single-thread overhead against pyvm-gil")
        doc.para("The same VM with another back-end, one thread: median wall time divided by pyvm-gil's (below 1: "
                 "faster than the GIL build; what the back-end's synchronisation costs when nothing runs beside "
                 "it). Medians of %d runs; the last row is the geometric mean." % reps)
        rows = []
        ratios = {i: [] for i in others}
        for p in programs:
            gil = median_spread(walls(p, "pyvm-gil", 1))[0]
            row = [p]
            for i in others:
                med = median_spread(walls(p, i, 1))[0]
                if med is None or not gil:
                    row.append("—")
                    continue
                ratios[i].append(med / gil)
                row.append("×%.3f" % (med / gil))
            rows.append(row)
        rows.append(geomean_row(ratios.values(), 3))
        doc.table(["program"] + others, rows)

    # ---- scaling ----
    workloads = sorted({r["program"] for r in runs if r["suite"] == "workload"})
    threads = data["threads"]
    doc.heading(2, "Scaling with threads")
    doc.para("Each workload does the same total work at every thread count (split evenly), so the speed-up is "
             "the 1-thread wall time divided by the N-thread one; 1 would be no gain, N perfect scaling. Medians "
             "of %d runs." % reps)
    for w in workloads:
        doc.heading(3, w)
        rows = []
        curves = {}
        for i in interps:
            base = median_spread(walls(w, i, 1))[0]
            row = [i]
            curve = []
            for t in threads:
                med, lo, hi = median_spread(walls(w, i, t))
                if med is None:
                    row.append("—")
                    continue
                speedup = base / med if base else None
                row.append("%s s (%s–%s)%s" % (fmt_s(med), fmt_s(lo), fmt_s(hi),
                                               " ×%.2f" % speedup if speedup else ""))
                if speedup:
                    curve.append((t, speedup))
            rows.append(row)
            if len(curve) > 1:
                curves[i] = curve
        doc.table(["interpreter"] + ["%d thread%s" % (t, "" if t == 1 else "s") for t in threads], rows)
        if plt and curves:
            fig, ax = plt.subplots(figsize=(6, 3.8))
            ax.plot(threads, threads, linestyle=":", color="grey", label="ideal")
            for i, c in curves.items():
                ax.plot([t for t, _ in c], [s for _, s in c], marker="o", label=i)
            ax.set_xlabel("threads")
            ax.set_ylabel("speed-up over 1 thread")
            ax.set_xticks(threads)
            ax.set_title(w)
            ax.legend(fontsize=8)
            fig.tight_layout()
            fig.savefig(os.path.join(args.out, "figures", "scaling_%s.svg" % w))
            plt.close(fig)
            doc.figure("figures/scaling_%s.svg" % w, "%s: speed-up against threads (median of %d runs; "
                       "dotted: ideal). The machine has %s cores." % (w, reps, m.get("cores")))

    # ---- the convoy ----
    convoy = [r for r in runs if r["suite"] == "latency" and r["status"] == "ok" and r.get("latency")]
    if convoy:
        doc.heading(2, "The convoy effect: wake-up latency next to a CPU-bound thread")
        wake = next(r["args"][0] for r in convoy)
        doc.para("bench/threads/convoy.py: a thread sleeps 1 ms %s times and records how late it wakes up, first "
                 "alone, then while another thread runs a CPU-bound loop (bpo-7946: with CPython's new GIL the "
                 "sleeper waits for the CPU-bound thread's next forced switch, up to one switch interval, 5 ms). "
                 "Milliseconds; per run the median and 99th percentile of the wake-ups, then the median (min–max) "
                 "of those over %d runs." % (wake, reps))
        rows = []
        for i in interps:
            sel = [r["latency"] for r in convoy if r["interpreter"] == i]
            if not sel:
                continue
            row = [i]
            for phase in ("alone", "cpu_thread"):
                for stat in ("median_ms", "p99_ms"):
                    med, lo, hi = median_spread([x[phase][stat] for x in sel])
                    row.append("%.2f (%.2f–%.2f)" % (med, lo, hi))
            rows.append(row)
        doc.table(["interpreter", "alone: median", "alone: p99", "next to CPU thread: median",
                   "next to CPU thread: p99"], rows)

    # ---- the fetch case study (bench/fetch.py's own JSON) ----
    if args.fetch:
        with open(args.fetch) as f:
            fetch_section(doc, json.load(f), order)

    # ---- CPU and memory ----
    doc.heading(2, "CPU time and peak memory")
    doc.para("CPU time (user + system, all threads) over wall time at the largest thread count: above 1 means "
             "threads ran in parallel; peak resident set size of the process. Medians of %d runs." % reps)
    rows = []
    tmax = max(threads)
    for w in workloads:
        for i in interps:
            sel = [r for r in runs if r["program"] == w and r["interpreter"] == i and r["threads"] == tmax and
                   r["status"] == "ok"]
            if not sel:
                continue
            rows.append([w, i, "%.2f" % statistics.median(r["cpu_s"] / r["wall_s"] for r in sel),
                         rss_mib(sel)])
    doc.table(["workload (%d threads)" % tmax, "interpreter", "CPU / wall", "peak RSS (MiB)"], rows)

    # ---- GIL statistics ----
    def switch_stats(s):
        """The GIL's switch statistics: pyvm-gil's own, or pyvm-stm's transaction token (phase 2a)."""
        if s.get("backend") == "gil":
            return s
        # (stm's concurrent mode holds no token while transactions run)
        return s.get("token") if s.get("backend") == "stm" and s.get("serial", True) else None

    gil_runs = [r for r in runs if r.get("stats") and switch_stats(r["stats"])]
    if gil_runs:
        doc.heading(2, "GIL statistics")
        doc.para("From pyvm-gil's --stats, at the largest thread count, medians of %d runs: GIL hand-overs, "
                 "switches forced by a drop request after the switch interval, voluntary ones (blocking "
                 "regions, thread exit), and the total time threads waited for the GIL. pyvm-stm's rows are "
                 "its transaction token's: the same lock, handed over only between two transactions "
                 "(its serial mode; pyvm-stm-concurrent runs transactions at once and has no token rows)."
                 % reps)
        rows = []
        for w in workloads:
            for i in interps:
                sel = [switch_stats(r["stats"]) for r in gil_runs if r["program"] == w and r["interpreter"] == i and
                       r["threads"] == tmax]
                if not sel:
                    continue
                med = lambda f: statistics.median(f(s) for s in sel)
                rows.append([w, i, "%.0f" % med(lambda s: s["switches"].get("holder_changes", 0)),
                             "%.0f" % med(lambda s: s["switches"].get("forced", 0)),
                             "%.0f" % med(lambda s: s["switches"].get("voluntary", 0)),
                             "%.0f" % med(lambda s: s.get("drop_requests", 0)),
                             "%.3f" % (med(lambda s: s["wait"].get("total_us", 0)) / 1e6)])
        doc.table(["workload (%d threads)" % tmax, "interpreter", "hand-overs", "forced", "voluntary",
                   "drop requests", "wait (s)"], rows)

    # ---- counters ----
    counted = [r for r in counters.get("runs", []) if r.get("counts")]
    if counted:
        doc.heading(2, "Instructions and cache misses (single thread)")
        if counters["method"] == "cachegrind":
            how = ("cachegrind's counts (valgrind --tool=cachegrind --cache-sim=yes): instructions executed, and "
                   "misses in its simulated first-level data cache (D1) and last-level cache (LL); one run each, "
                   "as the counts repeat exactly")
        else:
            how = "perf stat's hardware counters, one run each"
        doc.para("The class-heavy programs at reduced sizes (arguments in the table), %s. The ratio is to "
                 "pyvm-gil's instructions: what a back-end's synchronisation adds to the same work." % how)
        base = {r["program"]: r["counts"].get("instructions") for r in counted if r["interpreter"] == "pyvm-gil"}
        rows = []
        for r in sorted(counted, key=lambda r: (r["program"], interps.index(r["interpreter"])
                                                 if r["interpreter"] in interps else 99)):
            c = r["counts"]
            ins = c.get("instructions")
            rows.append([r["program"] + " " + " ".join(r["args"]), r["interpreter"],
                         "%.0f" % (ins / 1e6) if ins else "–",
                         "×%.2f" % (ins / base[r["program"]]) if ins and base.get(r["program"]) else "–",
                         "%.0f" % (c["d1_misses"] / 1e3) if "d1_misses" in c else
                         ("%.0f" % (c["cache-misses"] / 1e3) if "cache-misses" in c else "–"),
                         "%.1f" % (c["ll_misses"] / 1e3) if "ll_misses" in c else "–"])
        doc.table(["program", "interpreter", "instructions (M)", "vs pyvm-gil", "D1 misses (K)", "LL misses (K)"],
                  rows)

    # ---- fine back-end statistics ----
    fine_runs = [r for r in runs if r.get("stats") and r["stats"].get("backend") == "fine"]
    if fine_runs:
        doc.heading(2, "Per-object locks and reference counts (fine)")
        doc.para("From pyvm-fine-*'s --stats, at the largest thread count, medians of %d runs: critical "
                 "sections that found their object locked by another thread (contended), sections "
                 "suspended (by contention or a blocking region), threads parked on a per-object lock; "
                 "for biased counting, objects whose owner's count reached zero while other threads "
                 "still counted (merged), and objects queued to their owner because another thread "
                 "dropped the last reference it had counted; waits by type: the object types whose "
                 "lock a thread waited for (median count per type, the three largest)." % reps)
        rows = []
        for w in workloads:
            for i in interps:
                sel = [r["stats"] for r in fine_runs if r["program"] == w and r["interpreter"] == i and
                       r["threads"] == tmax]
                if not sel:
                    continue
                med = lambda key: "%.0f" % statistics.median(s.get(key, 0) for s in sel)
                biased = sel[0].get("refcount") == "biased"
                by_type = {}
                for s in sel:
                    for name in s.get("lock_waits_by_type", {}):
                        by_type[name] = statistics.median(x.get("lock_waits_by_type", {}).get(name, 0) for x in sel)
                top = sorted(by_type.items(), key=lambda kv: -kv[1])[:3]
                waits = ", ".join("%s %.0f" % (name, n) for name, n in top if n) or "–"
                rows.append([w, i, med("contended_sections"), med("suspensions"), med("parks"),
                             med("zero_local_merges") if biased else "–", med("queued") if biased else "–",
                             waits])
        doc.table(["workload (%d threads)" % tmax, "interpreter", "contended", "suspended", "parks",
                   "merged", "queued", "waits by type"], rows)

    # ---- stm back-end statistics ----
    stm_runs = [r for r in runs if r["suite"] == "speed" and r.get("stats") and r["stats"].get("backend") == "stm"]
    if stm_runs:
        doc.heading(2, "Transactions (stm)")
        phase = stm_runs[0]["stats"].get("phase")
        doc.para("From pyvm-stm's --stats on the single-thread programs, medians of %d runs "
                 "(interp/src/runtime/transaction.hpp): transactions run, the share that ended at the "
                 "safepoint where they were long enough (the rest ended when the frame that began them "
                 "returned, before a free an abort could not undo, before a write to a container too big to "
                 "copy, or before irrevocable work such as output), safepoints per transaction, undo images saved (the first write to an object "
                 "older than the transaction), objects made inside transactions, old numbers and strings whose "
                 "free waited for the commit (nothing can observe when they die) and old objects whose "
                 "reference count was saved for undo (once per transaction; results before 2026-12-02 "
                 "logged every change).%s" % (reps, " Phase %s: one thread, so no conflicts and no aborts "
                 "but the stress switch's (the golden suite's stmstress tests)." % phase if phase == 1 else
                 " Phase 2a: threads run one transaction at a time (a token handed over between "
                 "transactions), so there are no conflicts and no aborts but the stress switch's; the "
                 "threaded workloads' transactions are in the table after this one." if phase == 2 else ""))
        rows = []
        for w in [p for p in programs if any(r["program"] == p for r in stm_runs)]:
            sel = [r["stats"] for r in stm_runs if r["program"] == w]
            med = lambda key, fmt="%.0f": fmt % statistics.median(s.get(key, 0) for s in sel)
            at_length = statistics.median(
                (s.get("commits", 0) - s.get("commits_at_frame_exit", 0) - s.get("commits_irrevocable", 0) -
                 s.get("commits_before_a_free", 0) - s.get("commits_before_a_big_write", 0)) /
                max(1, s.get("commits", 0)) for s in sel)
            rows.append([w, med("transactions"), "%.0f%%" % (100 * at_length), med("safepoints_per_commit", "%.1f"),
                         med("undo_images"), med("objects_made"), med("freed_at_commit"),
                         "%.0f" % statistics.median(s.get("counts_saved", s.get("logged_count_changes", 0))
                                                    for s in sel)])
        doc.table(["program", "transactions", "ended at length", "safepoints / tx", "undo images",
                   "objects made", "freed at commit", "counts saved"], rows)
        threaded = [r for r in runs if r["suite"] == "workload" and r.get("stats") and
                    r["stats"].get("backend") == "stm" and r["threads"] == tmax]
        if threaded:
            doc.para("The threaded workloads on pyvm-stm at %d threads, medians of %d runs: transactions, the "
                     "share that ended before irrevocable work (a lock acquire that waits, a release of a lock taken before the transaction, output, blocking calls, atomic "
                     "blocks' entry and exit) and before a write to a container too big to copy (a store to an "
                     "existing key of such a dict saves that entry alone; other writes to it commit first), safepoints per transaction, aborts (of which conflicts), the "
                     "safepoints a re-execution was given (after a conflict a sixteenth short of where its attempt "
                     "aborted, after a stress switch's abort the whole length), how often a fresh transaction's "
                     "length was halved by a conflict (it grows by an eighth after each that ran its whole length, "
                     "between -X stm_length and -X stm_length_max; results before 2026-12-05 had a fixed length: —), "
                     "hand-overs of the transaction token (serial mode) and irrevocable runs (concurrent mode, "
                     "pyvm-stm-concurrent: -X stm_concurrent=1)." % (tmax, reps))
            rows = []
            for w, i in [(w, i) for w in workloads for i in interps]:
                sel = [r["stats"] for r in threaded if r["program"] == w and r["interpreter"] == i]
                if not sel:
                    continue
                med = lambda f, fmt="%.0f": fmt % statistics.median(f(x) for x in sel)
                rows.append([w, i, med(lambda x: x.get("transactions", 0)),
                             med(lambda x: 100.0 * x.get("commits_irrevocable", 0) / max(1, x.get("commits", 0)),
                                 "%.0f%%"),
                             med(lambda x: 100.0 * x.get("commits_before_a_big_write", 0) / max(1, x.get("commits", 0)),
                                 "%.0f%%"),
                             med(lambda x: x.get("safepoints_per_commit", 0), "%.1f"),
                             med(lambda x: sum(x.get("aborts", {}).values())),  # by cause: they sum
                             med(lambda x: x.get("aborts", {}).get("conflict", 0)),
                             # (no "retries" before 2026-12-04: a retry ran the whole length)
                             med(lambda x: x.get("retries", {}).get("mean_length", 0), "%.1f")
                             if any(x.get("retries", {}).get("count") for x in sel) else "—",
                             med(lambda x: x["lengths"]["halved"]) if all("lengths" in x for x in sel) else "—",
                             med(lambda x: x.get("token", {}).get("switches", {}).get("holder_changes", 0)
                                 if x.get("serial", True) else 0),
                             med(lambda x: x.get("irrevocable", {}).get("runs", 0))])
            doc.table(["workload (%d threads)" % tmax, "interpreter", "transactions", "before irrevocable work",
                       "before a big write", "safepoints / tx", "aborts", "conflicts", "retry length", "length halved",
                       "token hand-overs",
                       "irrevocable runs"], rows)
    conflict_section(doc, [r for r in runs if r.get("stats") and r["stats"].get("backend") == "stm"], reps)

    # ---- the cycle collector ----
    gc_runs = [r for r in runs if r["suite"] == "speed" and r.get("stats") and r["stats"].get("gc")]
    if gc_runs:
        doc.heading(2, "The cycle collector (single-thread programs)")
        doc.para("From each pyvm's --stats (interp/src/runtime/gc.hpp: CPython's trial deletion, two "
                 "generations, run at safepoints; under fine with the world stopped), medians of %d runs: "
                 "young and full collections, objects they found unreachable and freed, the total and the "
                 "longest pause, and the objects still tracked at exit." % reps)
        rows = []
        for w in [p for p in programs if any(r["program"] == p for r in gc_runs)]:
            for i in single:
                sel = [r["stats"]["gc"] for r in gc_runs if r["program"] == w and r["interpreter"] == i]
                if not sel:
                    continue
                med = lambda key, scale=1.0, fmt="%.0f": fmt % statistics.median(g.get(key, 0) * scale for g in sel)
                rows.append([w, i, med("young_collections"), med("full_collections"), med("collected"),
                             med("pause_seconds", 1000.0, "%.1f"), med("max_pause_seconds", 1000.0, "%.2f"),
                             med("tracked")])
        doc.table(["program", "interpreter", "young", "full", "collected", "pauses (ms)", "longest (ms)",
                   "tracked at exit"], rows)

    # ---- micro benchmarks ----
    micro = {k: v for k, v in data.get("micro", {}).items() if v.get("json")}
    if micro:
        doc.heading(2, "Micro benchmarks")
        first = next(iter(micro.values()))["json"]
        doc.para("Google Benchmark, run once by the sweep (%s): each cell the median of %d repetitions, with the "
                 "spread (min–max). The C++ libraries under the VM on their own: locks/, the lock-free structures "
                 "and reclamation schemes, stm/ against locks and TBB, and the reference-counting policies of the "
                 "fine back-end." % (micro_tables.context_line(first), micro_tables.repetitions(first)))
        for suite in micro_tables.SUITES:
            if suite not in micro:
                continue
            for t in micro_tables.tables(suite, micro[suite]["json"], threads):
                doc.heading(3, t["title"])
                if t["note"]:
                    doc.para(t["note"])
                doc.table(t["header"], t["rows"])

    # ---- failures ----
    bad = [r for r in runs if r["status"] != "ok"]
    doc.heading(2, "Runs left out")
    bad_micro = [(k, v) for k, v in data.get("micro", {}).items() if v.get("status") != "ok"]
    for k, v in bad_micro:
        doc.para("Micro benchmarks bench_%s: %s (%s)." % (k, v.get("status"), (v.get("stderr_tail") or "").strip()[-200:]))
    if not bad:
        doc.para("None: every run exited 0 and printed CPython's checksum (the convoy runs: their two timing lines).")
    else:
        doc.table(["program", "interpreter", "threads", "rep", "status", "last line of stderr"],
                  [[r["program"], r["interpreter"], r["threads"], r["rep"] + 1, r["status"],
                    (r.get("stderr_tail") or "").strip().splitlines()[-1:][0][:120]
                    if (r.get("stderr_tail") or "").strip() else ""] for r in bad])
    if not plt:
        doc.para("Figures skipped: matplotlib is not installed (scripts/setup.sh --report installs it).")

    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write("\n".join(doc.md) + "\n")
    with open(os.path.join(args.out, "report.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><meta charset='utf-8'><title>gillab report</title><style>"
                "body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse;"
                "margin:1em 0}td,th{border:1px solid #aaa;padding:0.2em 0.6em;text-align:right}"
                "td:first-child{text-align:left}</style></head><body>\n" + "\n".join(doc.html) + "\n</body></html>\n")
    print("report: %s (and report.html, figures/)" % os.path.join(args.out, "report.md"))


if __name__ == "__main__":
    main()
