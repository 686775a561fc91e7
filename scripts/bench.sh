#!/usr/bin/env bash
# Runs kryo5's buffer-layer benchmarks: installs the pinned tools, then the
# criterion suite (wall time, benches/benches/buffers.rs) and the
# iai-callgrind suite (instruction counts, benches/benches/buffers_iai.rs),
# then prints the kryo5-vs-baseline tables (scripts/bench_report.py) and
# where the raw results are.
#
#   scripts/bench.sh                      both suites (about 4 minutes on 2 cores)
#   scripts/bench.sh criterion [ARGS...]  criterion only; ARGS go to its harness,
#                                         e.g. a name filter `varint_array` or
#                                         `--measurement-time 5 --sample-size 50`
#   scripts/bench.sh iai [ARGS...]        iai-callgrind only; ARGS go to its harness,
#                                         e.g. `--callgrind-args=--cache-sim=no`
#   scripts/bench.sh all [ARGS...]        both, ARGS to both harnesses
#
# Compare kryo5 with its baseline within one run: on a shared machine wall
# times drift between runs. Instruction counts do not.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }
die() { echo "bench.sh: $*" >&2; exit 1; }

suite="all"
case "${1:-}" in
    criterion | iai | all) suite="$1"; shift ;;
esac

command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"

target="${CARGO_TARGET_DIR:-$root/target}"

# Wall times are only as good as the machine is quiet: sample how busy it is
# (all cores, 2 seconds, from /proc/stat) while nothing of ours runs.
busy() {
    [ -r /proc/stat ] || return 0
    local s1 s2 pct
    s1="$(head -1 /proc/stat)"
    sleep 2
    s2="$(head -1 /proc/stat)"
    pct="$(printf '%s\n%s\n' "$s1" "$s2" | awk '{
        idle[NR] = $5 + $6; total[NR] = 0
        for (i = 2; i <= NF; i++) total[NR] += $i
    } END {
        t = total[2] - total[1]
        printf "%d", t ? 100 * (t - (idle[2] - idle[1])) / t : 0
    }')"
    echo "machine busy before the timed run: ${pct}% of all cores"
    if [ "$pct" -gt 15 ]; then
        echo "warning: other work is running; criterion timings will be noisy" >&2
    fi
}

if [ "$suite" != criterion ]; then
    command -v valgrind >/dev/null ||
        die "valgrind is required for the iai-callgrind suite (apt-get install valgrind)"
    step "tools"
    bash scripts/install-tools.sh
    # install-tools.sh puts them in cargo's bin directory.
    export PATH="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$PATH"
fi

if [ "$suite" != iai ]; then
    step "criterion: cargo bench -p kryo5-benches --bench buffers -- $*"
    cargo build --locked --profile bench -p kryo5-benches --bench buffers
    busy
    cargo bench --locked -p kryo5-benches --bench buffers -- "$@"
fi

if [ "$suite" != criterion ]; then
    step "iai-callgrind: cargo bench -p kryo5-benches --bench buffers_iai -- --save-summary=json $*"
    cargo bench --locked -p kryo5-benches --bench buffers_iai -- --save-summary=json "$@"
fi

if command -v python3 >/dev/null; then
    step "kryo5 vs baseline (scripts/bench_report.py)"
    python3 scripts/bench_report.py --target "$target"
fi

step "results"
echo "criterion:     $target/criterion/<group>/<id>/new/estimates.json (times in ns)"
echo "iai-callgrind: $target/iai/kryo5-benches/buffers_iai/<group>/<function>.<id>/"
echo "               (summary.json, callgrind.*.out for callgrind_annotate)"
echo "write-up:      docs/benchmarks.md"
