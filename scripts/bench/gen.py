#!/usr/bin/env python3
"""Generates a synthetic Claude Code data dir of realistic shape, deterministic from a seed.

    gen.py tree OUT --bytes 600M --files 20000 [--seed 1]
        OUT/history.jsonl                      a large prompt history (about 2 % of the bytes), sorted by timestamp
        OUT/projects/<encoded path>/<uuid>.jsonl
                                               session transcripts, 1 KB to 50 MB, log-normal sizes, a few
                                               projects holding most sessions (about 86 % of the bytes, 15 % of the files)
        OUT/file-history/<session uuid>/<hex>@v<n>
                                               many small file snapshots (about 80 % of the files)
        OUT/tasks/<uuid>/<n>.json              small task files
        OUT/settings.json, OUT/.credentials.json  (never moved by tether)

    gen.py histories DIR --bytes 200M [--seed 1]
        DIR/main.jsonl and DIR/copy.jsonl: two prompt histories of about --bytes each, both sorted by a
        strictly increasing timestamp, half of each file's lines shared with the other (the shape of a
        history.jsonl and its sync-conflict copy after two machines wrote it).

File contents are slices of one pool of session-shaped JSONL text, written with large writes, so
6 GB takes about as long as the disk needs to take it.
"""
import argparse
import math
import os
import random
import sys

WORDS = ("the a fix test build run error stack trace function class module import return value "
         "config loader parser token stream merge sort file path link copy verify hash journal sync "
         "folder history session project tether claude resume plan apply rename fsync disk cache "
         "thread buffer channel write read line json schema field option command exit code").split()
PROJECT_ROOTS = ["/home/me/code", "/home/me/work", "/home/me/src", "/srv/repos", "/home/me/notes"]


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def sentence(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def iso(ms):
    s, ms = divmod(ms, 1000)
    import time
    t = time.gmtime(s)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, ms)


def session_pool(rng, size):
    """Session-shaped JSONL lines (user and assistant messages, tool results), about `size` bytes."""
    out = []
    total = 0
    ms = 1_717_000_000_000
    sid = uuid(rng)
    parent = None
    while total < size:
        ms += rng.randint(50, 90_000)
        me = uuid(rng)
        kind = rng.random()
        if kind < 0.4:
            body = '{"role":"user","content":"%s"}' % sentence(rng, 5, 60)
            typ = "user"
        elif kind < 0.85:
            body = ('{"id":"msg_%016x","type":"message","role":"assistant","model":"claude-sonnet-4",'
                    '"content":[{"type":"text","text":"%s"}],"usage":{"input_tokens":%d,"output_tokens":%d}}'
                    % (rng.getrandbits(64), sentence(rng, 20, 300), rng.randint(10, 90000), rng.randint(10, 4000)))
            typ = "assistant"
        else:
            body = ('{"role":"user","content":[{"tool_use_id":"toolu_%016x","type":"tool_result","content":"%s"}]}'
                    % (rng.getrandbits(64), sentence(rng, 100, 1500)))
            typ = "user"
        line = ('{"parentUuid":%s,"isSidechain":false,"userType":"external","cwd":"/home/me/code/app",'
                '"sessionId":"%s","version":"1.0.%d","type":"%s","message":%s,"uuid":"%s","timestamp":"%s"}\n'
                % ('"%s"' % parent if parent else "null", sid, rng.randint(1, 99), typ, body, me, iso(ms)))
        parent = me
        b = line.encode()
        out.append(b)
        total += len(b)
    return b"".join(out)


def history_line(rng, ms):
    # no double quote inside the display text: the benchmark's `sort -t'"' -k9,9` then finds the timestamp
    return ('{"display":"%s","pastedContents":{},"timestamp":%d,"project":"%s/%s"}\n'
            % (sentence(rng, 2, 40), ms, rng.choice(PROJECT_ROOTS), rng.choice(WORDS))).encode()


