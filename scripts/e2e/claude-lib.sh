# shellcheck shell=bash
# Building blocks for end-to-end tests with the real Claude Code; sourced by scripts/e2e/claude.sh, which holds
# the scenarios. A scenario is a shell function built from these:
#
#   machine_new A                       a home of its own (~/.claude.json that skips the first-run screens)
#   project_dir app                     a working dir (every one is trusted), e.g. $WORK/projects/app
#   cc_print A DIR PROMPT [ARGS...]     one `claude -p` run; its answer in $LAST_OUT
#   cc_open A DIR NAME [ARGS...]        an interactive client in tmux session NAME; its pid in PID_OF[NAME] and
#                                       its session id in SESSION_OF[NAME] (both read from ~/.claude/sessions/)
#   cc_open_picker A DIR NAME           `claude --resume`, showing its list; `screen NAME` is what it shows,
#                                       `wait_for WHAT screen_has NAME TEXT...` waits until it shows every TEXT
#   cc_say NAME PROMPT [ANSWER]         types a prompt, waits for the answer on the screen and the client idle
#   cc_close NAME                       /exit, and waits until the process has gone
#   run_tether A EXPECTED-EXIT ARGS...  tether as machine A; stdout in $LAST_OUT, stderr in $LAST_ERR
#   check NAME ARGS...                  a check of claude_checks.py (prints ok or FAIL and stops the test)
#
# The fake Messages API (fake_api.py) runs for the whole test; its request log is $API_LOG. Every process started
# here is stopped by its pid when the test ends, whatever way it ends. Linux only.
#
# Environment: TETHER (the program to test), E2E_TIMEOUT (seconds for each wait, default 60), E2E_KEEP=1 (keep the
# work directory), CLAUDE_BIN (a Claude Code executable; default: the pinned version, installed when missing).

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
E2E_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
CHECKS="$E2E_DIR/claude_checks.py"
TETHER="${TETHER:-$E2E_ROOT/scripts/tether}"
TIMEOUT="${E2E_TIMEOUT:-60}"
# A dummy key: the client wants one, the fake API ignores it. Its last 20 characters are approved in ~/.claude.json.
API_KEY="sk-ant-api03-tether-e2e-not-a-key-000000000000"

declare -A HOME_OF PID_OF SESSION_OF MACHINE_OF
WORK=""
API_PID=""
API_PORT=""
API_LOG=""
TMUX_SOCK=""
TMUX_PIDS=()
STEP=0
LAST_OUT=""
LAST_ERR=""
RESULT="FAILED"
OPEN_SESSIONS=()

# ---------------------------------------------------------------- output, failure, cleanup

say() { printf '[claude-e2e %3ss] %s\n' "$SECONDS" "$*"; }

# fail MESSAGE: stop the test; the trap stops every process and removes the work directory.
fail() {
  echo "" >&2
  echo "FAIL: $*" >&2
  exit 1
}

# check NAME ARGS...: one check of claude_checks.py; its "ok: ..." line is shown, a failure stops the test.
check() {
  local out
  out="$(python3 "$CHECKS" "$@" 2>&1)" || { echo "$out" >&2; fail "check $1 failed (see above)"; }
  [ -z "$out" ] || say "$out"
}

# started_here PID: the process names the work dir in its arguments or environment, so it is one this test
# started (and not another program that got the pid of one that ended).
started_here() {
  grep -qaF -- "$WORK" "/proc/$1/cmdline" 2>/dev/null || grep -qaF -- "$WORK" "/proc/$1/environ" 2>/dev/null
}

# stop_pid PID [GRACE-SECONDS]: SIGTERM, a bounded wait, then SIGKILL; for processes started by this test.
stop_pid() {
  local pid="$1" grace="${2:-5}" i
  [ -n "$pid" ] && [ -n "$WORK" ] && started_here "$pid" || return 0
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
}

