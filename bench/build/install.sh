#!/usr/bin/env bash
# Installs the peer that bench/build compares `goship build` with: ko, built by the
# host's go command at a pinned version from the Go module proxy, into a cache folder
# outside the repository (GOSHIP_BENCH_CACHE, default ~/.cache/goship-bench) as
# ko-<version>. Idempotent (FORCE=1 reinstalls). Prints the binary's path on stdout.
set -euo pipefail

KO_VERSION="${KO_VERSION:-v0.18.1}"
CACHE="${GOSHIP_BENCH_CACHE:-$HOME/.cache/goship-bench}"
BIN="$CACHE/ko-$KO_VERSION"
mkdir -p "$CACHE"
if [ "${FORCE:-0}" = 1 ] || ! "$BIN" version >/dev/null 2>&1; then
  echo "installing ko $KO_VERSION (go install github.com/google/ko@$KO_VERSION) into $BIN" >&2
  gobin="$(mktemp -d)"
  trap 'rm -rf "$gobin"' EXIT
  t0=$(date +%s)
  GOBIN="$gobin" go install "github.com/google/ko@$KO_VERSION" >&2
  cp "$gobin/ko" "$BIN"
  echo "ko installed in $(( $(date +%s) - t0 )) s" >&2
fi
echo "ko $("$BIN" version 2>/dev/null) at $BIN" >&2
echo "$BIN"
