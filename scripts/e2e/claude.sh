#!/usr/bin/env bash
# End-to-end test with the real Claude Code (the pinned npm release, installed when missing) against a fake
# Messages API on 127.0.0.1. Machines are homes of their own on this host; machines A and B share one sync root
# (a plain folder: sharing it needs no sync engine), machine C has its own, and so do keeper and sweeper together.
#
#   resume        after tether setup, new transcripts (-p and interactive) and prompts land in the synced folder;
#                 claude -c -p and claude --resume ID -p continue earlier sessions (the fake API's log shows the
#                 earlier turns were sent); the --resume picker lists sessions from before setup, after it and
#                 from machine B; a client running in B's home does not stop A's setup
#   file-history  after a setup of history.jsonl and projects only, an interactive Edit creates a real
#                 file-history/; verify warns with a hint; while the client runs, that hint refuses (exit 3);
#                 after it, the hint links file-history
#   purge         claude purge PROJECT --yes replaces the history.jsonl link with a real file; verify reports
#                 link.replaced; setup merges it back and no prompt is lost
#   hooks         machine H, a sync root of its own: after setup (which keeps the user's own hooks), a healthy
#                 interactive start shows nothing of tether's; with the synced folder renamed away a new session
#                 shows tether's SessionStart warning (tmux capture); after an interactive /exit and after claude -p
#                 the SessionEnd hook has archived the session: the archive's <id>.jsonl.gz ends with the
#                 transcript's last line and hooks.jsonl says archived
#   offline       the sync root renamed away: the client answers, but its session is written nowhere; verify
#                 says new sessions are being lost right now
#   retention     old sessions (60 days by modification time) survive Claude Code's retention sweep after setup; a
#                 second machine with an explicit cleanupPeriodDays of 30 makes verify report retention (error there,
#                 warn on the first); after tether backup its sweep deletes the old sessions through the links, for
#                 both machines; restore --deleted brings them back byte for byte (refusing, until --touch, one last
#                 active two months ago), the next sweep leaves them, and claude --resume ID -p continues them
#   unlink        tether unlink gives back every file of every machine, byte for byte (SHA-256 through the links
#                 before, of the real files after)
#
# Usage: scripts/e2e/claude.sh [SCENARIO...]      (default: all; always in the order above; each can run alone)
# Needs: python3, tmux, npm (only to install the client once), Java 17 (or the native binary target/tether).
# Environment:
#   TETHER        the program to test (default: scripts/tether, i.e. target/tether when built, else the jar)
#   CLAUDE_BIN    a Claude Code executable (default: the version in claude-code.version, see install-claude-code.sh)
#   E2E_TIMEOUT   seconds allowed for each wait (default 60)
#   E2E_KEEP=1    keep the work directory (homes, the fake API's request log, every output) instead of deleting it
# Linux only; every wait is bounded, and every process started here is stopped by its pid at the end.
#
# A new scenario is a function scenario_NAME built from the blocks of claude-lib.sh, plus its name in SCENARIOS.
set -euo pipefail
# shellcheck source=claude-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/claude-lib.sh"

SCENARIOS=(resume file-history purge hooks offline retention unlink)
ITEMS=(history.jsonl projects file-history .archive .planning tasks)   # tether's default items
SYNC=""   # the sync root of machines A and B

synced() { echo "$SYNC/.claude-session-backup"; }

# ensure_pair: machines A and B exist and are set up on the shared sync root (by scenario resume, or here in
# brief when a later scenario runs alone).
ensure_pair() {
  [ -z "${HOME_OF[A]:-}" ] || return 0
  SYNC="$WORK/cloud"
  mkdir -p "$SYNC"
  local app m
  app="$(project_dir app)"
  for m in A B; do
    machine_new "$m"
    cc_open "$m" "$app" "first-$m"
    cc_say "first-$m" "a first prompt on $m"
    cc_close "first-$m"
    run_tether "$m" 0 setup --sync-root "$SYNC" --yes
  done
}

# ---------------------------------------------------------------- scenario 1