# dump_screens: what every client still open shows, for a failure's report.
dump_screens() {
  local name
  for name in "${OPEN_SESSIONS[@]}"; do
    if [ -n "${PID_OF[$name]:-}" ]; then
      echo "----- screen of $name (machine ${MACHINE_OF[$name]}, pid ${PID_OF[$name]}) -----" >&2
      screen "$name" | grep -v '^[[:space:]]*$' | tail -n 40 >&2
      ps -L -o pid,lwp,stat,wchan:32,etime,comm -p "${PID_OF[$name]}" >&2 2>/dev/null
    fi
  done
}

e2e_cleanup() {
  local code=$? name pid
  set +e
  [ "$code" -eq 0 ] || dump_screens
  for name in "${OPEN_SESSIONS[@]}"; do
    [ -n "${PID_OF[$name]:-}" ] && stop_pid "${PID_OF[$name]}" 2
  done
  for pid in "${TMUX_PIDS[@]}"; do stop_pid "$pid" 2; done
  [ -n "$API_PID" ] && stop_pid "$API_PID" 2
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${E2E_KEEP:-}" = 1 ]; then
      echo "claude-e2e: work directory kept: $WORK" >&2
    else
      chmod -R u+rwX "$WORK" 2>/dev/null
      rm -rf "$WORK"
    fi
  fi
  if [ "$code" -eq 0 ] && [ "$RESULT" = PASSED ]; then
    echo "claude-e2e: PASSED in ${SECONDS}s"
  else
    echo "claude-e2e: FAILED after ${SECONDS}s (exit $code)" >&2
    [ "$code" -ne 0 ] || code=1
  fi
  exit "$code"
}

# shellcheck source=wait.sh
source "$E2E_DIR/wait.sh"
WAIT_POLL=0.2   # the client answers in well under a second

# ---------------------------------------------------------------- the work dir, the client, the fake API

# e2e_start: work dir, trap, the client (installed when missing), the fake API, a tmux server of our own.
e2e_start() {
  local tool
  for tool in python3 tmux; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (.ci/run installs what is missing with apt-get)"
  done
  trap e2e_cleanup EXIT
  trap 'exit 130' INT TERM
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/tether-claude-e2e.XXXXXX")"
  WORK="$(cd "$WORK" && pwd -P)"   # no link on the way: tether links to fully resolved targets
  mkdir -p "$WORK/out" "$WORK/tmp" "$WORK/projects"
  CLAUDE_BIN="${CLAUDE_BIN:-$("$E2E_DIR/install-claude-code.sh")}" || fail "could not install Claude Code"
  say "claude: $CLAUDE_BIN ($("$CLAUDE_BIN" --version))"
  say "tether: $TETHER"
  api_start
  TMUX_SOCK="$WORK/tmux.sock"
}

api_start() {
  API_LOG="$WORK/api-requests.jsonl"
  python3 "$E2E_DIR/fake_api.py" --port-file "$WORK/api.port" --log "$API_LOG" >"$WORK/api.stderr" 2>&1 </dev/null &
  API_PID=$!
  wait_for "the fake API to listen" test -s "$WORK/api.port"
  API_PORT="$(cat "$WORK/api.port")"
  say "fake Messages API on 127.0.0.1:$API_PORT (pid $API_PID)"
}

# ---------------------------------------------------------------- machines and projects

# machine_new M: a home of its own for machine M; its Claude data dir is $(claude_dir M).
machine_new() {
  local m="$1"
  HOME_OF[$m]="$WORK/machines/$m/home"
  mkdir -p "${HOME_OF[$m]}"
  python3 "$CHECKS" claude-json "${HOME_OF[$m]}/.claude.json" "$API_KEY" "$WORK/projects"
}

claude_dir() { echo "${HOME_OF[$1]}/.claude"; }

# project_dir NAME: prints the working dir $WORK/projects/NAME (created; trusted on every machine).
project_dir() {
  mkdir -p "$WORK/projects/$1"
  echo "$WORK/projects/$1"
}

# project_key DIR: the folder name of DIR's transcripts under projects/ ('/' and '.' become '-').
project_key() { echo "$1" | tr '/.' '--'; }

# ---------------------------------------------------------------- running the client

