#!/usr/bin/env python3
"""Benchmarks `tether sessions` and `tether search` at real scale, interleaved with grep.

    scripts/bench/find.py [--dir DIR] [--sessions 20000] [--lines 13] [--reps 5]
                          [--terms zebracorn,kelvin,npm run build] [--out FILE.json] [--keep]

The tree (a Claude data dir of SESSIONS sessions holding every line type, with their subagents; about
600 MB of transcripts in 40,000 files at the defaults) is made by FindTree.java from the jar's sample data generator, once, under
DIR, and read into the page cache before timing: both contestants read from memory.

  search    `grep -rFic TERM projects/` vs `tether search TERM --limit 0`, per term; grep counts, tether
            finds every hit and prints it, so tether does more work for a common term
  sessions  `tether sessions` with the summary cache warm (the usual call), and cold (the cache deleted
            before each run: the first call ever)

Each repetition runs the contestants one after the other (grep, tether, grep, tether, ...) and records
wall time, user+system CPU time and peak RSS (/usr/bin/time). The native binary target/tether is
measured when it exists, else the jar. Prints medians and the ratio to grep; --out writes every run.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def log(msg):
    print("[find-bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def timed(cmd, env, ok=(0, 1)):
    """Wall seconds, CPU seconds (user + system) and peak RSS in KiB of one run; output discarded."""
    stats = os.path.join(os.environ.get("TMPDIR", "/tmp"), "find-bench-time-%d" % os.getpid())
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", stats] + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode not in ok:
        raise RuntimeError("%s exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.decode()[-2000:]))
    with open(stats) as f:
        user, system, rss = f.read().split()[-3:]
    return {"wall": round(wall, 4), "cpu": round(float(user) + float(system), 3), "rss": int(rss)}


def tether_cmd(args):
    native = os.path.join(ROOT, "target", "tether")
    if not args.jar_only and os.path.isfile(native) and os.access(native, os.X_OK):
        return "tether (native)", [native]
    return "tether (jar)", ["java", "-jar", os.path.join(ROOT, "target", "tether.jar")]


def warm(path):
    for base, _, files in os.walk(path):
        for name in files:
            with open(os.path.join(base, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def contest(reps, contestants):
    out = {name: [] for name, _, _ in contestants}
    for r in range(reps):
        for name, cmd, before in contestants:
            if before:
                before()
            run = timed(cmd, env=ENV)
            out[name].append(run)
            log("  rep %d %-32s %7.3f s wall %7.3f s cpu %7.1f MiB" % (r + 1, name, run["wall"], run["cpu"], run["rss"] / 1024))
    return out


def median(runs, key):
    return statistics.median(r[key] for r in runs)


ENV = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "TZ": "UTC"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default="/var/tmp/tether-find-bench")
    ap.add_argument("--sessions", type=int, default=20000)
    ap.add_argument("--lines", type=int, default=13)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--terms", default="zebracorn,kelvin,npm run build")
    ap.add_argument("--jar-only", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--keep", action="store_true", help="keep the tree for the next run")
    args = ap.parse_args()

    claude = os.path.join(args.dir, "claude")
    state = os.path.join(args.dir, "state")
    if not os.path.isdir(claude):
        log("generating %d sessions under %s" % (args.sessions, claude))
        subprocess.run(["java", "-cp", os.path.join(ROOT, "target", "tether.jar"), os.path.join(ROOT, "scripts", "bench", "FindTree.java"),
                        claude, str(args.sessions), str(args.lines)], check=True)
    projects = os.path.join(claude, "projects")
    size = sum(os.path.getsize(os.path.join(b, f)) for b, _, fs in os.walk(projects) for f in fs)
    files = sum(len(fs) for _, _, fs in os.walk(projects))
    log("%d files, %.0f MB; reading them into the page cache" % (files, size / 1e6))
    warm(projects)
    name, tether = tether_cmd(args)
    base = tether + ["--claude-dir", claude, "--state-dir", state]
    results = {"tree": {"files": files, "bytes": size, "sessions": args.sessions}, "tether": name, "search": {}, "sessions": {}}

    for term in [t for t in args.terms.split(",") if t]:
        log("search '%s'" % term)
        results["search"][term] = contest(args.reps, [("grep -rFic", ["grep", "-rFic", term, projects], None),
                                                     (name + " search", base + ["search", term, "--limit", "0"], None)])
    cache = os.path.join(state, "cache")
    log("sessions")
    subprocess.run(base + ["sessions"], env=ENV, stdout=subprocess.DEVNULL, check=True)
    results["sessions"] = contest(args.reps, [(name + " sessions (cache warm)", base + ["sessions"], None),
                                             (name + " sessions (cache cold)", base + ["sessions"],
                                              lambda: shutil.rmtree(cache, ignore_errors=True))])
    for term, runs in results["search"].items():
        g, t = runs["grep -rFic"], runs[name + " search"]
        print("search %-16s grep %6.3f s  tether %6.3f s  ratio %.2f  (cpu %.3f vs %.3f)  tether peak %.0f MiB" % (
            "'" + term + "'", median(g, "wall"), median(t, "wall"), median(t, "wall") / median(g, "wall"), median(g, "cpu"),
            median(t, "cpu"), max(r["rss"] for r in t) / 1024))
    for label, runs in results["sessions"].items():
        print("%-40s %6.3f s wall  %6.3f s cpu  peak %.0f MiB" % (label, median(runs, "wall"), median(runs, "cpu"),
                                                                  max(r["rss"] for r in runs) / 1024))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)
    if not args.keep:
        shutil.rmtree(args.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