scenario_resume() {
  say "scenario resume: new sessions land in the synced folder and continue across setup and machines"
  SYNC="$WORK/cloud"
  mkdir -p "$SYNC"
  local app key before_p="11111111-1111-4111-8111-111111111111" after_p="22222222-2222-4222-8222-222222222222" mark
  app="$(project_dir app)"
  key="$(project_key "$app")"
  machine_new A
  machine_new B

  # Before setup: on A a -p session (of a known id) and an interactive one; on B an interactive one that stays
  # open while A sets up.
  cc_print A "$app" "before setup, one-shot on A" --session-id "$before_p"
  cc_open A "$app" a1
  cc_say a1 "before setup, interactive on A"
  cc_close a1
  cc_open B "$app" b1
  cc_say b1 "before setup, interactive on B"
  run_tether A 0 setup --sync-root "$SYNC" --yes
  cc_close b1
  run_tether B 0 setup --sync-root "$SYNC" --yes
  local m
  for m in A B; do
    is_link_into "$(claude_dir "$m")/history.jsonl" "$(synced)"
    is_link_into "$(claude_dir "$m")/projects" "$(synced)"
  done
  [ -f "$(synced)/projects/$key/$before_p.jsonl" ] || fail "A's session from before setup is not in the synced folder"

  # After setup: new transcripts and prompts of both machines land in the synced folder.
  cc_print A "$app" "after setup, one-shot on A" --session-id "$after_p"
  [ -f "$(synced)/projects/$key/$after_p.jsonl" ] || fail "the -p session $after_p is not in the synced folder"
  cc_open A "$app" a2
  cc_say a2 "after setup, interactive on A"
  cc_close a2
  cc_open B "$app" b2
  cc_say b2 "after setup, interactive on B"
  cc_close b2
  local s
  for s in a2 b2; do
    [ -f "$(synced)/projects/$key/${SESSION_OF[$s]}.jsonl" ] \
      || fail "the interactive session ${SESSION_OF[$s]} of ${MACHINE_OF[$s]} is not in the synced folder"
  done
  check history-has "$(synced)/history.jsonl" "before setup, interactive on A"
  check history-has "$(synced)/history.jsonl" "before setup, interactive on B"
  check history-has "$(synced)/history.jsonl" "after setup, interactive on A" "${SESSION_OF[a2]}"
  check history-has "$(synced)/history.jsonl" "after setup, interactive on B" "${SESSION_OF[b2]}"

  # The picker of A lists the sessions from before setup, after it, and from machine B. (It lists interactive
  # sessions only, by their last prompt; -p sessions are not in it.)
  local listed=("before setup, interactive on A" "after setup, interactive on A" "before setup, interactive on B"
    "after setup, interactive on B")
  cc_open_picker A "$app" pick-a
  wait_for "the picker to list the four interactive sessions" screen_has pick-a "${listed[@]}"
  screen pick-a >"$WORK/out/picker-A.txt"
  check screen-lists "$WORK/out/picker-A.txt" "${listed[@]}"
  cc_close pick-a

  # claude -c -p continues the newest session of this folder: B's, read through A's links.
  mark="$(python3 "$CHECKS" api-seq "$API_LOG")"
  cc_print A "$app" "continued with -c on A" -c
  check api-carried "$API_LOG" "$mark" "continued with -c on A" "after setup, interactive on B"
  grep -qF "continued with -c on A" "$(synced)/projects/$key/${SESSION_OF[b2]}.jsonl" \
    || fail "claude -c did not append to the session ${SESSION_OF[b2]} in the synced folder"

  # claude --resume ID -p continues the -p session made before setup, which setup moved.
  mark="$(python3 "$CHECKS" api-seq "$API_LOG")"
  cc_print A "$app" "resumed by id on A" --resume "$before_p"
  check api-carried "$API_LOG" "$mark" "resumed by id on A" "before setup, one-shot on A"
  grep -qF "resumed by id on A" "$(synced)/projects/$key/$before_p.jsonl" \
    || fail "claude --resume did not append to $before_p.jsonl in the synced folder"

  run_tether A 0 verify
  run_tether B 0 verify
}

# ---------------------------------------------------------------- scenario 2

scenario_file_history() {
  say "scenario file-history: an item that appears after setup gets a hint that links it"
  local dir claude sync hint args=() snapshot
  dir="$(project_dir edit)"
  sync="$WORK/cloud-c"
  mkdir -p "$sync"
  machine_new C
  claude="$(claude_dir C)"
  printf 'the fruit is cherry\n' >"$dir/fruit.txt"
  cc_open C "$dir" c0
  cc_say c0 "a prompt on C before setup"
  cc_close c0
  run_tether C 0 setup --sync-root "$sync" --yes --item history.jsonl --item projects
  [ ! -e "$claude/file-history" ] || fail "file-history exists before the first Edit"

  cc_open C "$dir" c1
  cc_say c1 "[[edit $dir/fruit.txt cherry plum]]" "fake answer: edited fruit.txt (cherry -> plum)"
  grep -qx 'the fruit is plum' "$dir/fruit.txt" || fail "the Edit did not change fruit.txt: $(cat "$dir/fruit.txt")"
  [ -d "$claude/file-history" ] && [ ! -L "$claude/file-history" ] || fail "the Edit made no real file-history/"
  snapshot="$(cd "$claude" && find file-history -type f -name '*@v*' | head -n 1)"
  [ -n "$snapshot" ] || fail "file-history/ holds no snapshot after the Edit: $(find "$claude/file-history")"
  say "the Edit wrote $snapshot"
  cp "$claude/$snapshot" "$WORK/out/snapshot"

  verify_json C 0
  check finding "$VERIFY_JSON" link.present warn file-history
  hint="$(python3 "$CHECKS" finding "$VERIFY_JSON" link.present warn file-history hint)"
  say "verify's hint: $hint"
  mapfile -t args < <(python3 "$CHECKS" hint-args "$hint")
  # The client that made file-history still runs in this home: the hint's setup must refuse and move nothing.
  run_tether C 3 "${args[@]}" --yes
  grep -q "Claude Code is running" "$LAST_ERR" || fail "setup refused, but not because Claude Code runs: $(cat "$LAST_ERR")"
  [ ! -L "$claude/file-history" ] || fail "the refused setup linked file-history"
  cc_close c1
  run_tether C 0 "${args[@]}" --yes
  is_link_into "$claude/file-history" "$sync/.claude-session-backup"
  is_link_into "$claude/history.jsonl" "$sync/.claude-session-backup"
  is_link_into "$claude/projects" "$sync/.claude-session-backup"
  cmp -s "$WORK/out/snapshot" "$claude/$snapshot" || fail "the snapshot $snapshot changed on its way into the synced folder"
  run_tether C 0 verify --strict
}