# The client's whole environment: nothing of the caller's own Claude Code, API keys or proxies leaks in.
claude_env() {
  local m="$1"
  printf '%s\n' env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=${HOME_OF[$m]}" "TERM=xterm-256color" \
    "LANG=C.UTF-8" "TMPDIR=$WORK/tmp" "ANTHROPIC_BASE_URL=http://127.0.0.1:$API_PORT" "ANTHROPIC_API_KEY=$API_KEY" \
    "DISABLE_AUTOUPDATER=1" "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1"
}

# cc_run M DIR ARGS...: `claude ARGS...` as machine M in DIR (e.g. `purge DIR --yes`); must exit 0. Output in
# $LAST_OUT and $LAST_ERR.
cc_run() {
  local m="$1" dir="$2" code=0 envv
  shift 2
  mapfile -t envv < <(claude_env "$m")
  STEP=$((STEP + 1))
  LAST_OUT="$WORK/out/$STEP-$m-claude.stdout"
  LAST_ERR="$WORK/out/$STEP-$m-claude.stderr"
  (cd "$dir" && timeout -k 5 "$TIMEOUT" "${envv[@]}" "$CLAUDE_BIN" "$@" >"$LAST_OUT" 2>"$LAST_ERR" </dev/null) || code=$?
  if [ "$code" -ne 0 ]; then
    cat "$LAST_OUT" "$LAST_ERR" >&2
    fail "machine $m: claude $* exited $code"
  fi
}

# cc_print M DIR PROMPT [ARGS...]: `claude -p PROMPT ARGS...` as machine M in DIR; must exit 0 and answer.
cc_print() {
  local m="$1" dir="$2" prompt="$3"
  shift 3
  cc_run "$m" "$dir" -p "$prompt" "$@"
  grep -qF "fake answer: $prompt" "$LAST_OUT" || fail "machine $m: claude -p '$prompt' $* answered: $(cat "$LAST_OUT")"
  say "machine $m: claude -p '$prompt' $* -> answered"
}

tmx() { tmux -S "$TMUX_SOCK" "$@"; }

# screen NAME: what the client's terminal shows now.
screen() { tmx capture-pane -p -t "$1" -S 0 -E - 2>/dev/null; }

# screen_has NAME TEXT...: the screen of NAME shows every TEXT (a predicate for wait_for).
screen_has() {
  local s name="$1" text
  shift
  s="$(screen "$name")" || { echo "no tmux session $name"; return 1; }
  for text in "$@"; do
    grep -qF -- "$text" <<<"$s" || { echo "the screen of $name does not show '$text' yet"; return 1; }
  done
}

session_field() { python3 "$CHECKS" session-field "$(claude_dir "${MACHINE_OF[$1]}")/sessions" "${PID_OF[$1]}" "$2"; }

session_idle() {
  local status
  status="$(session_field "$1" status)" || { echo "$status"; return 1; }
  [ "$status" = idle ] || { echo "the client of $1 is $status"; return 1; }
}

# cc_open M DIR NAME [ARGS...]: an interactive client of machine M in DIR, in tmux session NAME, ready for input.
# Edits are accepted without a question (acceptEdits).
cc_open() {
  cc_launch "$@"
  wait_for "the prompt of $3" screen_has "$3" "accept edits on"
  say "machine $1: claude ${*:4} in $(basename "$2") -> pid ${PID_OF[$3]}, session ${SESSION_OF[$3]}"
}

# cc_open_picker M DIR NAME: `claude --resume` without an id, showing its list of sessions; cc_close ends it.
cc_open_picker() {
  cc_launch "$@" --resume
  wait_for "the --resume picker of $3" screen_has "$3" "Resume session"
  say "machine $1: claude --resume in $(basename "$2") -> picker (pid ${PID_OF[$3]})"
}

