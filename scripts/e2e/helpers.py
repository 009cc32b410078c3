#!/usr/bin/env python3
"""Helpers for scripts/e2e/syncthing.sh: free ports, Syncthing config, fake Claude data, JSON checks.

Every subcommand is small and deterministic; the shell script does the orchestration.
"""
import hashlib
import json
import os
import random
import socket
import sys
import uuid

# Fixed epoch so that the generated data is the same on every run: 2025-01-06T09:00:00Z.
BASE_MS = 1736154000000
PROJECTS = ["/home/me/code/app", "/home/me/code/Bücher app", "/home/me/work/api-server", "/home/me/notes"]
PROMPTS = ["fix the failing test", "explain this stack trace", "add a --dry-run flag", "rename the config loader",
           "why is this slow?", "write a README section", "résumé the last session", "make the build reproducible"]


def die(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- ports and Syncthing config

def cmd_free_ports(count):
    """Prints COUNT distinct free TCP ports on 127.0.0.1 (held open together so they differ)."""
    socks = []
    for _ in range(int(count)):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    print(" ".join(str(s.getsockname()[1]) for s in socks))
    for s in socks:
        s.close()


def cmd_st_config(path, self_id, self_name, other_id, other_name, other_port, listen_port, gui_port, api_key,
                  folder_id, folder_path):
    """Writes a Syncthing config.xml: one folder shared with one peer, everything on 127.0.0.1, nothing global."""
    xml = f"""<configuration version="36">
    <folder id="{folder_id}" label="{folder_id}" path="{folder_path}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{self_id}"></device>
        <device id="{other_id}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
    <device id="{self_id}" name="{self_name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="{other_id}" name="{other_name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{other_port}</address>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{gui_port}</address>
        <apikey>{api_key}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{listen_port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <announceLANAddresses>false</announceLANAddresses>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)


# ---------------------------------------------------------------- fake Claude Code data

def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _history(rng, who, count, start_ms):
    lines, t = [], start_ms
    for i in range(count):
        t += 1000 + rng.randrange(3_000_000)
        lines.append({"display": f"{rng.choice(PROMPTS)} ({who} #{i})", "pastedContents": {}, "timestamp": t,
                      "project": rng.choice(PROJECTS)})
    return lines


def _session(rng, session_id, count, start_ms, first_index=0, parent=None):
    lines, t = [], start_ms
    for i in range(first_index, first_index + count):
        t += (5 + rng.randrange(120)) * 1000
        line_id = _uuid(rng)
        role = "user" if i % 2 == 0 else "assistant"
        stamp = _iso(t)
        lines.append({"type": role, "uuid": line_id, "parentUuid": parent, "sessionId": session_id, "timestamp": stamp,
                      "message": {"role": role, "content": f"{rng.choice(PROMPTS)} — step {i}"}})
        parent = line_id
    return lines


def _iso(ms):
    import datetime
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _write_jsonl(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


def _write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def _key(project):
    return project.replace("/", "-")


def cmd_generate(claude_a, claude_b, shared_session_out):
    """Two machines' ~/.claude. Machine B continues one of A's sessions: the same file with A's lines plus its own.
    Prints nothing; writes the relative path of that shared session to SHARED_SESSION_OUT."""
    rng = random.Random(7)
    # Machine A: history, three sessions in two projects, file-history snapshots, a task.
    _write_jsonl(f"{claude_a}/history.jsonl", _history(rng, "A", 60, BASE_MS))
    shared_id = _uuid(rng)
    shared_rel = f"projects/{_key(PROJECTS[0])}/{shared_id}.jsonl"
    shared_a = _session(rng, shared_id, 14, BASE_MS + 3_600_000)
    _write_jsonl(f"{claude_a}/{shared_rel}", shared_a)
    _write_jsonl(f"{claude_a}/projects/{_key(PROJECTS[0])}/{_uuid(rng)}.jsonl", _session(rng, "a2", 9, BASE_MS))
    sid = _uuid(rng)
    _write_jsonl(f"{claude_a}/projects/{_key(PROJECTS[1])}/{sid}.jsonl", _session(rng, sid, 11, BASE_MS + 7_200_000))
    _write_bytes(f"{claude_a}/file-history/{_uuid(rng)}/{rng.getrandbits(64):016x}@v1", rng.randbytes(3000))
    _write_bytes(f"{claude_a}/tasks/{_uuid(rng)}/1.json", b'{"id":"1","subject":"ship it","status":"pending"}\n')
    # Machine B: its own history, A's session continued, a session of its own, its own file-history, no tasks.
    _write_jsonl(f"{claude_b}/history.jsonl", _history(rng, "B", 45, BASE_MS + 45_000))
    last = shared_a[-1]
    more = _session(rng, shared_id, 6, BASE_MS + 3_600_000 + 86_400_000, first_index=len(shared_a), parent=last["uuid"])
    _write_jsonl(f"{claude_b}/{shared_rel}", shared_a + more)
    sid = _uuid(rng)
    _write_jsonl(f"{claude_b}/projects/{_key(PROJECTS[2])}/{sid}.jsonl", _session(rng, sid, 8, BASE_MS + 900_000))
    _write_bytes(f"{claude_b}/file-history/{_uuid(rng)}/{rng.getrandbits(64):016x}@v2", rng.randbytes(2000))
    # Files that stay local on both machines, whatever happens.
    for claude in (claude_a, claude_b):
        # The user's own keys and no retention key: setup's retain line adds cleanupPeriodDays and keeps these.
        _write_bytes(f"{claude}/settings.json", b'{"model":"sonnet","theme":"dark","env":{"EDITOR":"vi"}}\n')
        _write_bytes(f"{claude}/.credentials.json", b'{"claudeAiOauth":{"accessToken":"fake-not-a-token"}}\n')
    with open(shared_session_out, "w", encoding="utf-8") as f:
        f.write(shared_rel + "\n")


def cmd_prompts(who, count, day):
    """COUNT new history lines of machine WHO typed while offline, DAY days after the generated data."""
    start = BASE_MS + int(day) * 86_400_000 + (0 if who == "A" else 30_000)
    for i in range(int(count)):
        line = {"display": f"offline prompt {i} on machine {who} — keep me", "pastedContents": {},
                "timestamp": start + i * 60_000, "project": PROJECTS[i % len(PROJECTS)]}
        print(json.dumps(line, ensure_ascii=False, separators=(",", ":")))


# ---------------------------------------------------------------- checks

def _lines(path):
    with open(path, "rb") as f:
        return [line.rstrip(b"\r\n") for line in f.read().splitlines() if line.strip()]


def cmd_check_lines(label, actual, *expected_files):
    """ACTUAL holds every line of the EXPECTED files exactly once, and nothing else."""
    expected = set()
    for e in expected_files:
        expected.update(_lines(e))
    got = _lines(actual)
    seen, dups = set(), []
    for line in got:
        if line in seen:
            dups.append(line)
        seen.add(line)
    missing = sorted(expected - seen)
    extra = sorted(seen - expected)
    if missing or dups or extra:
        msg = [f"FAIL: {label}: {len(got)} lines, expected exactly {len(expected)} distinct lines once each"]
        if missing:
            msg.append(f"  LOST LINES: {len(missing)} expected line(s) are missing, e.g.:")
            msg += ["    " + m.decode("utf-8", "replace") for m in missing[:5]]
        if dups:
            msg.append(f"  DUPLICATES: {len(dups)} line(s) appear more than once, e.g.:")
            msg += ["    " + d.decode("utf-8", "replace") for d in dups[:5]]
        if extra:
            msg.append(f"  UNEXPECTED: {len(extra)} line(s) nobody wrote, e.g.:")
            msg += ["    " + x.decode("utf-8", "replace") for x in extra[:5]]
        die("\n".join(msg))
    print(f"ok: {label}: all {len(expected)} lines, each exactly once")


def cmd_drop_lines(path, *sources):
    """Removes from PATH every line that one of the SOURCE files holds (E2E_BREAK_OUTCOME: a broken merge)."""
    drop = set()
    for src in sources:
        drop.update(_lines(src))
    kept = [line for line in _lines(path) if line not in drop]
    tmp = path + ".e2e-broken"
    with open(tmp, "wb") as f:
        f.write(b"".join(line + b"\n" for line in kept))
    os.replace(tmp, path)
    print(f"broke {path} on purpose: dropped the lines of {', '.join(sources)}")


IGNORED = (".stfolder", ".stversions", ".stignore")


def _tree(root):
    """relative path -> sha256 of every file under ROOT, leaving out Syncthing's own and in-flight files."""
    out = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in IGNORED]
        for name in files:
            if name in IGNORED or name.startswith(".syncthing.") or name.startswith("~syncthing~"):
                continue
            p = os.path.join(d, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def cmd_in_sync(status_a, status_b, completion_a, completion_b, dir_a, dir_b):
    """Exit 0 when both folders are idle, need nothing, each sees the other complete, and the trees are equal.
    Otherwise prints why not (one line) and exits 1."""
    reasons = []
    for name, st, comp in (("A", status_a, completion_a), ("B", status_b, completion_b)):
        st, comp = json.loads(st), json.loads(comp)
        if st.get("state") != "idle":
            reasons.append(f"{name} is {st.get('state')}")
        if st.get("needTotalItems", 0) or st.get("needBytes", 0):
            reasons.append(f"{name} needs {st.get('needTotalItems')} items / {st.get('needBytes')} bytes")
        if st.get("pullErrors", 0):
            reasons.append(f"{name} has {st.get('pullErrors')} pull errors")
        if comp.get("completion") != 100 or comp.get("needItems", 0):
            reasons.append(f"{name} sees its peer at {comp.get('completion')}% ({comp.get('remoteState')})")
    ta, tb = _tree(dir_a), _tree(dir_b)
    if ta != tb:
        diff = sorted(k for k in set(ta) | set(tb) if ta.get(k) != tb.get(k))
        reasons.append(f"{len(diff)} file(s) differ: {', '.join(diff[:4])}")
    if reasons:
        print("; ".join(reasons))
        sys.exit(1)


def cmd_connected(connections_json, device):
    sys.exit(0 if json.loads(connections_json).get("connections", {}).get(device, {}).get("connected") else 1)


def cmd_json_get(key):
    """Prints one top-level field of the JSON document on stdin."""
    print(json.load(sys.stdin)[key])


def cmd_verify_machines(verify_json, *machine_ids):
    """The machines findings of a tether --json verify document name every given machine id."""
    doc = json.loads(verify_json)
    paths = [f["path"] for f in doc["findings"] if f["id"] == "machines"]
    missing = [m for m in machine_ids if not any(p.endswith(os.sep + m + ".json") for p in paths)]
    if missing:
        die(f"FAIL: verify's machines findings do not name machine(s) {missing}; they name {paths}")


def cmd_verify_conflict(verify_json, provider_label):
    """The document has a conflict finding for a history.jsonl copy that names the sync client. Prints its path."""
    doc = json.loads(verify_json)
    hits = [f for f in doc["findings"] if f["id"] == "conflict" and "history.sync-conflict-" in f["path"]
            and provider_label in f["message"]]
    if not hits:
        die(f"FAIL: no conflict finding names a {provider_label} copy of history.jsonl; findings: "
            + json.dumps([f for f in doc["findings"] if f["id"] == "conflict"], ensure_ascii=False))
    for f in hits:
        print(f"{f['status']}: {f['message']} ({os.path.basename(f['path'])})")


def main():
    commands = {
        "free-ports": cmd_free_ports, "st-config": cmd_st_config, "generate": cmd_generate, "prompts": cmd_prompts,
        "check-lines": cmd_check_lines, "drop-lines": cmd_drop_lines, "in-sync": cmd_in_sync, "connected": cmd_connected, "json-get": cmd_json_get,
        "verify-machines": cmd_verify_machines, "verify-conflict": cmd_verify_conflict,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        die("usage: helpers.py " + "|".join(commands) + " ARGS...")
    commands[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
