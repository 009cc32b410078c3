#!/usr/bin/env bash
# End-to-end test with the real Claude Code (the pinned npm release, installed when missing) against a fake
# Messages API on 127.0.0.1. Machines are homes of their own on this host; machines A and B share one sync root
# (a plain folder: sharing it needs no sync engine), machine C has its own.
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
#   offline       the sync root renamed away: the client answers, but its session is written nowhere; verify
#                 says new sessions are being lost right now
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

SCENARIOS=(resume file-history purge offline unlink)
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
