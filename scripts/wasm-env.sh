# Sourced by the build and test scripts: points cargo and Trunk at a wasm32 toolchain.
# rustup's wasm32 target where it is installed; otherwise Debian's rustc-web, whose std
# source lets cargo build the wasm32 standard library itself (../shared/TOOLCHAIN.md).
# Either way the release build is the same: the standard library is built from source with
# the app (-Zbuild-std, with rustup's rust-src component), a panic aborts at once, and
# scripts/build.sh drops the panic locations and derived Debug output. KEYPLAN_TOOLCHAIN says
# which path was taken (the benchmark reports it).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="$PWD/target/wasm"
# The clippy that matches the compiler in use.
wasm_clippy=(cargo clippy)
build_std=0
if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  if [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ]; then
    KEYPLAN_TOOLCHAIN="rustup $(rustc --version | cut -d' ' -f2), std built from rust-src (build-std)"
    build_std=1
  else
    # Without rust-src the prebuilt std is used: it unwinds and formats panics (a bigger wasm).
    KEYPLAN_TOOLCHAIN="rustup $(rustc --version | cut -d' ' -f2), prebuilt std (no rust-src: run 'rustup component add rust-src')"
  fi
else
  export RUSTC=/usr/bin/rustc
  lld=$(ls "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld 2>/dev/null | head -1)
  [ -n "$lld" ] || lld=$(command -v rust-lld || command -v lld-22 || true)
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld"
  wasm_clippy=(/usr/bin/cargo-clippy clippy)
  KEYPLAN_TOOLCHAIN="Debian rustc-web $(/usr/bin/rustc --version 2>/dev/null | cut -d' ' -f2), std built from rust-web-src (build-std)"
  build_std=1
fi
if [ "$build_std" = 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # A panic is a bug: abort at once instead of shipping std's panic formatting (a smaller wasm).
  # The start-up script shows the crash message (src/pwa/crash.js) when the wasm traps.
  export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
  export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
  # For the release build only (scripts/build.sh): no file/line for panics (they abort), and
  # derived Debug prints only names. Nothing the app shows comes from a derived Debug (ids and
  # keys come from key() methods); `{:?}` of strings and numbers, which serde's messages use,
  # is unchanged.
  KEYPLAN_RELEASE_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=shallow"
else
  KEYPLAN_RELEASE_RUSTFLAGS=""
fi
export KEYPLAN_TOOLCHAIN KEYPLAN_RELEASE_RUSTFLAGS
