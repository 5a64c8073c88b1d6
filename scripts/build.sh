#!/usr/bin/env bash
# Builds the release app into dist/ and prints the gzipped size of what it ships.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
echo "Toolchain: $KEYPLAN_TOOLCHAIN"
# Split points (src/lazy.rs), linked with the relocations the splitter reads. Not Leptos'
# erase_components: only 12 KB less start-up wasm, and no clear measure of its effect on
# typing (FINDINGS.md).
split_flags="--cfg keyplan_split -Clink-args=--emit-relocs"
RUSTFLAGS="${RUSTFLAGS:-} $KEYPLAN_RELEASE_RUSTFLAGS $split_flags" trunk build --release --offline "$@"
# Trunk cannot split the wasm: scripts/split.mjs replaces its wasm and script with split ones.
node scripts/split.mjs dist "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/keyplan.wasm"
echo "Shipped (raw / gzipped bytes):"
total=0
for f in dist/keyplan-*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '  %-40s %9d %9d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-40s %9s %9d\n' "start-up total" "" "$total"
parts=(dist/part-*.wasm)
raw=0; gz=0
for f in "${parts[@]}"; do raw=$((raw + $(wc -c <"$f"))); gz=$((gz + $(gzip -9c "$f" | wc -c))); done
printf '  %-40s %9d %9d\n' "${#parts[@]} modules fetched on first use" "$raw" "$gz"
