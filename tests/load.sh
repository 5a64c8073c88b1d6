#!/usr/bin/env bash
# The end-to-end level on a busy machine (issue 16): runs it RUNS times in a row while one busy
# loop per core competes with the browser, as on a loaded 2-core CI runner. Every run must pass.
# Usage: tests/load.sh [RUNS (3)] [Playwright arguments, e.g. spec files]
#   LOAD_BUILD=1 rebuilds the release app first (otherwise only when dist/ is missing).
#   LOAD_BUSY=N  starts N busy loops instead of one per core.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ $# -gt 0 ] && shift
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${LOAD_BUILD:-0}" = 1 ] || [ ! -f dist/index.html ]; then scripts/build.sh; fi
busy=()
stop() { for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT
for _ in $(seq "${LOAD_BUSY:-$(nproc)}"); do
  ( while :; do :; done ) &
  busy+=($!)
done
passed=0
for i in $(seq "$runs"); do
  printf '\n\033[1m== e2e run %s of %s, %s busy loops ==\033[0m\n' "$i" "$runs" "${#busy[@]}"
  if npx playwright test -c tests/e2e/playwright.config.mjs "$@"; then passed=$((passed + 1)); fi
done
echo
echo "e2e under load: $passed of $runs runs passed"
# Kept for the benchmark report (tests/bench/bench.mjs reads it; not committed).
mkdir -p target
printf '{"runs":%s,"passed":%s,"busy":%s,"commit":"%s","date":"%s","args":"%s"}\n' "$runs" "$passed" "${#busy[@]}" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(date -u +%Y-%m-%dT%H:%MZ)" "$*" > target/load-result.json
[ "$passed" -eq "$runs" ]
