#!/usr/bin/env bash
# Installs everything KeyPlan needs to build and test, skipping what is already here.
# Usage: scripts/setup.sh [build|test]   (build: toolchain only; test: also Chromium and npm tools)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-test}
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
apt_install() {
  [ ${#need_apt[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${need_apt[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
  need_apt=()
}

export PATH="$HOME/.cargo/bin:$PATH"

# 1. The wasm32 standard library: rustup's target where it can be had, otherwise Debian's
#    rustc-web with its std source, built by cargo (-Zbuild-std). scripts/wasm-env.sh picks.
if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "wasm32 target: rustup's"
  # The standard library's source, so the release build builds std as the Debian path does
  # (immediate-abort panics, no panic locations: a smaller wasm). Without it the build still
  # works, with the prebuilt std, and says so (scripts/wasm-env.sh, BENCHMARKS.md).
  if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
    timeout 120 rustup component add rust-src >/dev/null 2>&1 && say "added rust-src" \
      || say "rust-src unavailable: the release build uses the prebuilt std (a bigger wasm)"
  fi
elif have_pkg rust-web-src && have_pkg rustc-web; then
  say "wasm32 target: Debian rustc-web with build-std"
  have_pkg rust-web-clippy || need_apt+=(rust-web-clippy)
elif command -v rustup >/dev/null && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  say "wasm32 target: added with rustup"
else
  say "rustup cannot fetch wasm32 here: using Debian's rustc-web and rust-web-src"
  need_apt+=(rustc-web cargo-web rust-web-src rust-web-clippy)
fi

# 2. Chromium and its driver, for the browser and end-to-end tests.
if [ "$want" = test ]; then
  have_pkg chromium || need_apt+=(chromium)
  have_pkg chromium-driver || need_apt+=(chromium-driver)
fi
apt_install

# 3. Cargo tools: Trunk 0.21 and wasm-bindgen-cli at exactly the Cargo.lock version.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 15 minutes of CPU, once per machine)"
  cargo install trunk --version '^0.21' --locked
fi
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "installing wasm-bindgen-cli $wb (about 6 minutes, once per machine)"
  # No --locked: the registry mirror lags one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "=$wb" --force
fi
# The splitter for the release wasm (scripts/split.mjs): the crate cargo-leptos uses, at a version
# that reads what Cargo.lock's wasm_split_helpers writes.
ws_split=0.2.4
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$ws_split:"; then
  say "installing wasm-split-cli $ws_split (about 2 minutes, once per machine)"
  cargo install wasm_split_cli_support --version "=$ws_split" --features build-binary --force
fi

# 4. npm tools: binaryen's wasm-opt, and Playwright for the end-to-end tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
