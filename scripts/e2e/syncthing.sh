#!/usr/bin/env bash
# End-to-end test with a real sync engine: two Syncthing instances on this host play two machines.
#
#   1. start two Syncthing "machines" (own homes, 127.0.0.1 only, nothing global), share one folder;
#   2. machine A: tether setup into its Syncthing folder; wait until B has the data;
#   3. machine B (its own history, one of A's sessions continued): tether setup merges;
#   4. both verify clean, each sees the other in the machine registry;
#   5. pause the connection, both append prompts to history.jsonl through their links, resume:
#      Syncthing makes a real .sync-conflict- copy;
#   6. tether verify reports it, tether resolve merges it; after the sync settles both machines hold
#      every history line of both sides exactly once.
#
# Usage: scripts/e2e/syncthing.sh
# Needs: syncthing (1.19 or later), python3, curl, pgrep, Java 17 (or the native binary target/tether).
# Environment:
#   TETHER       the program to test (default: scripts/tether, i.e. target/tether when built, else the jar)
#   E2E_TIMEOUT  seconds allowed for each wait (default 90)
#   E2E_KEEP=1   keep the work directory (homes, Syncthing logs, tether output) instead of deleting it
#   E2E_BREAK_OUTCOME=1  breaks the outcome on purpose: after resolve, the lines machine B wrote offline are
#                dropped from the merged history.jsonl, as a resolve that lost them would leave it. Then this test
#                must fail with "LOST LINES"; that run is how we know the check would catch such a resolve.
#                tether itself is never changed for it.
# Linux only (GNU readlink/find); every wait is bounded, and the trap stops both Syncthing processes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
HELPERS="$here/helpers.py"
TETHER="${TETHER:-$root/scripts/tether}"
TIMEOUT="${E2E_TIMEOUT:-90}"
FOLDER="claude-e2e"          # Syncthing folder id, shared by both machines
MACHINES=(A B)

declare -A HOME_OF SYNC_OF ST_OF LOG_OF GUI_OF LISTEN_OF KEY_OF DEV_OF PID_OF MID_OF
WORK=""
STEP=0
LAST_OUT=""
LAST_ERR=""
RESULT="FAILED"

# ---------------------------------------------------------------- output, failure, cleanup

say() { printf '[e2e %3ss] %s\n' "$SECONDS" "$*"; }

dump_logs() {
  local m
  for m in "${MACHINES[@]}"; do
    if [ -n "${LOG_OF[$m]:-}" ] && [ -f "${LOG_OF[$m]}" ]; then
      echo "----- Syncthing log of machine $m (last 150 lines) -----" >&2
      tail -n 150 "${LOG_OF[$m]}" >&2
    fi
  done
  echo "----- end of Syncthing logs -----" >&2
}

# fail MESSAGE: stop the test; the trap stops Syncthing and removes the work directory.
fail() {
  echo "" >&2
  echo "FAIL: $*" >&2
  exit 1
}

# fail_with_logs MESSAGE: for waits that timed out and Syncthing errors, where the logs tell why.
fail_with_logs() {
  dump_logs
  fail "$@"
}

# stop_machine MACHINE: stops that Syncthing by process id: the process started here and its children
# (Syncthing 1.19 runs a monitor process and the real one under it), politely first, then with SIGKILL.
stop_machine() {
  local m="$1" pid="${PID_OF[$1]:-}" pids p i alive
  [ -n "$pid" ] || return 0
  pids="$pid $(pgrep -P "$pid" 2>/dev/null | tr '\n' ' ')"
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for i in $(seq 1 50); do
    alive=""
    for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.2
  done
  for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
  wait "$pid" 2>/dev/null || true
  PID_OF[$m]=""
}