cc_launch() {
  local m="$1" dir="$2" name="$3" cmd envv
  shift 3
  mapfile -t envv < <(claude_env "$m")
  cmd="exec $(printf '%q ' "${envv[@]}" "$CLAUDE_BIN" --permission-mode acceptEdits "$@")"
  # The tmux server ends with its last session and the next new-session starts another: note each one's pid.
  tmx -f /dev/null new-session -d -s "$name" -x 200 -y 50 -c "$dir" "$cmd" || fail "tmux could not start $name"
  TMUX_PIDS+=("$(tmx display-message -p '#{pid}')")
  PID_OF[$name]="$(tmx display-message -p -t "$name" '#{pane_pid}')"
  MACHINE_OF[$name]="$m"
  OPEN_SESSIONS+=("$name")
  wait_for "machine $m's client ($name) to keep sessions/${PID_OF[$name]}.json" session_field "$name" sessionId
  SESSION_OF[$name]="$(session_field "$name" sessionId)"
}

# cc_say NAME PROMPT [ANSWER]: types PROMPT into the client NAME, waits for ANSWER (default: the fake API's echo)
# on its screen and for the client to be idle again (its turn written).
cc_say() {
  local name="$1" prompt="$2" answer="${3:-fake answer: $2}"
  tmx send-keys -t "$name" -l "$prompt"
  sleep 0.3   # the client reads typed text in bursts; an Enter in the same burst is taken as a newline
  tmx send-keys -t "$name" Enter
  wait_for "'$answer' on the screen of $name" screen_has "$name" "$answer"
  wait_for "$name to be idle after '$prompt'" session_idle "$name"
  say "${MACHINE_OF[$name]}/$name: '$prompt' -> answered"
}

# pid_gone PID: the process has ended (a zombie has ended too, whenever its parent reaps it).
pid_gone() {
  local state
  state="$(sed -E 's/.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null)" || return 0
  [ -z "$state" ] || [ "$state" = Z ] || [ "$state" = X ] || { echo "pid $1 still runs (state $state)"; return 1; }
}

# cc_close NAME: ends the client NAME the way a user does (/exit; Escape first closes a picker).
cc_close() {
  local name="$1" pid="${PID_OF[$1]}"
  if screen_has "$name" "Resume session" >/dev/null; then
    tmx send-keys -t "$name" Escape
  else
    tmx send-keys -t "$name" -l "/exit"
    sleep 0.3
    tmx send-keys -t "$name" Enter
  fi
  wait_for "the client $name (pid $pid) to exit" pid_gone "$pid"
  tmx kill-session -t "$name" 2>/dev/null || true
  PID_OF[$name]=""
  say "${MACHINE_OF[$name]}/$name: closed"
}

# ---------------------------------------------------------------- tether

# run_tether M EXPECTED-EXIT ARGS...: tether as machine M's user; stdout in $LAST_OUT, stderr in $LAST_ERR.
run_tether() {
  local m="$1" expected="$2" code=0
  shift 2
  STEP=$((STEP + 1))
  LAST_OUT="$WORK/out/$STEP-$m-tether.stdout"
  LAST_ERR="$WORK/out/$STEP-$m-tether.stderr"
  # A clean environment apart from HOME: nothing of the caller's own Claude or tether setup leaks in. No
  # --allow-running anywhere: tether must tell the clients of other homes from those of this one. Each machine has
  # a host name of its own (tether-e2e-M), so the machine registry and verify's messages tell them apart.
  env -u CLAUDE_CONFIG_DIR -u TETHER_STATE_DIR -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
    -u TETHER_CRASH_AT -u TETHER_TEST_SKIP_SPACE_CHECK -u TETHER_ARCHIVE_DIR -u COMPUTERNAME \
    HOME="${HOME_OF[$m]}" HOSTNAME="tether-e2e-$m" NO_COLOR=1 \
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

# verify_json M EXPECTED-EXIT: `tether --json verify` as machine M; the document in $VERIFY_JSON.
verify_json() {
  run_tether "$1" "$2" --json verify
  VERIFY_JSON="$LAST_OUT"
}

# is_link_into PATH DIR: PATH is a link whose target lies in DIR.
is_link_into() {
  [ -L "$1" ] || fail "$1 is not a link"
  case "$(readlink "$1")" in
    "$2"/*) ;;
    *) fail "$1 links to $(readlink "$1"), not into $2" ;;
  esac
}