# ---------------------------------------------------------------- scenario 3

scenario_purge() {
  say "scenario purge: claude purge replaces the history link; setup merges it back"
  ensure_pair
  local dir claude
  dir="$(project_dir purge-me)"
  claude="$(claude_dir A)"
  cc_open A "$dir" p1
  cc_say p1 "a prompt in the project to purge"
  cc_close p1
  cp "$claude/history.jsonl" "$WORK/out/history-before-purge.jsonl"
  cc_run A "$dir" purge "$dir" --yes
  say "machine A: claude purge $(basename "$dir") --yes -> $(grep -m1 -i purged "$LAST_OUT" || echo done)"
  [ -f "$claude/history.jsonl" ] && [ ! -L "$claude/history.jsonl" ] \
    || fail "claude purge left history.jsonl a link (expected a real file in its place)"
  verify_json A 1
  check finding "$VERIFY_JSON" link.replaced error history.jsonl
  run_tether A 0 setup --yes
  is_link_into "$claude/history.jsonl" "$(synced)"
  check has-lines "history.jsonl after purge and setup" "$claude/history.jsonl" "$WORK/out/history-before-purge.jsonl"
  run_tether A 0 verify
}

# ---------------------------------------------------------------- scenario hooks

# hooks_spy DIR: DIR/spy.sh EVENT, a hook of the user's own that keeps what the client passes on its stdin in
# DIR/EVENT.<nanoseconds>.json (written whole, then renamed into place).
hooks_spy() {
  mkdir -p "$1"
  cat >"$1/spy.sh" <<'SPY'
#!/bin/sh
d="$(dirname "$0")"
t="$(date +%s%N)"
cat >"$d/.$1.$t.tmp" && mv "$d/.$1.$t.tmp" "$d/$1.$t.json"
SPY
  chmod +x "$1/spy.sh"
}

# screen_says NAME TEXT...: the screen of NAME shows every TEXT, wherever the client wrapped its lines.
screen_says() {
  local s name="$1" text
  shift
  s="$(screen "$name" | tr -s '[:space:]' ' ')" || { echo "no tmux session $name"; return 1; }
  for text in "$@"; do
    grep -qF -- "$text" <<<"$s" || { echo "the screen of $name does not show '$text' yet"; return 1; }
  done
}

# hooks_archived HOOKS-JSONL SPY-DIR ID: tether's session-end noted "archived" for session ID, and how long after the
# client began its SessionEnd hooks. The client gives those hooks 1.5 s in all unless an entry sets a "timeout",
# then stops them (SIGTERM; claude -p says "SessionEnd hook [...] failed: Hook cancelled" on stderr), so a hook
# that took longer notes nothing.
hooks_archived() {
  local line took
  line="$(python3 "$CHECKS" hook-log "$1" session-end "$3" "archived")" \
    || fail "tether's session-end hook noted no archived run of $3 (see above): did it outlast the client's 1.5 s for SessionEnd hooks?"
  took="$(python3 "$CHECKS" hook-took "$2" SessionEnd "$1" session-end "$3")"
  say "hooks.jsonl: session-end of $3: $line (noted $took s after the client began its SessionEnd hooks; by default it allows them 1.5 s)"
}

now_s() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

