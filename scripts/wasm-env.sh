# Sourced by the build and test scripts: points cargo and Trunk at a wasm32 toolchain.
# rustup's wasm32 target where it is installed; otherwise Debian's rustc-web, whose std
# source lets cargo build the wasm32 standard library itself (../shared/TOOLCHAIN.md).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="$PWD/target/wasm"
# The clippy that matches the compiler in use.
wasm_clippy=(cargo clippy)
if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  export RUSTC=/usr/bin/rustc
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # A panic is a bug: abort at once instead of shipping std's panic formatting (a smaller wasm).
  # The start-up script shows the crash message (src/pwa/crash.js) when the wasm traps.
  export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
  export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
  lld=$(ls "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld 2>/dev/null | head -1)
  [ -n "$lld" ] || lld=$(command -v rust-lld || command -v lld-22 || true)
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld"
  wasm_clippy=(/usr/bin/cargo-clippy clippy)
fi
