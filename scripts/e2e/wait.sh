# shellcheck shell=bash
# wait_for, shared by the end-to-end scripts (sourced; they define fail and TIMEOUT).
#
# wait_for DESCRIPTION PREDICATE [ARGS...]: polls PREDICATE every WAIT_POLL seconds (default 1), at most TIMEOUT
# seconds. A predicate may print why it is not true yet; on timeout the last reason goes to WAIT_FAIL (a function,
# default fail), which must not return.
wait_for() {
  local what="$1" deadline=$((SECONDS + TIMEOUT)) reason=""
  shift
  while true; do
    if reason="$("$@" 2>&1)"; then
      return 0
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      "${WAIT_FAIL:-fail}" "timed out after ${TIMEOUT}s waiting for $what; last state: ${reason:-unknown}"
    fi
    sleep "${WAIT_POLL:-1}"
  done
}
