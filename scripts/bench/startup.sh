#!/usr/bin/env bash
# Startup benchmark: the native binary target/tether against `java -jar target/tether.jar`.
# Builds nothing: run `mvn -B package` and scripts/build-native.sh first.
#
# On a throwaway home (a small ~/.claude, set up with `tether setup --sync-root ~/Sync --yes`) it times
# `tether --version` and `tether verify`, RUNS times each (default 20; one untimed warm-up run first),
# takes the median wall time, measures the peak RSS with /usr/bin/time -v (median of 5 runs) and writes
# the "## Startup" section of docs/benchmarks.md (other sections of that file are kept).
#
#   scripts/bench/startup.sh            # RUNS=5 scripts/bench/startup.sh for a quick look
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs=${RUNS:-20}
native="$root/target/tether"
jar="$root/target/tether.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$root/docs/benchmarks.md"

die() { echo "startup.sh: $*" >&2; exit 1; }
[ -x "$native" ] || die "target/tether is missing: build it with scripts/build-native.sh"
[ -f "$jar" ] || die "target/tether.jar is missing: build it with mvn -B package"
command -v "$java" >/dev/null || die "no java on the PATH (or in JAVA_HOME)"

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "startup.sh: installing GNU time for the peak RSS" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
  fi
  /usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is needed for the peak RSS: install the 'time' package"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tether-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
home="$work/home"
mkdir -p "$home/.claude/projects/-home-me-app" "$home/.claude/file-history/s1" "$home/.claude/todos" "$home/Sync"
for i in $(seq 1 200); do
  printf '{"display":"prompt %d","pastedContents":{},"timestamp":%d,"project":"/home/me/app"}\n' "$i" "$((1700000000000 + i))"
done > "$home/.claude/history.jsonl"
for s in 1 2 3; do
  for i in $(seq 1 50); do printf '{"type":"user","sessionId":"s%d","n":%d}\n' "$s" "$i"; done \
    > "$home/.claude/projects/-home-me-app/s$s.jsonl"
done
echo v1 > "$home/.claude/file-history/s1/a@v1"

# the same environment for every run: the throwaway home, nothing of tether's own
bench_env=(env -u CLAUDE_CONFIG_DIR -u TETHER_STATE_DIR -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u TETHER_CRASH_AT
  HOME="$home" NO_COLOR=1)
"${bench_env[@]}" "$native" setup --sync-root "$home/Sync" --yes >/dev/null 2>&1 || die "tether setup failed on the sample home"
"${bench_env[@]}" "$native" verify >/dev/null 2>&1 || die "tether verify is not healthy on the sample home"

# median of a list of numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wall time of one run in milliseconds (3 decimals)
time_once() {
  local start end
  start=$(date +%s%N)
  "${bench_env[@]}" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e6 }'
}

median_ms() {
  local i
  "${bench_env[@]}" "$@" >/dev/null 2>&1 || true # warm-up: page cache, JNA's extracted library
  for i in $(seq 1 "$runs"); do time_once "$@"; done | median
}

median_rss_kb() {
  local i
  for i in 1 2 3 4 5; do
    "${bench_env[@]}" /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
  done | median
}

load_before=$(uptime | sed 's/.*load average[s]*: //')
declare -A ms rss
for cmd in version verify; do
  case $cmd in version) args=(--version) ;; verify) args=(verify) ;; esac
  echo "startup.sh: tether ${args[*]}: native" >&2
  ms[native-$cmd]=$(median_ms "$native" "${args[@]}")
  rss[native-$cmd]=$(median_rss_kb "$native" "${args[@]}")
  echo "startup.sh: tether ${args[*]}: java -jar" >&2
  ms[jar-$cmd]=$(median_ms "$java" -jar "$jar" "${args[@]}")
  rss[jar-$cmd]=$(median_rss_kb "$java" -jar "$jar" "${args[@]}")
done

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
ms_fmt() { awk -v v="$1" 'BEGIN { printf (v < 100 ? "%.1f ms" : "%.0f ms"), v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0fx", a / b }'; }
rss_fmt() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

if [ -r /proc/cpuinfo ]; then
  cpu=$(awk -F'\t*: ' '/^model name/ { m = $2 } /^cpu family/ { f = $2 } /^model\t/ { n = $2 } END { print m " (family " f ", model " n ")" }' /proc/cpuinfo)
  if grep -qw hypervisor /proc/cpuinfo; then cpu="$cpu, virtual machine"; fi
else
  cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || uname -m)
fi
java_version=$("$java" -version 2>&1 | head -n 1)
native_version=$("$native" --version)

section="$work/startup.md"
{
  echo "## Startup"
  echo
  echo "Measured by \`scripts/bench/startup.sh\` on $(date -u +%F) ($native_version):"
  echo
  echo "- machine: $(nproc) CPU(s), $cpu, $(uname -s) $(uname -r) ($(uname -m))"
  echo "- native: \`target/tether\`, GraalVM native image, $(mib "$(wc -c < "$native")") ($(wc -c < "$native") bytes)"
  echo "- jar: \`java -jar target/tether.jar\` on $java_version, $(mib "$(wc -c < "$jar")")"
  echo "- home: a throwaway \`HOME\` with a small \`~/.claude\` (history.jsonl, projects, file-history) set up"
  echo "  with \`tether setup --sync-root ~/Sync --yes\`; \`NO_COLOR=1\`, output to /dev/null"
  echo "- time: median wall time of $runs runs after one warm-up run; peak RSS: median of 5 runs of \`/usr/bin/time -v\`"
  echo "- load average (1, 5, 15 min) when the measurement started: $load_before"
  echo
  echo "| command | native | java -jar | native is faster by | native peak RSS | java -jar peak RSS |"
  echo "|---|---:|---:|---:|---:|---:|"
  for cmd in version verify; do
    case $cmd in version) label='`tether --version`' ;; verify) label='`tether verify`' ;; esac
    echo "| $label | $(ms_fmt "${ms[native-$cmd]}") | $(ms_fmt "${ms[jar-$cmd]}") | $(ratio "${ms[jar-$cmd]}" "${ms[native-$cmd]}") | $(rss_fmt "${rss[native-$cmd]}") | $(rss_fmt "${rss[jar-$cmd]}") |"
  done
  echo
  echo "Target: native \`--version\` at least 10x faster than the jar:" \
    "$(awk -v a="${ms[jar-version]}" -v b="${ms[native-version]}" 'BEGIN { print (a / b >= 10 ? "met" : "NOT met") }')."
} > "$section"

# replace the Startup section (up to the next "## " heading), or add it
mkdir -p "$(dirname "$out")"
if [ ! -f "$out" ]; then
  printf '# Benchmarks\n\n' > "$out"
fi
awk -v section="$section" '
  function emit() { while ((getline line < section) > 0) print line; print ""; done = 1 }
  /^## Startup[[:space:]]*$/ { emit(); skip = 1; next }
  skip && /^## / { skip = 0 }
  !skip { print }
  END { if (!done) { print ""; emit() } }
' "$out" | cat -s | awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }' > "$work/benchmarks.md"
cp "$work/benchmarks.md" "$out"
cat "$section"
echo "startup.sh: wrote the Startup section of docs/benchmarks.md" >&2
