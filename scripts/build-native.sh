#!/usr/bin/env bash
# Builds the GraalVM native image target/tether (mvn -Pnative -DskipTests clean package).
#
# The GraalVM 25 used, first that works:
#   1. $GRAALVM_HOME, when $GRAALVM_HOME/bin/native-image is a GraalVM 25;
#   2. the native-image on the PATH, when it is a GraalVM 25;
#   3. the toolchain that ../shared/tools/graalvm/bootstrap.sh (relative to the project root) prints
#      on the last line of its output, when that script exists.
# Otherwise it says how to install GraalVM and exits 1. Extra arguments go to Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
required=25

say() { echo "build-native: $*" >&2; }

# The major version of a native-image executable ("native-image 25.0.1 2025-10-21" -> 25), or nothing.
major_of() {
  local v
  v=$("$1" --version 2>/dev/null | awk 'NR == 1 && $1 == "native-image" { print $2 }') || true
  echo "${v%%.*}"
}

# A GraalVM home: a JDK with a native-image of the required version.
usable() {
  [ -n "${1:-}" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/native-image" ] && [ "$(major_of "$1/bin/native-image")" = "$required" ]
}

# The GraalVM home of a native-image on the PATH. Its bin/ may be a link farm (/usr/local/bin) and
# bin/native-image itself a link into lib/svm/bin/, so follow the links one at a time.
home_of() {
  local p=$1 dir target i
  for i in 1 2 3 4 5 6 7 8; do
    dir="$(cd "$(dirname "$p")/.." && pwd)"
    if usable "$dir"; then echo "$dir"; return 0; fi
    [ -L "$p" ] || break
    target="$(readlink "$p")"
    case $target in /*) p=$target ;; *) p="$(dirname "$p")/$target" ;; esac
  done
  return 1
}

home=""
if usable "${GRAALVM_HOME:-}"; then
  home="$GRAALVM_HOME"
  say "using GRAALVM_HOME=$home"
elif [ -n "${GRAALVM_HOME:-}" ]; then
  say "ignoring GRAALVM_HOME=$GRAALVM_HOME: no GraalVM $required native-image in its bin/"
fi
if [ -z "$home" ] && command -v native-image >/dev/null 2>&1; then
  if candidate="$(home_of "$(command -v native-image)")"; then
    home="$candidate"
    say "using the native-image on the PATH: $home"
  else
    say "ignoring the native-image on the PATH: it is not GraalVM $required"
  fi
fi
if [ -z "$home" ] && [ -f "$root/../shared/tools/graalvm/bootstrap.sh" ]; then
  say "using the toolchain of ../shared/tools/graalvm/bootstrap.sh"
  if candidate="$(bash "$root/../shared/tools/graalvm/bootstrap.sh" | tail -n 1)" && usable "$candidate"; then
    home="$candidate"
  else
    say "../shared/tools/graalvm/bootstrap.sh did not yield a GraalVM $required (last line: '${candidate:-}')"
  fi
fi
if [ -z "$home" ]; then
  cat >&2 <<EOF
build-native: no GraalVM $required found.
  Install GraalVM for JDK $required (https://www.graalvm.org/downloads/, or with SDKMAN: a 25.x-graal from sdk list java),
  then either set GRAALVM_HOME to its directory or put its bin/ on the PATH, and run this script again.
  Without GraalVM, build the jar instead: mvn -B package   (then: java -jar target/tether.jar --help)
EOF
  exit 1
fi

export GRAALVM_HOME="$home"
# Maven itself runs on JAVA_HOME (any JDK 17+); without a usable java, it runs on the GraalVM JDK.
if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  export JAVA_HOME="$home"
fi
cd "$root"
# clean: resources deleted from native-config/ must not linger in target/classes and reach the image
mvn -B -Pnative -DskipTests clean package "$@"
if [ -x target/tether ]; then
  say "built $(pwd)/target/tether ($(du -h target/tether | cut -f1)): $(target/tether --version)"
else
  say "Maven finished but target/tether is missing"
  exit 1
fi
