#!/usr/bin/env bash
# Installs what goship's build lab (test/lab/) needs, on a fresh Debian machine
# or again on a warm one (idempotent; each step is skipped when its result is
# already there). Prints how long each step took.
#
#   1. Debian packages: runc, docker-registry, busybox-static, ca-certificates,
#      tzdata, buildah, skopeo, umoci, docker.io (dockerd for the legacy builder),
#      chromium and fonts-dejavu-core (the HTML audit report's browser test).
#   2. BuildKit (buildkitd, buildctl) at a pinned version, built with the host's
#      go into $GOSHIP_LAB_CACHE/bin.
#   3. labtools (test/lab/gotools): module zips for the lab's module proxy.
#   4. The example projects' modules, fetched into the host module cache, which
#      the lab's module proxy serves to builds.
# The stand-in base images are built (and cached under $GOSHIP_LAB_CACHE/images)
# by the lab itself on its first start: see test/lab/images.ts.
#
# Environment: GOSHIP_LAB_CACHE (default ~/.cache/goship-lab).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILDKIT_VERSION=v0.34.2
CACHE=${GOSHIP_LAB_CACHE:-$HOME/.cache/goship-lab}
BIN=$CACHE/bin
mkdir -p "$BIN"

step() { printf '   lab: %s\n' "$*"; }
timed() {
  local name=$1 t0=$SECONDS; shift
  "$@"
  printf '   lab: %-28s %3ss\n' "$name" $((SECONDS - t0))
}

# --- 1. Debian packages -------------------------------------------------------
# chromium + fonts-dejavu-core: headless browser test of the HTML audit report (test/audit/html-chromium.test.ts).
# patch, binutils (readelf), openssl: reference tools some tests call (lint --fix diffs, the old Go
# build-info header, key files); usually present, installed here when a machine lacks them.
APT_PACKAGES=(runc docker-registry busybox-static ca-certificates tzdata buildah skopeo umoci docker.io chromium fonts-dejavu-core patch binutils openssl)
apt_missing() {
  local p missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  printf '%s\n' "${missing[@]}"
}
install_packages() {
  local missing
  mapfile -t missing < <(apt_missing | sed '/^$/d')
  if [ ${#missing[@]} -eq 0 ]; then
    step "Debian packages already installed"
    return
  fi
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Services stay stopped: the lab starts its own processes by hand.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- 2. BuildKit -----------------------------------------------------------------
# `go install github.com/moby/buildkit/cmd/...@version` is refused: BuildKit's
# go.mod has exclude directives. So the pinned module is downloaded into the
# module cache and its commands are built there, with its own go.mod and go.sum.
buildkit_current() {
  [ -x "$BIN/buildkitd" ] && [ -x "$BIN/buildctl" ] &&
    "$BIN/buildctl" --version 2>/dev/null | grep -qw -- "$BUILDKIT_VERSION"
}
install_buildkit() {
  if buildkit_current; then
    step "buildkit $BUILDKIT_VERSION already in $BIN"
    return
  fi
  local dir
  dir=$(go mod download -json "github.com/moby/buildkit@$BUILDKIT_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$dir" ] || { echo "lab: could not download buildkit $BUILDKIT_VERSION" >&2; exit 1; }
  step "building buildkitd and buildctl $BUILDKIT_VERSION"
  local log=$CACHE/buildkit-build.log
  if ! (cd "$dir" && CGO_ENABLED=0 go build -trimpath \
    -ldflags "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION" \
    -o "$BIN/" ./cmd/buildkitd ./cmd/buildctl) >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
}

# --- 3. labtools -----------------------------------------------------------------
install_labtools() {
  local src=test/lab/gotools stamp sum
  sum=$(cat "$src"/go.mod "$src"/go.sum "$src"/*.go | sha256sum | cut -c1-16)
  stamp=$BIN/labtools.$sum
  if [ -x "$BIN/labtools" ] && [ -e "$stamp" ]; then
    step "labtools already built"
    return
  fi
  (cd "$src" && go build -trimpath -o "$BIN/labtools" .)
  rm -f "$BIN"/labtools.*
  : > "$stamp"
}

# --- 4. modules of the example projects ------------------------------------------
# examples/private needs corp.example/..., which only the lab's proxy serves.
download_example_modules() {
  local d
  for d in examples/*/; do
    [ -f "$d/go.mod" ] || continue
    grep -q 'corp\.example/' "$d/go.mod" && continue
    grep -q '^require' "$d/go.mod" || continue
    (cd "$d" && go mod download)
  done
}

t0=$SECONDS
printf '== build lab install (cache %s)\n' "$CACHE"
timed "Debian packages" install_packages
timed "buildkit $BUILDKIT_VERSION" install_buildkit
timed "labtools" install_labtools
timed "example modules" download_example_modules
printf '   lab: %-28s %3ss\n' "install total" $((SECONDS - t0))
