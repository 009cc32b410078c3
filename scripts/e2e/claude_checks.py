#!/usr/bin/env python3
"""Checks and small file chores for scripts/e2e/claude.sh (the end-to-end test with the real Claude Code).

    claude_checks.py COMMAND ARGS...

Each command prints what it found and exits 0, or prints "FAIL: ..." with what was expected and exits 1.
The shell library (claude-lib.sh) does the orchestration; everything that reads JSON lives here.
"""
import calendar
import glob
import gzip
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


# ---------------------------------------------------------------- Claude Code hooks

def _hook_commands(settings, event):
    """The commands of EVENT's hooks in SETTINGS, in the order the client runs them (group by group)."""
    return [h.get("command", "") for g in settings.get("hooks", {}).get(event, []) for h in g.get("hooks", [])]


def _program_of(command):
    """The file a hook command runs: the jar of `java -jar JAR ...`, else its first word."""
    words = shlex.split(command)
    if len(words) > 2 and os.path.basename(words[0]) in ("java", "java.exe") and words[1] == "-jar":
        return words[2]
    return words[0] if words else ""


def cmd_hook_entries(settings_file, *own):
    """settings.json runs tether's `hook session-start` at SessionStart and `hook session-end` at SessionEnd, once
    each, after the user's OWN hook commands (which are still there), and the program those commands name exists."""
    settings = _read_json(settings_file)
    found = []
    for event, sub in (("SessionStart", "hook session-start"), ("SessionEnd", "hook session-end")):
        commands = _hook_commands(settings, event)
        mine = [c for c in commands if c.strip().endswith(" " + sub)]
        if len(mine) != 1:
            die(f"{settings_file}: expected one {event} hook running `tether ... {sub}`, found {len(mine)}: {commands}")
        for o in own:
            if o.split()[-1] == event and o not in commands:
                die(f"{settings_file}: the user's own {event} hook {o!r} is gone: {commands}")
        if commands.index(mine[0]) < max((commands.index(o) for o in own if o in commands), default=-1):
            die(f"{settings_file}: tether's {event} hook comes before the user's own: {commands}")
        program = _program_of(mine[0])
        if not os.path.isabs(program) or not os.path.exists(program):
            die(f"{settings_file}: tether's {event} hook runs {program!r}, which is not an existing absolute path")
        found.append(mine[0])
    print(f"ok: settings.json has tether's two hooks after the user's own ({len(own)}): {found[0]!r}, {found[1]!r}")


def _spied(spy_dir, event, session):
    """The inputs the spy hook kept for EVENT of SESSION: (seconds since the epoch, document), oldest first."""
    out = []
    for path in sorted(glob.glob(os.path.join(spy_dir, f"{event}.*.json"))):
        doc = _read_json(path)
        if doc.get("session_id") == session:
            out.append((int(path.rsplit(".", 2)[1]) / 1e9, doc))
    return sorted(out, key=lambda t: t[0])


def cmd_hook_input(spy_dir, event, session, *pairs):
    """The client ran the hooks of EVENT for SESSION (a spy hook kept its stdin) and passed every KEY=VALUE of
    PAIRS; prints the document's keys. Fails (exit 1, saying why) while there is none yet: a predicate too."""
    seen = _spied(spy_dir, event, session)
    if not seen:
        print(f"no {event} input for session {session} in {spy_dir} yet")
        sys.exit(1)
    doc = seen[-1][1]
    wrong = [f"{k}={doc.get(k)!r} (expected {v!r})" for k, v in (p.split("=", 1) for p in pairs) if str(doc.get(k)) != v]
    if wrong:
        die(f"the client's {event} input for {session}: " + ", ".join(wrong) + f"; it passed {json.dumps(doc)}")
    print(f"ok: the client ran the {event} hooks of {session} ({len(seen)}x) with {', '.join(sorted(doc))}"
          + "".join(f"; {k}={doc[k]}" for k in ("source", "reason") if k in doc))


def _hook_log(hooks_jsonl, hook, session):
    lines = _jsonl(hooks_jsonl) if os.path.exists(hooks_jsonl) else []
    return lines, [e for e in lines if e.get("hook") == hook and (session == "-" or e.get("session") == session)]


