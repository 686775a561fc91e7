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

step "demo (the main job) runs"
cargo run --quiet --locked -p kryo5-cli -- demo --records 100 --seconds 0.01 >/dev/null

echo
echo "all checks passed"
