#!/usr/bin/env bash
# Runs every test: host (model and decoding), browser (wasm-bindgen-test in headless Chromium),
# end to end (Playwright against the release build), plus format and lint checks.
# Usage: tests/test.sh [all|host|lint|web|e2e]
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:-all}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

if [[ $stage == all || $stage == host ]]; then
  section "host tests (cargo test)"
  cargo test --quiet 2>&1 | tee -a "$log"
fi
if [[ $stage == all || $stage == lint ]]; then
  section "format and lint"
  cargo fmt --check
  cargo clippy --quiet --all-targets -- -D warnings
  (source scripts/wasm-env.sh && "${wasm_clippy[@]}" --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings)
  # The release build's code paths too: its split points (scripts/build.sh).
  (source scripts/wasm-env.sh && export CARGO_TARGET_DIR="$PWD/target/wasm-split-lint" \
    RUSTFLAGS="--cfg keyplan_split" \
    && "${wasm_clippy[@]}" --quiet --target wasm32-unknown-unknown -- -D warnings)
fi
if [[ $stage == all || $stage == web ]]; then
  section "browser tests (wasm-bindgen-test in headless Chromium)"
  (
    source scripts/wasm-env.sh
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
    export CHROMEDRIVER=/usr/bin/chromedriver
    export WASM_BINDGEN_TEST_TIMEOUT=120
    cargo test --target wasm32-unknown-unknown --test web
  ) 2>&1 | tee -a "$log"
fi
if [[ $stage == all || $stage == e2e ]]; then
  section "end-to-end tests (Playwright, release build)"
  scripts/build.sh
  npx playwright test -c tests/e2e/playwright.config.mjs 2>&1 | tee -a "$log"
fi

# One closing line for all levels: cargo's "N passed; N failed" and Playwright's "N passed".
sum() { { grep -oE "[0-9]+ $1" "$log" || true; } | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(sum passed)
failed=$(sum failed)
echo
echo "all: ${passed:-0} passed, ${failed:-0} failed"