cleanup() {
  local code=$?
  set +e
  for m in "${MACHINES[@]}"; do stop_machine "$m"; done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${E2E_KEEP:-}" = 1 ]; then
      echo "e2e: work directory kept: $WORK" >&2
    else
      rm -rf "$WORK"
    fi
  fi
  if [ "$code" -eq 0 ] && [ "$RESULT" = PASSED ]; then
    echo "e2e: PASSED in ${SECONDS}s"
  else
    echo "e2e: FAILED after ${SECONDS}s (exit $code)" >&2
    [ "$code" -ne 0 ] || code=1
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- Syncthing REST API

other() { if [ "$1" = A ]; then echo B; else echo A; fi; }

# api MACHINE METHOD PATH: one REST call to that machine's Syncthing; prints the body.
api() {
  curl -sf -m 30 -X "$2" -H "X-API-Key: ${KEY_OF[$1]}" "http://127.0.0.1:${GUI_OF[$1]}$3"
}

# shellcheck source=wait.sh
source "$here/wait.sh"
WAIT_FAIL=fail_with_logs   # a timeout shows both Syncthing logs

api_up() { api "$1" GET /rest/system/ping >/dev/null || { echo "REST API of $1 not answering yet"; return 1; }; }

connected() {
  local m="$1" conns
  conns="$(api "$m" GET /rest/system/connections)" || { echo "no answer from $m"; return 1; }
  python3 "$HELPERS" connected "$conns" "${DEV_OF[$(other "$m")]}" || { echo "$m is not connected to $(other "$m")"; return 1; }
}
both_connected() { connected A && connected B; }
both_disconnected() { ! connected A >/dev/null 2>&1 && ! connected B >/dev/null 2>&1 || { echo "still connected"; return 1; }; }

# in_sync: both folders idle, nothing needed, each sees its peer at 100%, and the two trees equal.
in_sync() {
  local sa sb ca cb
  sa="$(api A GET "/rest/db/status?folder=$FOLDER")" || { echo "no status from A"; return 1; }
  sb="$(api B GET "/rest/db/status?folder=$FOLDER")" || { echo "no status from B"; return 1; }
  ca="$(api A GET "/rest/db/completion?folder=$FOLDER&device=${DEV_OF[B]}")" || { echo "no completion from A"; return 1; }
  cb="$(api B GET "/rest/db/completion?folder=$FOLDER&device=${DEV_OF[A]}")" || { echo "no completion from B"; return 1; }
  python3 "$HELPERS" in-sync "$sa" "$sb" "$ca" "$cb" "${SYNC_OF[A]}" "${SYNC_OF[B]}"
}

# settled [EXTRA-PREDICATE]: in sync on two polls in a row (a second apart), and EXTRA holds.
settled() {
  in_sync || return 1
  if [ $# -gt 0 ]; then "$@" || return 1; fi
  sleep 1
  in_sync
}

# scan_both: make each Syncthing look at its folder now (the call returns when the scan is done).
scan_both() {
  local m
  for m in "${MACHINES[@]}"; do
    api "$m" POST "/rest/db/scan?folder=$FOLDER" >/dev/null || fail_with_logs "Syncthing $m refused to scan $FOLDER"
  done
}

# ---------------------------------------------------------------- tether on one machine

# run_tether MACHINE EXPECTED-EXIT ARGS...: runs tether as that machine's user; stdout in $LAST_OUT.
run_tether() {
  local m="$1" expected="$2" code=0
  shift 2
  STEP=$((STEP + 1))
  LAST_OUT="$WORK/out/$STEP-$m.stdout"
  LAST_ERR="$WORK/out/$STEP-$m.stderr"
  # A clean environment apart from HOME: nothing of the caller's own Claude or tether setup leaks in.
  env -u CLAUDE_CONFIG_DIR -u TETHER_STATE_DIR -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
    -u TETHER_CRASH_AT HOME="${HOME_OF[$m]}" NO_COLOR=1 \
    "$TETHER" "$@" >"$LAST_OUT" 2>"$LAST_ERR" </dev/null || code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "--- tether $* on machine $m: stdout" >&2
    cat "$LAST_OUT" >&2
    echo "--- stderr" >&2
    cat "$LAST_ERR" >&2
    fail "tether $* on machine $m exited $code, expected $expected"
  fi
  say "machine $m: tether $* -> exit $code"
}

# ---------------------------------------------------------------- step 1: two machines

prepare_machine() {
  local m="$1"
  HOME_OF[$m]="$WORK/$m/home"
  SYNC_OF[$m]="$WORK/$m/home/Sync"
  ST_OF[$m]="$WORK/$m/home/.config/syncthing"
  LOG_OF[$m]="$WORK/$m/syncthing.log"
  mkdir -p "${SYNC_OF[$m]}/.stfolder" "${ST_OF[$m]}"
  syncthing generate --home="${ST_OF[$m]}" --no-default-folder >"$WORK/$m/generate.log" 2>&1 \
    || { cat "$WORK/$m/generate.log" >&2; fail "syncthing generate failed for machine $m"; }
  DEV_OF[$m]="$(syncthing serve --home="${ST_OF[$m]}" --device-id)"
  KEY_OF[$m]="e2e-$m-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
}

configure_machine() {
  local m="$1" o
  o="$(other "$m")"
  python3 "$HELPERS" st-config "${ST_OF[$m]}/config.xml" "${DEV_OF[$m]}" "machine-$m" "${DEV_OF[$o]}" "machine-$o" \
    "${LISTEN_OF[$o]}" "${LISTEN_OF[$m]}" "${GUI_OF[$m]}" "${KEY_OF[$m]}" "$FOLDER" "${SYNC_OF[$m]}"
}

start_machine() {
  local m="$1"
  # --no-restart: a crash ends the test instead of being hidden by a restart. stop_machine stops it.
  HOME="${HOME_OF[$m]}" STNORESTART=1 STNOUPGRADE=1 \
    syncthing serve --home="${ST_OF[$m]}" --no-browser --no-restart --no-upgrade --logflags=3 \
    >"${LOG_OF[$m]}" 2>&1 </dev/null &
  PID_OF[$m]=$!
}

step1_two_machines() {
  say "step 1: two Syncthing machines on 127.0.0.1"
  local ports
  read -r -a ports <<<"$(python3 "$HELPERS" free-ports 4)"
  GUI_OF[A]="${ports[0]}"; LISTEN_OF[A]="${ports[1]}"
  GUI_OF[B]="${ports[2]}"; LISTEN_OF[B]="${ports[3]}"
  local m
  for m in "${MACHINES[@]}"; do prepare_machine "$m"; done
  for m in "${MACHINES[@]}"; do configure_machine "$m"; done
  # One after the other: B's first dial, right at its start, then finds A already listening. Started
  # together, both may dial too early and back off for up to half a minute.
  for m in "${MACHINES[@]}"; do
    start_machine "$m"
    wait_for "the REST API of machine $m" api_up "$m"
  done
  wait_for "the two machines to connect" both_connected
  say "A=${DEV_OF[A]:0:7} (gui :${GUI_OF[A]}, sync :${LISTEN_OF[A]})  B=${DEV_OF[B]:0:7} (gui :${GUI_OF[B]}, sync :${LISTEN_OF[B]})"
}

# ---------------------------------------------------------------- steps 2 to 4: setup on both

synced() { echo "${SYNC_OF[$1]}/.claude-session-backup"; }

# registries_complete: the registry files of both machines (by machine id) exist on both machines.
registries_complete() {
  local m owner
  for m in "${MACHINES[@]}"; do
    for owner in "${MACHINES[@]}"; do
      [ -f "$(synced "$m")/.tether/machines/${MID_OF[$owner]}.json" ] \
        || { echo "machine $m has no registry entry of machine $owner yet"; return 1; }
    done
  done
}

step2_first_machine() {
  say "step 2: machine A moves its history into its Syncthing folder"
  # --allow-running: these sandbox homes are never used by Claude Code, but a claude process of this
  # user (a real one, or another test's fake) would otherwise make setup refuse with exit 3.
  run_tether A 0 setup --sync-root "${SYNC_OF[A]}" --yes --allow-running
  scan_both
  wait_for "machine B to receive A's data" settled test -f "$(synced B)/history.jsonl"
  [ -f "$(synced B)/$SHARED_SESSION" ] || fail "machine B did not receive A's session $SHARED_SESSION"
  say "machine B has A's data"
}

step3_second_machine() {
  say "step 3: machine B (own history, one of A's sessions continued) merges at setup"
  run_tether B 0 setup --sync-root "${SYNC_OF[B]}" --yes --allow-running
  grep -q merge "$LAST_OUT" "$LAST_ERR" || fail "B's setup did not merge anything: $(cat "$LAST_OUT")"
  scan_both
  wait_for "both machines to agree after B's merge" settled
}

check_links_and_credentials() {
  local m item
  for m in "${MACHINES[@]}"; do
    for item in history.jsonl projects file-history tasks; do
      local link="${HOME_OF[$m]}/.claude/$item"
      [ -L "$link" ] || fail "machine $m: ~/.claude/$item is not a link"
      [ "$(readlink -f "$link")" = "$(synced "$m")/$item" ] || fail "machine $m: ~/.claude/$item points at $(readlink "$link")"
    done
    local cred="${HOME_OF[$m]}/.claude/.credentials.json"
    [ -f "$cred" ] && [ ! -L "$cred" ] || fail "machine $m: .credentials.json is no longer a local file"
    [ -z "$(find "${SYNC_OF[$m]}" -name .credentials.json)" ] || fail "machine $m: a credentials file is in the synced folder"
    # setup's retain and hook lines: the retention key and the two hooks added, the user's keys kept in
    # their order, the file still local.
    local settings="${HOME_OF[$m]}/.claude/settings.json"
    [ -f "$settings" ] && [ ! -L "$settings" ] || fail "machine $m: settings.json is no longer a local file"
    python3 - "$settings" "machine $m" <<'PY' || fail "machine $m: settings.json after setup is not what the retain line promises"
import json, sys
got = json.load(open(sys.argv[1], encoding="utf-8"))
hooks = got.pop("hooks", {})
if sorted(hooks) != ["SessionEnd", "SessionStart"]:
    sys.exit(f"{sys.argv[2]}: the hooks in settings.json are {hooks}")
want = {"model": "sonnet", "theme": "dark", "env": {"EDITOR": "vi"}, "cleanupPeriodDays": 36500}
if got != want or list(got)[:3] != ["model", "theme", "env"]:
    sys.exit(f"{sys.argv[2]}: settings.json is {got}")
PY
  done
}

step4_both_healthy() {
  say "step 4: both machines verify clean and see each other"
  local m
  for m in "${MACHINES[@]}"; do
    MID_OF[$m]="$(cat "${HOME_OF[$m]}/.local/state/tether/machine-id")"
  done
  [ "${MID_OF[A]}" != "${MID_OF[B]}" ] || fail "both machines have the same machine id ${MID_OF[A]}"
  scan_both
  wait_for "both registry entries on both machines" settled registries_complete
  for m in "${MACHINES[@]}"; do
    run_tether "$m" 0 verify --strict
    run_tether "$m" 0 --json verify
    python3 "$HELPERS" verify-machines "$(cat "$LAST_OUT")" "${MID_OF[A]}" "${MID_OF[B]}"
  done
  check_links_and_credentials
  # The continued session: A's lines and B's extra lines, each once, on both machines.
  for m in "${MACHINES[@]}"; do
    python3 "$HELPERS" check-lines "machine $m, session $SHARED_SESSION after setup" \
      "${HOME_OF[$m]}/.claude/$SHARED_SESSION" "$WORK/expect/A-session.jsonl" "$WORK/expect/B-session.jsonl"
    python3 "$HELPERS" check-lines "machine $m, history.jsonl after setup" \
      "${HOME_OF[$m]}/.claude/history.jsonl" "$WORK/expect/A-history.jsonl" "$WORK/expect/B-history.jsonl"
  done
  scan_both
  wait_for "the registry refresh of verify to sync" settled
}

# ---------------------------------------------------------------- steps 5 and 6: a real conflict

conflict_copies() { find "$(synced "$1")" -maxdepth 1 -name 'history.sync-conflict-*.jsonl' -print; }
conflict_seen() { [ -n "$(conflict_copies A)$(conflict_copies B)" ] || { echo "no history.sync-conflict-*.jsonl yet"; return 1; }; }
no_conflicts() { [ -z "$(conflict_copies A)$(conflict_copies B)" ] || { echo "conflict copies remain"; return 1; }; }

step5_make_conflict() {
  say "step 5: offline edits on both machines make a real Syncthing conflict"
  api A POST "/rest/system/pause?device=${DEV_OF[B]}" >/dev/null || fail_with_logs "could not pause B on A"
  api B POST "/rest/system/pause?device=${DEV_OF[A]}" >/dev/null || fail_with_logs "could not pause A on B"
  wait_for "the connection to close" both_disconnected
  local m
  for m in "${MACHINES[@]}"; do
    local link="${HOME_OF[$m]}/.claude/history.jsonl"
    [ -L "$link" ] || fail "machine $m: ~/.claude/history.jsonl is not a link"
    python3 "$HELPERS" prompts "$m" 4 30 >"$WORK/expect/$m-offline.jsonl"
    cat "$WORK/expect/$m-offline.jsonl" >>"$link"   # what Claude Code does: append through the link
    sleep 1                                          # distinct modification times, as on two real machines
  done
  scan_both
  # Resume in the reverse order of pausing. When A paused B, B saw the connection drop and redialled at
  # once (refused), so B's next dial waits for a cool-down; A has not dialled since. Resuming B first and
  # then A makes A dial right away, and B, already resumed, accepts: the machines reconnect in a second.
  api B POST "/rest/system/resume?device=${DEV_OF[A]}" >/dev/null || fail_with_logs "could not resume A on B"
  api A POST "/rest/system/resume?device=${DEV_OF[B]}" >/dev/null || fail_with_logs "could not resume B on A"
  wait_for "the machines to reconnect" both_connected
  say "reconnected"
  wait_for "Syncthing's conflict copy on both machines" settled conflict_seen
  say "conflict copy: $(basename "$(conflict_copies A | head -n 1)")"
}

step6_resolve() {
  say "step 6: verify reports the conflict, resolve merges it"
  run_tether A 0 --json verify
  python3 "$HELPERS" verify-conflict "$(cat "$LAST_OUT")" Syncthing
  run_tether A 1 verify --strict
  # --allow-running: see step 2.
  run_tether A 0 resolve --yes --allow-running
  ls "${HOME_OF[A]}"/.local/state/tether/resolved/*/history.sync-conflict-*.jsonl >/dev/null 2>&1 \
    || fail "resolve did not set the conflict copy aside under A's state dir"
  if [ "${E2E_BREAK_OUTCOME:-}" = "1" ]; then
    say "E2E_BREAK_OUTCOME=1: the merged history loses B's offline lines on purpose; this run must fail with LOST LINES"
    python3 "$HELPERS" drop-lines "$(synced A)/history.jsonl" "$WORK/expect/B-offline.jsonl"
  fi
  scan_both
  wait_for "the merged history to reach both machines" settled no_conflicts
  cmp -s "$(synced A)/history.jsonl" "$(synced B)/history.jsonl" || fail "history.jsonl differs between A and B"
  for m in "${MACHINES[@]}"; do
    python3 "$HELPERS" check-lines "machine $m, history.jsonl after the conflict and resolve" \
      "${HOME_OF[$m]}/.claude/history.jsonl" "$WORK/expect/A-history.jsonl" "$WORK/expect/B-history.jsonl" \
      "$WORK/expect/A-offline.jsonl" "$WORK/expect/B-offline.jsonl"
  done
  for m in "${MACHINES[@]}"; do run_tether "$m" 0 verify --strict; done
}

# ---------------------------------------------------------------- main

main() {
  local tool
  for tool in syncthing python3 curl pgrep; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (.ci/run installs what is missing with apt-get)"
  done
  say "syncthing: $(syncthing --version | head -n 1)"
  say "tether: $TETHER"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/tether-e2e.XXXXXX")"
  WORK="$(cd "$WORK" && pwd -P)"   # no link on the way: tether links to fully resolved targets
  mkdir -p "$WORK/out" "$WORK/expect"

  # The data of both machines, and copies of what each wrote, to check against at the end.
  python3 "$HELPERS" generate "$WORK/A/home/.claude" "$WORK/B/home/.claude" "$WORK/expect/shared-session"
  SHARED_SESSION="$(cat "$WORK/expect/shared-session")"
  local m
  for m in "${MACHINES[@]}"; do
    cp "$WORK/$m/home/.claude/history.jsonl" "$WORK/expect/$m-history.jsonl"
    cp "$WORK/$m/home/.claude/$SHARED_SESSION" "$WORK/expect/$m-session.jsonl"
  done

  step1_two_machines
  step2_first_machine
  step3_second_machine
  step4_both_healthy
  step5_make_conflict
  step6_resolve
  RESULT=PASSED
}

main "$@"