scenario_hooks() {
  say "scenario hooks: setup's SessionStart hook warns in the session only when it is written nowhere; SessionEnd archives"
  local dir key sync claude state archive spy id t0 ready
  dir="$(project_dir hooks)"
  key="$(project_key "$dir")"
  sync="$WORK/cloud-h"
  mkdir -p "$sync"
  machine_new H
  claude="$(claude_dir H)"
  state="${HOME_OF[H]}/.local/state/tether"
  archive="${HOME_OF[H]}/.local/share/tether/archive"   # the default archive: no backup named another
  spy="$WORK/hooks-spy"
  hooks_spy "$spy"
  # The user's own hooks on both events: setup keeps them, and they show what the client passes a hook.
  mkdir -p "$claude"
  printf '{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "%s SessionStart"}]}],
  "SessionEnd": [{"hooks": [{"type": "command", "command": "%s SessionEnd"}]}]}}\n' "$spy/spy.sh" "$spy/spy.sh" \
    >"$claude/settings.json"
  cc_open H "$dir" h0
  cc_say h0 "a prompt on H before setup"
  cc_close h0
  run_tether H 0 setup --sync-root "$sync" --yes
  grep -q "hooks" "$LAST_OUT" || fail "setup's plan has no hooks line: $(cat "$LAST_OUT")"
  check hook-entries "$claude/settings.json" "$spy/spy.sh SessionStart" "$spy/spy.sh SessionEnd"

  # 1. A healthy start shows nothing of tether's. The client runs SessionStart hooks beside its prompt, not before
  # it, so wait until it ran them (the spy's input is there) and tether's has ended, then use the session.
  cc_open H "$dir" h1
  id="${SESSION_OF[h1]}"
  wait_for "the SessionStart hooks of h1" python3 "$CHECKS" hook-input "$spy" SessionStart "$id"
  check hook-input "$spy" SessionStart "$id" hook_event_name=SessionStart source=startup "cwd=$dir" \
    "transcript_path=$claude/projects/$key/$id.jsonl"
  wait_for "tether's session-start hook of h1 to end" python3 "$CHECKS" hook-ended session-start "$claude"
  cc_say h1 "a healthy session on H"
  screen h1 >"$WORK/out/hooks-healthy.txt"
  ! grep -qE "tether:|SessionStart:" "$WORK/out/hooks-healthy.txt" \
    || fail "a healthy start shows a hook's message: $(grep -E "tether:|SessionStart:" "$WORK/out/hooks-healthy.txt")"
  check no-hook-log "$state/hooks.jsonl" session-start
  say "as expected, the healthy start of h1 shows nothing from tether"

  # 3 (interactive). /exit runs the SessionEnd hooks; the client waits for them (at most 1.5 s unless an entry sets a
  # "timeout") before it exits, so once it has gone, tether has archived the transcript up to its last line.
  cc_close h1
  check hook-input "$spy" SessionEnd "$id" hook_event_name=SessionEnd reason=prompt_input_exit \
    "transcript_path=$claude/projects/$key/$id.jsonl"
  hooks_archived "$state/hooks.jsonl" "$spy" "$id"
  check archived-last-line "$archive/projects/$key/$id.jsonl.gz" "$claude/projects/$key/$id.jsonl"

  # 2. The synced folder renamed away: the links dangle, and a new session shows tether's warning under the
  # client's banner ("SessionStart:startup says: tether: ..."), once the hook has ended.
  mv "$sync" "$sync.away"
  t0="$(now_s)"
  cc_open H "$dir" h2
  ready="$(since "$t0")"
  wait_for "tether's warning on the screen of h2" screen_says h2 "SessionStart:startup says: tether:" \
    "this session is written nowhere and will be lost"
  say "h2: prompt ready ${ready} s after the start, tether's warning shown at $(since "$t0") s"
  screen h2 >"$WORK/out/hooks-away.txt"
  say "h2 shows: $(grep -F "SessionStart:" "$WORK/out/hooks-away.txt" | sed 's/^[[:space:]]*//')"
  say "hooks.jsonl: session-start: $(python3 "$CHECKS" hook-log "$state/hooks.jsonl" session-start - "tether: the synced folder")"
  cc_say h2 "a session on H while the synced folder is away"
  cc_close h2
  say "hooks.jsonl: session-end of the session written nowhere: $(python3 "$CHECKS" hook-log "$state/hooks.jsonl" \
    session-end "${SESSION_OF[h2]}" "")"
  # claude -p runs the SessionStart hooks before its turn, but shows no systemMessage: tether's warning reaches a
  # one-shot user only through hooks.jsonl (a measurement of the client, not asserted).
  cc_print H "$dir" "a one-shot on H while the synced folder is away"
  say "claude -p while away: stdout $(wc -l <"$LAST_OUT") line(s)$(grep -q "tether:" "$LAST_OUT" "$LAST_ERR" \
    && echo ", with tether's warning" || echo ", no warning"); stderr: $(tr '\n' ' ' <"$LAST_ERR" | cut -c1-200)"
  mv "$sync.away" "$sync"

  # 3 (-p). A one-shot session runs the SessionStart and SessionEnd hooks too (reason "other"); the client reports a
  # SessionEnd hook it had to cancel on stderr ("SessionEnd hook [...] failed: Hook cancelled").
  id="33333333-3333-4333-8333-333333333333"
  cc_print H "$dir" "a one-shot on H after setup" --session-id "$id"
  ! grep -q "hook" "$LAST_ERR" || fail "claude -p reported a hook on stderr: $(cat "$LAST_ERR")"
  check hook-input "$spy" SessionStart "$id" hook_event_name=SessionStart source=startup
  check hook-input "$spy" SessionEnd "$id" hook_event_name=SessionEnd reason=other \
    "transcript_path=$claude/projects/$key/$id.jsonl"
  hooks_archived "$state/hooks.jsonl" "$spy" "$id"
  check archived-last-line "$archive/projects/$key/$id.jsonl.gz" "$claude/projects/$key/$id.jsonl"
  run_tether H 0 verify

  # Found by this scenario: without a "timeout" on its entry, Claude Code 2.1.332 allows the SessionEnd hooks 1.5 s
  # in all and then stops them (SIGTERM), cutting tether's session-end off before it archives or notes anything (the
  # jar alone takes 0.6-1.4 s to start and archive on a busy machine; a large transcript can outlast 1.5 s natively).
  # tether's entry carries a "timeout" (seconds) that covers its own bound; the client waits up to that, at most 60 s.
  check hook-timeout "$claude/settings.json" SessionEnd "hook session-end" 1.5
}

