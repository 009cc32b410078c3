#!/usr/bin/env bash
# Installs the pinned Claude Code (the version in claude-code.version, beside this script) from npm into a cache
# outside the repository, unless it is there already, and prints the path of its executable.
#
#   scripts/e2e/install-claude-code.sh            -> .../claude-code-<version>/node_modules/@anthropic-ai/claude-code/bin/claude.exe
#
# The cache: ${XDG_CACHE_HOME:-$HOME/.cache}/tether-e2e/claude-code-<version>. The black-box tests
# (ClaudeCodeRunningIT) and scripts/e2e/claude.sh look for the client at the same place. To upgrade the client,
# change claude-code.version; nothing else names the version.
# The package's bin/claude.exe is a native executable (npm picks the platform's optional dependency); no Node.js
# process stays resident. Needs npm (any Node.js that npm runs on; the client itself does not use it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="$(tr -d ' \n' <"$here/claude-code.version")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tether-e2e/claude-code-$version"
bin="$cache/node_modules/@anthropic-ai/claude-code/bin/claude.exe"

# works: the executable runs and says it is the pinned version (an interrupted install leaves a stub or nothing).
works() { [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -qF "$version"; }

if ! works; then
  command -v npm >/dev/null 2>&1 || { echo "install-claude-code: npm is not installed (apt-get install npm)" >&2; exit 1; }
  echo "install-claude-code: installing @anthropic-ai/claude-code@$version into $cache" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  # --prefix keeps it out of the global node_modules; the package's postinstall copies the platform's native
  # binary over the placeholder bin/claude.exe.
  npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error \
    "@anthropic-ai/claude-code@$version" >&2
  if ! works && [ -f "$cache/node_modules/@anthropic-ai/claude-code/install.cjs" ]; then
    # An npm that does not run install scripts leaves the placeholder: run the package's own postinstall.
    (cd "$cache/node_modules/@anthropic-ai/claude-code" && node install.cjs) >&2
  fi
  works || { echo "install-claude-code: $bin does not run as Claude Code $version after the install" >&2; exit 1; }
fi
echo "$bin"