def write_from_pool(path, pool, offset, size):
    """Writes `size` bytes of the pool starting at `offset` (wrapping), ending with a newline."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        left = size - 1
        view = memoryview(pool)
        n = len(pool)
        while left > 0:
            chunk = min(left, n - offset, 8 << 20)
            os.write(fd, view[offset:offset + chunk])
            left -= chunk
            offset = (offset + chunk) % n
        os.write(fd, b"\n")
    finally:
        os.close(fd)


def lognormal_sizes(rng, count, budget, sigma, lo, hi):
    """`count` log-normal sizes clipped to [lo, hi], scaled so they add up to about `budget`."""
    raw = [rng.lognormvariate(0.0, sigma) for _ in range(count)]
    scale = budget / sum(raw)
    for _ in range(30):
        sizes = [min(hi, max(lo, int(r * scale))) for r in raw]
        total = sum(sizes)
        if abs(total - budget) < budget * 0.002:
            break
        scale *= budget / total
    return sizes


def make_tree(out, total_bytes, total_files, seed):
    rng = random.Random(seed)
    os.makedirs(out)
    pool = session_pool(random.Random(seed + 1), 16 << 20)
    base_ms = 1_717_000_000_000
    n_sessions = max(1, int(total_files * 0.15))
    n_tasks = max(1, int(total_files * 0.05))
    n_snapshots = max(1, total_files - n_sessions - n_tasks - 1)
    history_bytes = int(total_bytes * 0.02)
    task_sizes = [rng.randint(200, 2000) for _ in range(n_tasks)]
    snapshot_sizes = lognormal_sizes(rng, n_snapshots, int(total_bytes * 0.115), 1.2, 100, 2 << 20)
    session_budget = total_bytes - history_bytes - sum(task_sizes) - sum(snapshot_sizes)
    session_sizes = lognormal_sizes(rng, n_sessions, session_budget, 1.8, 1 << 10, 50 << 20)

    # history.jsonl: real lines, strictly increasing timestamps
    ms = base_ms
    written = 0
    with open(os.path.join(out, "history.jsonl"), "wb", buffering=8 << 20) as f:
        while written < history_bytes:
            ms += rng.randint(1, 120_000)
            line = history_line(rng, ms)
            f.write(line)
            written += len(line)

    # projects: a skewed spread of sessions over projects (a few hold most)
    n_projects = max(3, total_files // 350)
    projects = []
    for p in range(n_projects):
        path = "%s/%s-%d" % (rng.choice(PROJECT_ROOTS), rng.choice(WORDS), p)
        projects.append(os.path.join(out, "projects", path.replace("/", "-")))
    weights = [1.0 / (i + 1) for i in range(n_projects)]
    for d in projects:
        os.makedirs(d)
    session_ids = []
    mtime = base_ms // 1000
    for size in session_sizes:
        d = rng.choices(projects, weights)[0]
        sid = uuid(rng)
        session_ids.append(sid)
        f = os.path.join(d, sid + ".jsonl")
        write_from_pool(f, pool, rng.randrange(len(pool)), size)
        mtime += rng.randint(60, 86_400)
        os.utime(f, (mtime, mtime))

    # file-history: per session a folder of small snapshots
    fh = os.path.join(out, "file-history")
    os.makedirs(fh)
    made = set()
    for size in snapshot_sizes:
        sid = rng.choice(session_ids)
        d = os.path.join(fh, sid)
        if sid not in made:
            os.makedirs(d)
            made.add(sid)
        f = os.path.join(d, "%016x@v%d" % (rng.getrandbits(64), rng.randint(1, 6)))
        write_from_pool(f, pool, rng.randrange(len(pool)), size)
        os.utime(f, (mtime - rng.randint(0, 10_000_000),) * 2)

    # tasks
    td = os.path.join(out, "tasks")
    os.makedirs(td)
    per = 0
    d = None
    for i, size in enumerate(task_sizes):
        if per == 0:
            d = os.path.join(td, uuid(rng))
            os.makedirs(d)
            per = rng.randint(1, 12)
        per -= 1
        body = ('{"id":"%d","subject":"%s","status":"pending","description":"' % (i, sentence(rng, 3, 8))).encode()
        pad = max(0, size - len(body) - 3)
        with open(os.path.join(d, "%d.json" % i), "wb") as f:
            f.write(body + (b"x" * pad) + b'"}\n')

    with open(os.path.join(out, "settings.json"), "w") as f:
        f.write('{"cleanupPeriodDays":30}\n')
    with open(os.path.join(out, ".credentials.json"), "w") as f:
        f.write('{"claudeAiOauth":{"accessToken":"sk-ant-fake-not-real"}}\n')
    os.chmod(os.path.join(out, ".credentials.json"), 0o600)


def make_histories(out, size, seed):
    """Lines each go to main only, to the copy only, or to both, one third each: each file holds two
    thirds of the lines, half of them shared."""
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    ms = 1_717_000_000_000
    sizes = [0, 0]
    with open(os.path.join(out, "main.jsonl"), "wb", buffering=8 << 20) as a, \
            open(os.path.join(out, "copy.jsonl"), "wb", buffering=8 << 20) as b:
        while min(sizes) < size:
            ms += rng.randint(1, 30_000)
            line = history_line(rng, ms)
            where = rng.randrange(3)
            if where != 1:
                a.write(line)
                sizes[0] += len(line)
            if where != 0:
                b.write(line)
                sizes[1] += len(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    t = sub.add_parser("tree")
    t.add_argument("out")
    t.add_argument("--bytes", default="600M")
    t.add_argument("--files", type=int, default=20000)
    t.add_argument("--seed", type=int, default=1)
    h = sub.add_parser("histories")
    h.add_argument("out")
    h.add_argument("--bytes", default="200M")
    h.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.what == "tree":
        make_tree(a.out, parse_size(a.bytes), a.files, a.seed)
    else:
        make_histories(a.out, parse_size(a.bytes), a.seed)


if __name__ == "__main__":
    sys.exit(main())