def cmd_hook_log(hooks_jsonl, hook, session, prefix):
    """tether's hooks.jsonl has a run of HOOK for SESSION ("-": any) whose outcome starts with PREFIX; prints it."""
    lines, runs = _hook_log(hooks_jsonl, hook, session)
    if not runs or not runs[-1].get("outcome", "").startswith(prefix):
        held = "\n  ".join(json.dumps(e) for e in lines) if lines else "nothing"
        die(f"{hooks_jsonl}: no {hook} run for {session} whose outcome starts with {prefix!r}; it holds:\n  {held}")
    print(runs[-1]["outcome"])


def cmd_no_hook_log(hooks_jsonl, hook):
    """tether's hooks.jsonl has no run of HOOK (session-start notes a run only when it showed a message)."""
    _lines, runs = _hook_log(hooks_jsonl, hook, "-")
    if runs:
        die(f"{hooks_jsonl} has {len(runs)} {hook} run(s): " + "; ".join(e.get("outcome", "") for e in runs))
    print(f"ok: hooks.jsonl notes no {hook} run")


def cmd_hook_took(spy_dir, event, hooks_jsonl, hook, session):
    """Prints how long after the client started EVENT's hooks for SESSION (the spy's time) tether's HOOK noted
    its outcome: a measurement, never a failure."""
    seen = _spied(spy_dir, event, session)
    _lines, runs = _hook_log(hooks_jsonl, hook, session)
    if not seen or not runs:
        print("unknown")
        return
    # Instant.toString(): 2026-01-02T03:04:05[.fraction]Z
    stamp, _, fraction = runs[-1]["time"].rstrip("Z").partition(".")
    day, _, clock = stamp.partition("T")
    fields = [int(x) for x in day.split("-") + clock.split(":")]
    ended = calendar.timegm((*fields, 0, 0, 0)) + float("0." + (fraction or "0"))
    print(f"{ended - seen[-1][0]:.2f}")


def cmd_hook_ended(sub, claude_dir):
    """No process runs `tether ... --claude-dir CLAUDE_DIR ... hook SUB` (a predicate: exit 1 while one does)."""
    for path in glob.glob("/proc/[0-9]*/cmdline"):
        try:
            with open(path, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if f"--claude-dir {claude_dir} " in cmd and f"hook {sub}" in cmd and path.split("/")[2] != str(os.getpid()):
            print(f"pid {path.split('/')[2]} still runs tether hook {sub}")
            sys.exit(1)


def cmd_hook_timeout(settings_file, event, subcommand, client_default):
    """tether's EVENT entry (the command ending in SUBCOMMAND) sets a "timeout" (seconds) above CLIENT_DEFAULT, the
    seconds the client allows that event's hooks when no entry sets one."""
    settings = _read_json(settings_file)
    for group in settings.get("hooks", {}).get(event, []):
        for hook in group.get("hooks", []):
            if hook.get("command", "").strip().endswith(" " + subcommand):
                t = hook.get("timeout")
                if not isinstance(t, (int, float)) or t <= float(client_default):
                    die(f"tether's {event} entry sets {'no timeout' if t is None else f'timeout {t!r}'}, so the client "
                        f"stops `{subcommand}` after {client_default} s: {json.dumps(hook)}")
                print(f"ok: tether's {event} entry allows {t} s (the client's default: {client_default} s)")
                return
    die(f"{settings_file} has no {event} entry running {subcommand!r}")

def _last_line(lines):
    return next((line for line in reversed(lines) if line.strip()), None)


def cmd_archived_last_line(archived_gz, transcript):
    """The archived copy ARCHIVED_GZ (gzip) ends with the last line of the live TRANSCRIPT."""
    if not os.path.isfile(archived_gz):
        die(f"the archive holds no {archived_gz}; its folder holds: "
            f"{sorted(os.listdir(os.path.dirname(archived_gz))) if os.path.isdir(os.path.dirname(archived_gz)) else 'nothing'}")
    with gzip.open(archived_gz, "rb") as f:
        archived = f.read().splitlines()
    with open(transcript, "rb") as f:
        live = f.read().splitlines()
    want, got = _last_line(live), _last_line(archived)
    if want is None or got != want:
        die(f"{os.path.basename(archived_gz)} ends with {(got or b'').decode()[:160]!r}, the live transcript with "
            f"{(want or b'').decode()[:160]!r} ({len(archived)} lines archived, {len(live)} live)")
    print(f"ok: {os.path.basename(archived_gz)} ends with the transcript's last line ({len(archived)} lines archived,"
          f" {len(live)} live{', identical' if archived == live else ''})")


def main():
    commands = {name[4:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("cmd_")}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        die("usage: claude_checks.py " + "|".join(sorted(commands)) + " ARGS...")
    commands[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
