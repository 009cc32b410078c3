#!/usr/bin/env python3
"""Turns results of run.py into Markdown tables and an SVG chart of time against tree size.

    scripts/bench/report.py small.json large.json resolve.json [--svg docs/benchmarks.svg]

The files are merged (e.g. one run per tree size). Prints Markdown to stdout: per benchmark and size
the median wall time of every contestant, tether's ratio to each reference tool, and the peak RSS;
and, when a run measured the builds before and after a change (run.py --jar 'tether before
(jar)=...' --jar 'tether (jar)=...'), each build's speed-up over the first. Ratios are medians over medians of one run,
whose contestants ran interleaved, so a tool and tether always met the same machine load.
"""
import argparse
import json
import statistics

# benchmark -> (reference tools for the ratio, in order of importance)
REFERENCES = {
    "setup-same": ["mv"],
    "setup-cross": ["rsync -a", "cp -a", "mv"],
    "verify": ["find -name '*conflict*'"],
    "unlink": ["cp -a", "cp -a && sync -f"],
    "resolve": ["sort -m -k (ts) | uniq", "sort -m -k (ts) | uniq && sync", "sort -m"],
    "backup-first": ["tar -czf"],
    "backup-nochange": ["rsync -a (up to date)"],
    "backup-incremental": [],
    "hook": ["true"],
}
TITLES = {
    "setup-same": "setup, one device (a rename)",
    "setup-cross": "setup across devices (disk to tmpfs), verification included",
    "verify": "verify over the synced folder",
    "unlink": "unlink (copy back, one device)",
    "resolve": "resolve of two 200 MB histories",
    "backup-first": "first backup into an empty archive",
    "backup-nochange": "backup with nothing new",
    "backup-incremental": "incremental backup after ten sessions grew by 100 KB",
    "hook": "the SessionStart hook (tether hook session-start) over the synced folder",
}
ORDER = ["setup-same", "setup-cross", "verify", "unlink", "resolve", "backup-first", "backup-nochange", "backup-incremental", "hook"]
BEFORE = "tether before (jar)"


def cell(text):
    """A table cell's text: a | would end the cell."""
    return text.replace("|", "\\|")


def load(paths):
    merged = {"sizes": {}, "resolve": None, "machine": None}
    for p in paths:
        with open(p) as f:
            d = json.load(f)
        merged["machine"] = merged["machine"] or d.get("machine")
        for name, size in d.get("sizes", {}).items():
            target = merged["sizes"].setdefault(name, {"bytes": size["bytes"], "files": size["files"], "reps": size["reps"],
                                                        "benchmarks": {}})
            target["benchmarks"].update(size["benchmarks"])
        if d.get("resolve"):
            merged["resolve"] = d["resolve"]
    return merged


def runs(side):
    """(benchmark, size name, bytes, files, reps) -> {contestant: {times, rss}}"""
    out = {}
    for name, size in side["sizes"].items():
        for bench, contestants in size["benchmarks"].items():
            if bench in TITLES:
                out[(bench, name)] = (size["bytes"], size["files"], size["reps"], contestants)
    if side.get("resolve"):
        r = side["resolve"]
        reps = len(next(iter(r["contestants"].values()))["times"])
        out[("resolve", "histories")] = (sum(r["bytes"][:2]), 2, reps, r["contestants"])
    return out


def med(xs):
    return statistics.median(xs)


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.1f" % x


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000:
            return "%.0f %s" % (n, unit)
        n /= 1000.0
    return "%.1f TB" % n


def tethers(contestants):
    return [n for n in contestants if n.startswith("tether")]


