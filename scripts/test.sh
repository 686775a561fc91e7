#!/usr/bin/env bash
# Runs every check kryo5 has, on a fresh machine: fetches real Java Kryo 5.6
# for the interop suite, then format, lints, docs and all tests.
# This is the test command README.md names and .ci/run calls.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"
command -v java >/dev/null || die "java is required for the interop suite (install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless)"
command -v javac >/dev/null || die "javac is required for the interop suite (install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless)"

step "Java Kryo 5.6 jar"
KRYO5_JAR="$(bash scripts/fetch-kryo.sh)"
export KRYO5_JAR
echo "$KRYO5_JAR"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo doc (broken links are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "cargo test (unit, doc, robustness and Java interop tests)"
cargo test --workspace --locked

step "loom models of kryo5_core::pool (every interleaving of a few threads)"
# --cfg loom swaps the pool's lock for loom's; a separate target dir keeps
# the main build cache valid.
RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
    cargo test --locked -p kryo5-core --test pool_loom --release

step "kernel, buffer and interop tests with each kernel forced"
# KRYO5_KERNEL fails loudly if the CPU cannot run the kernel named.
for kernel in portable avx2 avx512; do
    echo "--- KRYO5_KERNEL=$kernel"
    # Fewer random object graphs per kernel: the full set ran above.
    KRYO5_KERNEL=$kernel KRYO5_GRAPH_SEEDS=10 \
        cargo test --locked -p kryo5-arch -p kryo5-io -p kryo5-interop --tests
done

step "AddressSanitizer: kernel and buffer tests (nightly)"
rustup run nightly rustc --version >/dev/null 2>&1 \
    || die "the nightly toolchain is required for AddressSanitizer and fuzzing (rustup toolchain install nightly)"
RUSTFLAGS="-Zsanitizer=address" cargo +nightly test --locked -p kryo5-arch -p kryo5-io \
    --target x86_64-unknown-linux-gnu --tests

step "fuzzing: every target, a short bounded run each"
bash scripts/install-tools.sh cargo-fuzz
fuzz_seconds="${KRYO5_FUZZ_SECONDS:-20}"
mkdir -p target/fuzz-logs
for target in $(cargo +nightly fuzz list); do
    log="target/fuzz-logs/$target.log"
    if ! cargo +nightly fuzz run "$target" -- -max_total_time="$fuzz_seconds" \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        tail -n 60 "$log"
        die "fuzz target $target failed (log: $log)"
    fi
    echo "fuzz $target: $(grep -m1 -o 'number_of_executed_units: *[0-9]*' "$log" || echo 'ran') in ${fuzz_seconds}s"
done

step "bench (the main job) runs"
cargo run --quiet --locked -p kryo5-cli -- bench --seconds 0.01 >/dev/null

echo
echo "all checks passed"
