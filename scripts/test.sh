#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need,
# builds goship and the Go oracles, then runs every test. README's test command
# (`npm test`) and .ci/run both land here.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
timed() { local t0=$SECONDS; "$@"; printf '   (%ss)\n' $((SECONDS - t0)); }

step "npm ci"
timed npm ci --no-audit --no-fund

step "build lab: Debian packages, BuildKit, module cache (scripts/lab/install.sh)"
if [ "${GOSHIP_SKIP_LAB:-}" = 1 ]; then
  echo "   skipped (GOSHIP_SKIP_LAB=1)"
else
  timed bash scripts/lab/install.sh
fi

step "build the Go oracles (reference implementations, pinned in test/oracle/go.mod)"
mkdir -p .cache
build_oracles() {
  for d in test/oracle/*/; do
    area=$(basename "$d")
    [ "$area" = internal ] && continue
    (cd test/oracle && go build -o "../../.cache/oracle-$area" "./$area")
  done
  # go-containerregistry's registry with the referrers API on, and its client (test/attest).
  mkdir -p .cache/bin
  (cd test/attest/referrers-oracle && go build -o ../../../.cache/bin/referrers-oracle .)
}
timed build_oracles

step "typecheck and compile"
timed npx tsc -p tsconfig.json
timed node scripts/build-cli-bundle.mjs

step "reference Go tools: crane, syft, cosign, conftest (pinned in test/support/go-tools.ts)"
if [ "${GOSHIP_SKIP_LAB:-}" = 1 ]; then
  timed node dist/test/support/install-go-tools.js conftest   # the others serve lab tests only
else
  timed node dist/test/support/install-go-tools.js
fi

step "tests"
node scripts/run-tests.mjs "$@"