def table(results):
    data = runs(results)
    keys = sorted(data, key=lambda k: (ORDER.index(k[0]), 2 if k[1] == "histories" else (0 if k[1] == "small" else 1)))
    lines = []
    for key in keys:
        bench, size = key
        nbytes, files, reps, contestants = data[key]
        what = "two files of %s" % human(nbytes // 2) if size == "histories" else "%s, %d files" % (human(nbytes), files)
        lines.append("")
        runs_made = len(next(iter(contestants.values()))["times"])  # the hook runs more often than the size's reps
        lines.append("**%s** (%s; medians of %d interleaved runs)" % (TITLES[bench], what, runs_made))
        lines.append("")
        refs = [r for r in REFERENCES[bench] if r in contestants]
        head = "| contestant | median s | min–max s | peak RSS |" + "".join(" vs %s |" % cell(r) for r in refs)
        lines.append(head)
        lines.append("|---|---:|---:|---:|" + "---:|" * len(refs))
        names = [n for n in contestants if not n.startswith("tether")] + tethers(contestants)
        for n in names:
            t = contestants[n]["times"]
            cells = ["**%s**" % cell(n) if n.startswith("tether") else "`%s`" % cell(n), fmt_s(med(t)),
                     "%s–%s" % (fmt_s(min(t)), fmt_s(max(t))), "%.0f MiB" % (max(contestants[n]["rss"]) / 1024)]
            for r in refs:
                cells.append("%.2f×" % (med(t) / med(contestants[r]["times"])) if n.startswith("tether") else "")
            lines.append("| " + " | ".join(cells) + " |")
        sizes = results["sizes"].get(size, {}).get("benchmarks", {}).get("backup-sizes") if bench == "backup-first" else None
        if sizes:
            lines.append("")
            lines.append("Sizes: the archive's files %s, the tarball %s: %.2f× the tarball's size." % (
                human(sizes["archive"]), human(sizes["tar -czf"]), sizes["archive"] / sizes["tar -czf"]))
            if "archive du -sb" in sizes:
                lines.append("Counting the archive's folders as `du -sb` does (4 KiB each): %s, %.2f×." % (
                    human(sizes["archive du -sb"]), sizes["archive du -sb"] / sizes["tar -czf"]))
        if BEFORE in contestants:
            for after in [n for n in tethers(contestants) if n != BEFORE]:
                lines.append("")
                lines.append("%s / before: %.2f× the time (%.1f× faster), peak RSS %.0f → %.0f MiB" % (
                    after, med(contestants[after]["times"]) / med(contestants[BEFORE]["times"]),
                    med(contestants[BEFORE]["times"]) / med(contestants[after]["times"]),
                    max(contestants[BEFORE]["rss"]) / 1024, max(contestants[after]["rss"]) / 1024))
    return "\n".join(lines)


def svg(results, path):
    """One panel per benchmark that grows with the tree, and setup on one device, which should not:
    time against tree size, log-log."""
    data = runs(results)
    panels = [("setup-same", "setup on one device"), ("setup-cross", "setup across devices"),
              ("unlink", "unlink (copy back)"), ("verify", "verify")]
    pw, ph, left, top = 260, 300, 60, 50
    width, height = left + len(panels) * (pw + 60), 420
    colors = ["#2ca02c", "#9467bd", "#8c564b", "#ff7f0e", "#17becf", "#bcbd22", "#000000"]
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="15">tether against the tools, time against tree size (median wall seconds, log scales)</text>' % left]
    import math
    names = sorted({n for (_, _), (_, _, _, contestants) in data.items() for n in contestants})
    # tether's builds in strong colours, the tools in others: no two lines of one panel share a colour
    builds = [n for n in names if n.startswith("tether")]
    tools = [n for n in names if not n.startswith("tether")]
    strong = ["#d62728", "#1f77b4", "#7f7f7f", "#e377c2"]
    palette = {n: strong[i % len(strong)] for i, n in enumerate(sorted(builds, key=lambda b: ("native" not in b, "before" in b, b)))}
    palette.update({n: colors[i % len(colors)] for i, n in enumerate(tools)})
    for p, (bench, title) in enumerate(panels):
        series = {}
        for (bn, size), (nbytes, files, reps, contestants) in data.items():
            if bn != bench:
                continue
            for n, r in contestants.items():
                series.setdefault(n, []).append((nbytes, med(r["times"])))
        if not series:
            continue
        xs = [x for pts in series.values() for x, _ in pts]
        ys = [y for pts in series.values() for _, y in pts]
        x0, x1 = math.log10(min(xs)) - 0.15, math.log10(max(xs)) + 0.15
        y0, y1 = math.floor(math.log10(max(min(ys), 0.005))), math.ceil(math.log10(max(ys)))
        if y1 == y0:
            y1 += 1
        ox = left + p * (pw + 60)

        def X(v):
            return ox + (math.log10(v) - x0) / (x1 - x0) * pw

        def Y(v):
            return top + ph - (math.log10(max(v, 10 ** y0)) - y0) / (y1 - y0) * ph

        out.append('<text x="%d" y="%d" font-size="13">%s</text>' % (ox, top - 10, title))
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (ox, top, pw, ph))
        for e in range(y0, y1 + 1):
            y = Y(10 ** e)
            out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>' % (ox, y, ox + pw, y))
            out.append('<text x="%d" y="%.1f" text-anchor="end">%s s</text>' % (ox - 4, y + 4, ("%g" % (10 ** e))))
        for x in sorted(set(xs)):
            out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (X(x), top + ph + 16, human(x)))
        for i, (label, pts) in enumerate(sorted(series.items())):
            pts.sort()
            c = palette[label]
            dash = ' stroke-dasharray="5,3"' if "before" in label else ""
            out.append('<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>' % (
                c, dash, " ".join("%.1f,%.1f" % (X(x), Y(y)) for x, y in pts)))
            for x, y in pts:
                out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (X(x), Y(y), c))
            out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>' % (
                ox + 8, top + ph + 30 + 15 * i, ox + 28, top + ph + 30 + 15 * i, c, dash))
            out.append('<text x="%d" y="%d">%s</text>' % (ox + 32, top + ph + 34 + 15 * i, label.replace("&", "&amp;")
                                                          .replace("<", "&lt;")))
    out.append("</svg>")
    height_needed = top + ph + 40 + 15 * 8
    out[0] = out[0].replace('height="%d"' % height, 'height="%d"' % height_needed)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", nargs="+", help="result files of run.py (merged: e.g. one per tree size)")
    ap.add_argument("--svg")
    args = ap.parse_args()
    results = load(args.results)
    print(table(results))
    if args.svg:
        svg(results, args.svg)


if __name__ == "__main__":
    main()
