#!/usr/bin/env bash
# Builds the release app into dist/ and prints the gzipped size of what it ships.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
echo "Toolchain: $KEYPLAN_TOOLCHAIN"
RUSTFLAGS="${RUSTFLAGS:-} $KEYPLAN_RELEASE_RUSTFLAGS" trunk build --release --offline "$@"
echo "Shipped (raw / gzipped bytes):"
total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '  %-40s %9d %9d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-40s %9s %9d\n' "total" "" "$total"
