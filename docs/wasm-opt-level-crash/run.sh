#!/usr/bin/env bash
# Builds the reproduction with ./lab's build-std toolchain and runs it under node.
#   ./run.sh                      engine at opt-level 3: traps (the bug)
#   ./run.sh --features opaque-alloc      the workaround: runs
#   ./run.sh --config 'profile.release.package.packet-engine.opt-level="z"'   as shipped: runs
# Extra arguments go to cargo. BENCH=1 also times the throughput topologies.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld PATH="/usr/lib/llvm-19/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../../target/opt-level-crash}"
nice -n 10 cargo build --release --target wasm32-unknown-unknown "$@"
node run.mjs "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/opt_level_crash_repro.wasm" \
    ${BENCH:+bench}