# ---------------------------------------------------------------- scenario 4

scenario_offline() {
  say "scenario offline: with the sync root gone, sessions are written nowhere and verify says so"
  ensure_pair
  local dir claude msg
  dir="$(project_dir offline)"
  claude="$(claude_dir A)"
  mv "$SYNC" "$SYNC.away"
  cc_print A "$dir" "one-shot while the sync root is away"
  cc_open A "$dir" o1
  cc_say o1 "interactive while the sync root is away"
  cc_close o1
  local hits
  hits="$(python3 "$CHECKS" files-with "while the sync root is away" "$WORK/machines" "$SYNC.away")" \
    && say "as expected, no file holds the prompts typed while the sync root was away" \
    || fail "the prompts typed while the sync root was away were written to: $hits (expected nowhere)"
  local item
  for item in history.jsonl projects; do
    [ -L "$claude/$item" ] || fail "the client replaced the dangling link $item with a real entry"
  done
  verify_json A 1
  msg="$(python3 "$CHECKS" finding "$VERIFY_JSON" sync.root error - message)"
  say "verify: sync.root: $msg"
  grep -q "being lost right now" <<<"$msg" || fail "verify's sync.root message does not say that sessions are being lost now: $msg"
  msg="$(python3 "$CHECKS" finding "$VERIFY_JSON" link.dangling error history.jsonl message)"
  say "verify: link.dangling: $msg"
  grep -q "lost" <<<"$msg" || fail "verify's link.dangling message does not say that what is written is lost: $msg"
  mv "$SYNC.away" "$SYNC"
  run_tether A 0 verify
}

# ---------------------------------------------------------------- scenario 5

# age_paths DAYS PATH...: every PATH and everything under it last modified DAYS days ago. Claude Code's sweep
# judges by modification time alone; children first, so no later change gives a folder a new time.
age_paths() {
  local days="$1"
  shift
  find "$@" -depth -exec touch -h -d "$days days ago" {} +
}

# task_list DIR SUBJECT: a task list of the shape Claude Code keeps in tasks/<session>/ (a JSON file per task, and
# .highwatermark, the last id given). The fake API does not drive the client's task tools, so it is made by hand.
task_list() {
  mkdir -p "$1"
  printf '{"id":"1","subject":"%s","description":"%s","activeForm":"Working on it","status":"pending","blocks":[],"blockedBy":[]}\n' \
    "$2" "$2" >"$1/1.json"
  printf '1' >"$1/.highwatermark"
}

# session_extras DIR ID CWD: the files Claude Code keeps beside a transcript in DIR/ID/: a subagent's transcript
# (subagents/agent-<id>.jsonl, written when the Task tool runs one) and a tool output kept aside
# (tool-results/<tool_use_id>.txt, for a long output). The fake API drives neither, so they are made by hand.
session_extras() {
  local dir="$1/$2" now version
  now="$(date -u +%Y-%m-%dT%H:%M:%S.000Z)"
  version="$(tr -d ' \n' <"$E2E_DIR/claude-code.version")"
  mkdir -p "$dir/subagents" "$dir/tool-results"
  printf '{"parentUuid":null,"isSidechain":true,"userType":"external","cwd":"%s","sessionId":"%s","version":"%s","agentId":"a0e2e0keep","type":"user","message":{"role":"user","content":"look around"},"uuid":"00000000-0000-4000-8000-00000000e2e1","timestamp":"%s"}\n' \
    "$3" "$2" "$version" "$now" >"$dir/subagents/agent-a0e2e0keep.jsonl"
  printf '%s\n' "a long tool output, kept aside" >"$dir/tool-results/toolu_e2e_keep.txt"
}

# cc_sweep M DIR WORDS [ARGS...]: a `claude -p` run of machine M in DIR that lives long enough (the fake API
# answers after 12 s) for Claude Code's retention sweep, which starts in the background about 5 s after start-up (a
# -p run that ends at once does not sweep). Its throttle, <claude-dir>/.last-cleanup, is removed first; the sweep
# writes it again with its start time, which is shown: the proof that the sweep ran, and when.
cc_sweep() {
  local m="$1" dir="$2" words="$3" claude started
  shift 3
  claude="$(claude_dir "$m")"
  rm -f "$claude/.last-cleanup"
  started="$(date -u +%s)"
  cc_print "$m" "$dir" "[[sleep 12]] $words" "$@"
  [ -f "$claude/.last-cleanup" ] \
    || fail "machine $m: a client alive for 12 s left no .last-cleanup (expected one: the sweep runs and records itself)"
  say "machine $m: the sweep ran at $(cat "$claude/.last-cleanup") ($(($(date -u -d "$(cat "$claude/.last-cleanup")" +%s) - started)) s after start-up)"
}

