#!/usr/bin/env python3
"""Checks and small file chores for scripts/e2e/claude.sh (the end-to-end test with the real Claude Code).

    claude_checks.py COMMAND ARGS...

Each command prints what it found and exits 0, or prints "FAIL: ..." with what was expected and exits 1.
The shell library (claude-lib.sh) does the orchestration; everything that reads JSON lives here.
"""
import hashlib
import json
import os
import re
import shlex
import sys
import time
from datetime import datetime, timezone


def die(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def _read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                out.append(json.loads(line))
    return out


# ---------------------------------------------------------------- the client's configuration

def cmd_claude_json(path, api_key, trusted_dir):
    """Writes ~/.claude.json so that the client starts without its first-run screens: onboarding done, the API key
    from the environment approved (the client remembers approved keys by their last 20 characters), and every
    folder under TRUSTED_DIR trusted (trust is inherited by sub-folders)."""
    doc = {
        "hasCompletedOnboarding": True,
        "customApiKeyResponses": {"approved": [api_key[-20:]], "rejected": []},
        "projects": {trusted_dir: {"hasTrustDialogAccepted": True, "hasCompletedProjectOnboarding": True}},
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)


def cmd_session_field(sessions_dir, pid, field):
    """Prints one field of <claude-dir>/sessions/<pid>.json, which the client keeps while it runs."""
    path = os.path.join(sessions_dir, f"{pid}.json")
    try:
        doc = _read_json(path)
    except (OSError, ValueError) as e:
        print(f"no readable {path} yet ({e.__class__.__name__})")
        sys.exit(1)
    if field not in doc:
        print(f"{path} has no field {field!r}: {sorted(doc)}")
        sys.exit(1)
    print(doc[field])


# ---------------------------------------------------------------- the fake API's request log

def _messages_requests(log):
    if not os.path.exists(log):
        return []
    return [e for e in _jsonl(log) if e.get("method") == "POST" and e.get("path") == "/v1/messages"
            and isinstance(e.get("body"), dict)]


def _all_text(content):
    if isinstance(content, str):
        return content
    parts = []
    for b in content or []:
        if isinstance(b, dict):
            parts.append(b.get("text") or "")
            if b.get("type") == "tool_result":
                parts.append(json.dumps(b.get("content")))
            if b.get("type") == "tool_use":
                parts.append(json.dumps(b.get("input")))
    return "\n".join(parts)


def cmd_api_seq(log):
    """Prints the number of the last logged request (0 when none): a mark to look for newer requests from."""
    last = 0
    if os.path.exists(log):
        for e in _jsonl(log):
            last = max(last, e.get("seq", 0))
    print(last)


def cmd_api_carried(log, after_seq, prompt, *earlier):
    """A Messages request after AFTER_SEQ for PROMPT carried every EARLIER text in the messages before its own
    turn: the client sent the earlier conversation, i.e. it really continued that session."""
    after = int(after_seq)
    mine = [e for e in _messages_requests(log) if e["seq"] > after
            and any(prompt in _all_text(m.get("content")) for m in e["body"].get("messages", []) if m.get("role") == "user")]
    if not mine:
        die(f"no request to /v1/messages after #{after} carries the prompt {prompt!r}")
    for e in mine:
        history = "\n".join(_all_text(m.get("content")) for m in e["body"].get("messages", [])
                            if prompt not in _all_text(m.get("content")))
        missing = [t for t in earlier if t not in history]
        if not missing:
            print(f"ok: request #{e['seq']} for {prompt!r} carried the earlier {', '.join(map(repr, earlier))}"
                  f" ({len(e['body']['messages'])} messages)")
            return
    e = mine[-1]
    summary = [f"{m.get('role')}: {_all_text(m.get('content'))[:80]!r}" for m in e["body"].get("messages", [])]
    die(f"request #{e['seq']} for {prompt!r} did not carry the earlier {missing}; it sent:\n  " + "\n  ".join(summary))


def cmd_api_paths(log):
    """Prints each method and path the client called, with how often (a fact worth knowing for the fake API)."""
    counts = {}
    if os.path.exists(log):
        for e in _jsonl(log):
            key = f"{e.get('method')} {e.get('path')}" + (f"?{e['query']}" if e.get("query") else "")
            counts[key] = counts.get(key, 0) + 1
    print(", ".join(f"{k} x{v}" for k, v in sorted(counts.items())) or "(none)")


# ---------------------------------------------------------------- files and lines

def _tree(root):
    """relative path -> sha256 of every file under ROOT, links followed (through tether's links, or the real
    files once they are back)."""
    out = {}
    if os.path.isfile(root):
        with open(root, "rb") as f:
            return {".": hashlib.sha256(f.read()).hexdigest()}
    for d, dirs, files in os.walk(root, followlinks=True):
        for name in files:
            p = os.path.join(d, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def cmd_manifest(claude_dir, out, *items):
    """Writes to OUT the SHA-256 of every file of the ITEMS under CLAUDE_DIR, read through links; prints a count."""
    doc = {}
    for item in items:
        p = os.path.join(claude_dir, item)
        if os.path.exists(p):
            for rel, digest in _tree(p).items():
                doc[os.path.normpath(os.path.join(item, rel))] = digest
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
    print(f"{len(doc)} files")


def cmd_same_manifest(label, before, after):
    a, b = _read_json(before), _read_json(after)
    if a == b:
        print(f"ok: {label}: all {len(a)} files, byte for byte")
        return
    lost = sorted(set(a) - set(b))
    new = sorted(set(b) - set(a))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    die(f"{label}: {len(lost)} file(s) lost {lost[:5]}, {len(changed)} changed {changed[:5]}, {len(new)} new {new[:5]}")


def _lines(path):
    with open(path, "rb") as f:
        return {line.rstrip(b"\r\n") for line in f if line.strip()}


def cmd_has_lines(label, actual, expected):
    """Every line of EXPECTED is in ACTUAL (a file that may hold more)."""
    got, want = _lines(actual), _lines(expected)
    missing = sorted(want - got)
    if missing:
        die(f"{label}: LOST LINES: {len(missing)} of {len(want)} expected lines are missing, e.g.:\n    "
            + "\n    ".join(m.decode("utf-8", "replace") for m in missing[:5]))
    print(f"ok: {label}: all {len(want)} lines present ({len(got)} in all)")


def cmd_files_with(text, *roots):
    """Prints every file under the ROOTS (links not followed) whose bytes contain TEXT; exit 1 when there is one."""
    needle = text.encode()
    hits = []
    for root in roots:
        for d, _dirs, files in os.walk(root):
            for name in files:
                p = os.path.join(d, name)
                if os.path.islink(p) or not os.path.isfile(p):
                    continue
                try:
                    with open(p, "rb") as f:
                        if needle in f.read():
                            hits.append(p)
                except OSError:
                    pass
    for h in hits:
        print(h)
    sys.exit(1 if hits else 0)


def cmd_history_has(path, display, session_id=""):
    """history.jsonl has a line for the prompt DISPLAY (of SESSION_ID when given)."""
    for line in _jsonl(path):
        if line.get("display") == display and (not session_id or line.get("sessionId") == session_id):
            print(f"ok: {os.path.basename(path)} has the prompt {display!r}")
            return
    die(f"{path} has no line with display {display!r}" + (f" and sessionId {session_id}" if session_id else ""))


def _entries(root):
    """ROOT and every file and folder under it (links not followed)."""
    yield root
    if os.path.isdir(root) and not os.path.islink(root):
        for d, dirs, files in os.walk(root):
            for name in dirs + files:
                yield os.path.join(d, name)


def cmd_older_than(days, *paths):
    """Every PATH, and everything under it, exists and was last modified more than DAYS days ago: a sweep whose
    cleanupPeriodDays is below DAYS would take it."""
    limit = time.time() - float(days) * 86400
    count, young = 0, []
    for root in paths:
        if not os.path.lexists(root):
            die(f"{root} does not exist")
        for p in _entries(root):
            count += 1
            mtime = os.lstat(p).st_mtime
            if mtime > limit:
                young.append(f"{p} ({(time.time() - mtime) / 86400:.1f} days old)")
    if young:
        die(f"expected every entry to be over {days} days old; {len(young)} of {count} are not:\n    "
            + "\n    ".join(young[:10]))
    print(f"ok: all {count} entries under {len(paths)} path(s) are over {days} days old")


def cmd_manifest_diff(label, before, after):
    """Prints which files of BEFORE are gone, changed or new in AFTER (a measurement, never a failure)."""
    a, b = _read_json(before), _read_json(after)
    lost = sorted(set(a) - set(b))
    new = sorted(set(b) - set(a))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    print(f"{label}: {len(lost)} file(s) gone, {len(changed)} changed, {len(new)} new")
    for title, names in (("gone", lost), ("changed", changed), ("new", new)):
        for n in names:
            print(f"    {title}: {n}")


def cmd_gone_exactly(label, before, after, *paths):
    """The files gone between the manifests BEFORE and AFTER are exactly those under the PATHS (relative to the
    manifests' root): what a sweep must delete, and nothing else."""
    a, b = _read_json(before), _read_json(after)
    gone = set(a) - set(b)
    def under(name):
        return any(name == p or name.startswith(p.rstrip("/") + "/") for p in paths)
    expected = {n for n in a if under(n)}
    if gone != expected:
        die(f"{label}: expected exactly the {len(expected)} files under {list(paths)} gone; "
            f"also gone: {sorted(gone - expected)[:10]}, still there: {sorted(expected - gone)[:10]}")
    print(f"ok: {label}: exactly the {len(expected)} files of the {len(paths)} aged entries are gone, nothing else")


def _last_stamp(path):
    """The timestamp of the last line that has one (several line types have none)."""
    last = None
    for line in _jsonl(path):
        if isinstance(line, dict) and isinstance(line.get("timestamp"), str):
            last = line["timestamp"]
    if last is None:
        die(f"{path} has no line with a timestamp")
    return datetime.fromisoformat(last.replace("Z", "+00:00")).timestamp()


def cmd_mtime_is_last_stamp(path, max_age_days):
    """PATH's modification time is its last line's timestamp (to the second) and less than MAX_AGE_DAYS days ago:
    what restore gives a restored transcript, and what decides whether the next sweep takes it again."""
    stamp, mtime = _last_stamp(path), os.stat(path).st_mtime
    if abs(stamp - mtime) > 1.0:
        die(f"{path}: modification time {datetime.fromtimestamp(mtime).isoformat()} is not its last line's timestamp "
            f"{datetime.fromtimestamp(stamp).isoformat()} ({mtime - stamp:+.1f} s)")
    age = (time.time() - mtime) / 86400
    if age >= float(max_age_days):
        die(f"{path}: modification time is {age:.1f} days old, expected under {max_age_days}")
    print(f"ok: {os.path.basename(path)}'s modification time is its last line's timestamp ({age * 1440:.0f} min ago)")


def cmd_modified_within(seconds, *paths):
    """Every PATH was modified less than SECONDS seconds ago (e.g. given the current time by restore --touch)."""
    for p in paths:
        age = time.time() - os.stat(p).st_mtime
        if age >= float(seconds):
            die(f"{p}: modified {age:.0f} s ago, expected within the last {seconds} s")
    print(f"ok: {len(paths)} file(s) modified within the last {seconds} s")


def cmd_shift_stamps(path, days):
    """Moves every "timestamp" of the transcript PATH DAYS days back (in place, the rest of each line as it was): a
    session of the real client made to look last active DAYS days ago, as restore judges it by its last line."""
    shift = float(days) * 86400

    def back(m):
        t = datetime.fromisoformat(m.group(2).replace("Z", "+00:00")).timestamp() - shift
        iso = datetime.fromtimestamp(t, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return m.group(1) + iso + '"'

    with open(path, encoding="utf-8") as f:
        text = f.read()
    shifted, n = re.subn(r'("timestamp":\s*")(\d{4}-\d\d-\d\dT[^"]+)"', back, text)
    if n == 0:
        die(f"{path} has no timestamp to shift")
    with open(path, "w", encoding="utf-8") as f:
        f.write(shifted)
    print(f"{n} timestamps of {os.path.basename(path)} moved {days} days back")


def cmd_json_get(path, dotted):
    """Prints the value at DOTTED (keys joined by '.') of the JSON document PATH: strings as they are, anything else as
    JSON, "(absent)" when a key is missing."""
    value = _read_json(path)
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            print("(absent)")
            return
        value = value[key]
    print(value if isinstance(value, str) else json.dumps(value))


# ---------------------------------------------------------------- tether's verify document

def cmd_finding(verify_json_file, finding_id, status, item, field="message"):
    """Prints FIELD of the finding ID with STATUS for ITEM ("-" for none) in a `tether --json verify` document."""
    doc = _read_json(verify_json_file)
    want_item = None if item == "-" else item
    for f in doc.get("findings", []):
        if f.get("id") == finding_id and f.get("status") == status and f.get("item") == want_item:
            print(f.get(field) or "")
            return
    listed = [f"{f.get('status')} {f.get('id')} {f.get('item')}: {f.get('message')}" for f in doc.get("findings", [])
              if f.get("status") != "ok"]
    die(f"verify reported no {status} {finding_id} for {item}; it reported:\n  " + "\n  ".join(listed or ["(all ok)"]))


def cmd_hint_args(hint):
    """Splits a verify hint into the arguments after `tether`, one per line; fails when it is not a tether command."""
    words = shlex.split(hint.split(" (")[0])
    if not words or words[0] != "tether":
        die(f"the hint {hint!r} is not a tether command")
    for w in words[1:]:
        print(w)


def cmd_screen_lists(screen_file, *texts):
    """The captured screen shows every TEXT (e.g. the sessions a picker must list)."""
    with open(screen_file, encoding="utf-8", errors="replace") as f:
        screen = f.read()
    missing = [t for t in texts if t not in screen]
    if missing:
        die(f"the screen does not show {missing}; it shows:\n{screen}")
    print(f"ok: the screen lists {', '.join(map(repr, texts))}")


def main():
    commands = {name[4:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("cmd_")}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        die("usage: claude_checks.py " + "|".join(sorted(commands)) + " ARGS...")
    commands[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