# each_exists LABEL ROOT REL...: every ROOT/REL exists; each_gone LABEL ROOT REL...: none does.
each_exists() {
  local label="$1" root="$2" rel missing=()
  shift 2
  for rel in "$@"; do [ -e "$root/$rel" ] || missing+=("$rel"); done
  [ "${#missing[@]}" -eq 0 ] || fail "$label: expected all $# entries in $root, missing: ${missing[*]}"
  say "$label: all $# entries are there"
}

each_gone() {
  local label="$1" root="$2" rel left=()
  shift 2
  for rel in "$@"; do [ ! -e "$root/$rel" ] || left+=("$rel"); done
  [ "${#left[@]}" -eq 0 ] || fail "$label: expected all $# entries gone from $root, still there: ${left[*]}"
  say "$label: all $# entries are gone"
}

scenario_retention() {
  say "scenario retention: the sweep keeps old sessions after setup; a machine at 30 days deletes them; restore brings them back"
  # Two machines of their own on a sync root of their own: "keeper" is set up with tether's retention (36500), and
  # "sweeper" chose 30 days in its settings.json, which tether keeps.
  local sync="$WORK/cloud-keep" app key keeper sweeper archive="$WORK/archive-sweeper"
  local one="55555555-5555-4555-8555-555555555555" two="66666666-6666-4666-8666-666666666666" edit id rel
  local old="77777777-7777-4777-8777-777777777777" dormant="88888888-8888-4888-8888-888888888888" quiet quiet_key
  mkdir -p "$sync"
  app="$(project_dir keep)"
  key="$(project_key "$app")"
  quiet="$(project_dir quiet)"
  quiet_key="$(project_key "$quiet")"
  machine_new keeper
  machine_new sweeper
  keeper="$(claude_dir keeper)"
  sweeper="$(claude_dir sweeper)"
  local synced="$sync/.claude-session-backup"

  # Sessions of the real client on keeper: three -p runs, and an interactive Edit (which writes
  # file-history/<id>/); a task list for each; and a project with a single -p session. Then all of it 60 days old
  # by modification time, which is what the sweep judges by (the quiet project's folder too, so the sweep removes
  # it whole). One session is also old by its content: its lines' timestamps moved 60 days back, as if it was last
  # active two months ago (restore judges by the last line's timestamp).
  cc_print keeper "$app" "an old one-shot on keeper" --session-id "$one"
  cc_print keeper "$app" "another old one-shot on keeper" --session-id "$two"
  cc_print keeper "$app" "a one-shot last active two months ago" --session-id "$old"
  check shift-stamps "$keeper/projects/$key/$old.jsonl" 60
  printf 'the colour is red\n' >"$app/colour.txt"
  cc_open keeper "$app" k1
  cc_say k1 "[[edit $app/colour.txt red blue]]" "fake answer: edited colour.txt (red -> blue)"
  cc_close k1
  edit="${SESSION_OF[k1]}"
  session_extras "$keeper/projects/$key" "$two" "$app"
  cc_print keeper "$quiet" "the only session of a quiet project" --session-id "$dormant"
  local ids=("$one" "$two" "$old" "$edit") aged=("projects/$quiet_key" "tasks/$dormant")
  task_list "$keeper/tasks/$dormant" "a task of $dormant"
  for id in "${ids[@]}"; do
    task_list "$keeper/tasks/$id" "a task of $id"
    aged+=("projects/$key/$id.jsonl" "tasks/$id")
    [ ! -e "$keeper/projects/$key/$id" ] || aged+=("projects/$key/$id")
  done
  [ -d "$keeper/file-history/$edit" ] || fail "the Edit of session $edit wrote no file-history/$edit/"
  aged+=("file-history/$edit")
  (cd "$keeper" && age_paths 60 "${aged[@]}")
  say "aged to 60 days: ${aged[*]}"

  # keeper: setup adds cleanupPeriodDays 36500; the entries move into the synced folder still 60 days old; a client
  # that lives long enough to sweep keeps every one of them.
  run_tether keeper 0 setup --sync-root "$sync" --yes
  [ "$(python3 "$CHECKS" json-get "$keeper/settings.json" cleanupPeriodDays)" = 36500 ] \
    || fail "keeper: setup did not set cleanupPeriodDays to 36500: $(cat "$keeper/settings.json")"
  is_link_into "$keeper/projects" "$synced"
  (cd "$synced" && check older-than 59 "${aged[@]}")
  check manifest "$synced" "$WORK/out/keep-before-sweep.json" "${aged[@]}"
  cc_sweep keeper "$app" "a long one-shot on keeper"
  check manifest "$synced" "$WORK/out/keep-after-sweep.json" "${aged[@]}"
  check same-manifest "the 60-day-old sessions after keeper's sweep (cleanupPeriodDays 36500)" \
    "$WORK/out/keep-before-sweep.json" "$WORK/out/keep-after-sweep.json"
  each_exists "keeper's sweep" "$synced" "${aged[@]}"

  # sweeper chose 30 days: setup keeps the value and warns; verify reports retention: an error on sweeper, a warning
  # on keeper naming sweeper (from the machine registry).
  mkdir -p "$sweeper"
  printf '{\n  "cleanupPeriodDays": 30\n}\n' >"$sweeper/settings.json"
  run_tether sweeper 0 --json setup --sync-root "$sync" --yes
  local doc="$LAST_OUT" msg
  [ "$(python3 "$CHECKS" json-get "$sweeper/settings.json" cleanupPeriodDays)" = 30 ] \
    || fail "sweeper: setup changed the cleanupPeriodDays 30 that the user chose: $(cat "$sweeper/settings.json")"
  [ "$(python3 "$CHECKS" json-get "$doc" retention.action)/$(python3 "$CHECKS" json-get "$doc" retention.cleanupPeriodDays)" = ok/30 ] \
    || fail "sweeper: setup's retention line is not 'ok' at 30 days: $(python3 "$CHECKS" json-get "$doc" retention)"
  msg="$(python3 "$CHECKS" json-get "$doc" retention.warning)"
  [ "$msg" != null ] && [ "$msg" != "(absent)" ] || fail "sweeper: setup kept 30 days without a warning"
  say "sweeper: setup kept 30 days and warned: $msg"
  is_link_into "$sweeper/projects" "$synced"
  verify_json sweeper 1
  say "verify on sweeper: retention error: $(python3 "$CHECKS" finding "$VERIFY_JSON" retention error - message)"
  verify_json keeper 0
  msg="$(python3 "$CHECKS" finding "$VERIFY_JSON" retention warn - message)"
  say "verify on keeper: retention warn: $msg"
  grep -qF "tether-e2e-sweeper" <<<"$msg" && grep -qF "30 days" <<<"$msg" \
    || fail "keeper's retention warning does not name sweeper (tether-e2e-sweeper) and its 30 days: $msg"

  # sweeper backs up into an archive of its own; its retention is then a warning (the archive keeps what it deletes).
  run_tether sweeper 0 backup --archive "$archive"
  say "sweeper: tether backup: $(grep -v '^[[:space:]]*$' "$LAST_OUT" | tail -n 1)"
  for rel in "${ids[@]/#/projects/$key/}" "projects/$quiet_key/$dormant"; do
    [ -f "$archive/$rel.jsonl.gz" ] || fail "the archive holds no $rel.jsonl.gz after backup"
  done
  verify_json sweeper 0
  say "verify on sweeper after backup: retention warn: $(python3 "$CHECKS" finding "$VERIFY_JSON" retention warn - message)"

  # sweeper's sweep (cleanupPeriodDays 30) deletes every 60-day-old entry in the synced folder, through its links:
  # gone for keeper too, the quiet project's whole folder with them. Only those: the fresh sessions (keeper's
  # sweeping run, sweeper's own) stay.
  local restorable=() tasks=()
  for rel in "${aged[@]}"; do
    case "$rel" in tasks/*) tasks+=("$rel") ;; *) restorable+=("$rel") ;; esac
  done
  check manifest "$synced" "$WORK/out/restorable-before-loss.json" "${restorable[@]}"
  cp -a "$synced/tasks" "$WORK/out/tasks-before-loss"
  check manifest "$synced" "$WORK/out/synced-before-loss.json" .
  cc_sweep sweeper "$app" "a long one-shot on sweeper"
  check manifest "$synced" "$WORK/out/synced-after-loss.json" .
  python3 "$CHECKS" manifest-diff "sweeper's sweep, in the synced folder" "$WORK/out/synced-before-loss.json" \
    "$WORK/out/synced-after-loss.json" | while IFS= read -r line; do say "$line"; done
  each_gone "sweeper's sweep (cleanupPeriodDays 30), in the synced folder" "$synced" "${aged[@]}"
  each_gone "sweeper's sweep, as keeper sees it through its links" "$keeper" "${aged[@]}"
  check gone-exactly "sweeper's sweep" "$WORK/out/synced-before-loss.json" "$WORK/out/synced-after-loss.json" "${aged[@]}"

  # restore on sweeper, whose 30 days decide whether a restored session would be swept again (through the links,
  # for every machine). restore gives a file its last line's timestamp: the sessions old only by `touch` come back
  # young; the one last active two months ago would be swept again at sweeper's next start, so `restore --deleted`
  # refuses (exit 3) and changes nothing.
  run_tether sweeper 3 restore --deleted --yes
  grep -qF "$old" "$LAST_ERR" || fail "restore --deleted refused, but without naming $old: $(cat "$LAST_ERR")"
  say "sweeper: tether restore --deleted refused: $(head -n 1 "$LAST_ERR")"
  each_gone "the refused restore changed nothing" "$synced" "${aged[@]}"
  # --touch for that session alone: it gets the current time, so sweeper's 30 days keep it. (The others get no
  # --touch: their own last timestamps keep them, and the pickers order them rightly.)
  run_tether sweeper 0 restore "$old" --touch --yes
  check modified-within 600 "$synced/projects/$key/$old.jsonl"
  # restore --deleted now brings back the rest, byte for byte, through the links.
  run_tether sweeper 0 restore --deleted --yes
  say "sweeper: tether restore --deleted: $(grep -v '^[[:space:]]*$' "$LAST_OUT" | tail -n 1)"
  check manifest "$synced" "$WORK/out/restorable-after-restore.json" "${restorable[@]}"
  check same-manifest "the swept sessions after restore (transcripts and file-history)" \
    "$WORK/out/restorable-before-loss.json" "$WORK/out/restorable-after-restore.json"
  each_exists "restore, as keeper sees it through its links" "$keeper" "${restorable[@]}"
  for rel in "projects/$key/$one" "projects/$key/$two" "projects/$key/$edit" "projects/$quiet_key/$dormant"; do
    check mtime-is-last-stamp "$synced/$rel.jsonl" 1
  done
  # tasks/<id>/ is not part of a restore (keep.md: the transcript, subagents/, tool-results/, file-history/<id>/);
  # the archive holds it, readable with zcat.
  for rel in "${tasks[@]}"; do
    local f
    for f in "$WORK/out/tasks-before-loss/${rel#tasks/}"/* "$WORK/out/tasks-before-loss/${rel#tasks/}"/.[!.]*; do
      [ -e "$f" ] || continue
      zcat "$archive/$rel/$(basename "$f").gz" 2>/dev/null | cmp -s - "$f" \
        || fail "the archive does not hold $rel/$(basename "$f") as it was (expected $archive/$rel/$(basename "$f").gz)"
    done
  done
  say "the swept tasks/<id>/ entries are in the archive (restore does not bring them back): ${tasks[*]}"
  cc_sweep sweeper "$app" "another long one-shot on sweeper"
  each_exists "sweeper's next sweep, after restore" "$synced" "${restorable[@]}"

  # Both machines continue restored sessions: the client sends their earlier turns.
  local mark
  mark="$(python3 "$CHECKS" api-seq "$API_LOG")"
  cc_print sweeper "$app" "continued after restore on sweeper" --resume "$one"
  check api-carried "$API_LOG" "$mark" "continued after restore on sweeper" "an old one-shot on keeper"
  grep -qF "continued after restore on sweeper" "$synced/projects/$key/$one.jsonl" \
    || fail "claude --resume $one -p on sweeper did not append to the restored transcript"
  mark="$(python3 "$CHECKS" api-seq "$API_LOG")"
  cc_print keeper "$app" "continued after restore on keeper" --resume "$edit"
  check api-carried "$API_LOG" "$mark" "continued after restore on keeper" "[[edit $app/colour.txt red blue]]"
  mark="$(python3 "$CHECKS" api-seq "$API_LOG")"
  cc_print keeper "$app" "continued on keeper, two months later" --resume "$old"
  check api-carried "$API_LOG" "$mark" "continued on keeper, two months later" "a one-shot last active two months ago"
  run_tether sweeper 0 verify
  run_tether keeper 0 verify
}

# ---------------------------------------------------------------- scenario 6

scenario_unlink() {
  say "scenario unlink: every machine gets every file back, byte for byte"
  ensure_pair
  local m
  local machines=()
  for m in "${!HOME_OF[@]}"; do
    [ -f "${HOME_OF[$m]}/.local/state/tether/state.json" ] && machines+=("$m")
  done
  for m in "${machines[@]}"; do
    check manifest "$(claude_dir "$m")" "$WORK/out/unlink-before-$m.json" "${ITEMS[@]}"
  done
  for m in "${machines[@]}"; do
    run_tether "$m" 0 unlink --yes
    local item
    for item in "${ITEMS[@]}"; do
      [ ! -L "$(claude_dir "$m")/$item" ] || fail "machine $m: $item is still a link after unlink"
    done
    check manifest "$(claude_dir "$m")" "$WORK/out/unlink-after-$m.json" "${ITEMS[@]}"
    check same-manifest "machine $m after unlink" "$WORK/out/unlink-before-$m.json" "$WORK/out/unlink-after-$m.json"
  done
}

# ---------------------------------------------------------------- main

main() {
  local chosen=("$@") s known t0 run=()
  [ "${#chosen[@]}" -gt 0 ] || chosen=("${SCENARIOS[@]}")
  for s in "${chosen[@]}"; do
    known=""
    for t0 in "${SCENARIOS[@]}"; do [ "$s" = "$t0" ] && known=1; done
    [ -n "$known" ] || { echo "claude.sh: unknown scenario '$s' (known: ${SCENARIOS[*]})" >&2; exit 2; }
  done
  # in the order of SCENARIOS, whatever the order asked: unlink comes last
  for s in "${SCENARIOS[@]}"; do
    [[ " ${chosen[*]} " == *" $s "* ]] && run+=("$s")
  done
  e2e_start
  for s in "${run[@]}"; do
    t0=$SECONDS
    "scenario_${s//-/_}"
    say "scenario $s: passed in $((SECONDS - t0))s"
  done
  say "the client called: $(python3 "$CHECKS" api-paths "$API_LOG")"
  RESULT=PASSED
}

main "$@"
