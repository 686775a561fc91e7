#!/usr/bin/env bash
# Runs kryo5's benchmarks: installs the pinned tools, then the criterion
# suites (wall time: benches/benches/buffers.rs, the buffer layer, and
# benches/benches/kernels.rs, every kryo5-arch kernel), Java Kryo 5.6.2 on
# the same data (benches/benches/java.rs), the iai-callgrind suites
# (instruction counts: buffers_iai.rs, kernels_iai.rs), then prints the
# tables, the kernel choice and the goals (scripts/bench_report.py) and
# where the raw results are.
#
#   scripts/bench.sh                      everything (about 20 minutes on 2 cores)
#   scripts/bench.sh criterion [ARGS...]  both criterion suites; ARGS go to their harness,
#                                         e.g. a name filter `varint` or
#                                         `--measurement-time 5 --sample-size 50`
#   scripts/bench.sh java [ARGS...]       Java Kryo only; ARGS: name filters,
#                                         `--warm-up <s>`, `--reps <n>`
#   scripts/bench.sh iai [ARGS...]        both iai-callgrind suites; ARGS go to their harness,
#                                         e.g. `--callgrind-args=--cache-sim=no`
#   scripts/bench.sh buffers [ARGS...]    the buffer suites only (criterion, Java, iai)
#   scripts/bench.sh kernels [ARGS...]    the kernel suites only (criterion, iai)
#   scripts/bench.sh media [ARGS...]      the MediaContent suites only (criterion, Java's
#                                         writeObject/readObject cases, iai)
#   scripts/bench.sh all [ARGS...]        everything, ARGS to every harness
#
# Compare kryo5 with its baselines within one run: on a shared machine wall
# times drift between runs. Instruction counts do not.
#
# KRYO5_BENCH_QUIET_LOAD=0.5 makes every timed step (criterion, Java) first
# wait until the 1-minute load average is below that (polling every 10 s,
# at most KRYO5_BENCH_QUIET_TIMEOUT seconds, default 1800, then it goes on
# with a warning). Java needs a JDK 17 and the Kryo jar (fetched here with
# scripts/fetch-kryo.sh, as scripts/test.sh does).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }
die() { echo "bench.sh: $*" >&2; exit 1; }

suite="all"
case "${1:-}" in
    criterion | iai | java | buffers | kernels | media | all) suite="$1"; shift ;;
esac

# What runs: timed suites (criterion, java), counted ones (iai), and for
# each kind which bench targets.
want() {
    case "$suite:$1" in
        all:* | criterion:criterion-* | iai:iai-* | java:java) return 0 ;;
        buffers:*-buffers | buffers:java | kernels:*-kernels) return 0 ;;
        media:*-media | media:java) return 0 ;;
        *) return 1 ;;
    esac
}

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

# With KRYO5_BENCH_QUIET_LOAD set, waits for the load average to drop below it.
quiet() {
    local limit="${KRYO5_BENCH_QUIET_LOAD:-}" waited=0
    local timeout="${KRYO5_BENCH_QUIET_TIMEOUT:-1800}"
    [ -n "$limit" ] && [ -r /proc/loadavg ] || return 0
    while :; do
        local load
        load="$(cut -d' ' -f1 /proc/loadavg)"
        if awk -v l="$load" -v m="$limit" 'BEGIN { exit !(l < m) }'; then
            echo "load average $load < $limit after ${waited}s"
            return 0
        fi
        if [ "$waited" -ge "$timeout" ]; then
            echo "warning: load average still $load after ${waited}s; timing anyway" >&2
            return 0
        fi
        sleep 10
        waited=$((waited + 10))
    done
}

# One criterion bench target: build first (so compiling is not timed next
# to it), wait for quiet, sample the load, run.
criterion() {
    step "criterion: cargo bench -p kryo5-benches --bench $1 -- ${*:2}"
    cargo build --locked --profile bench -p kryo5-benches --bench "$1"
    quiet
    busy
    cargo bench --locked -p kryo5-benches --bench "$1" -- "${@:2}"
}

if want iai-buffers || want iai-kernels || want iai-media; then
    command -v valgrind >/dev/null ||
        die "valgrind is required for the iai-callgrind suites (apt-get install valgrind)"
    step "tools"
    bash scripts/install-tools.sh iai-callgrind-runner
    # install-tools.sh puts them in cargo's bin directory.
    export PATH="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$PATH"
fi

if want java; then
    for tool in java javac; do
        command -v "$tool" >/dev/null || die "$tool is required for the Java Kryo benchmark \
(install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless)"
    done
    step "Java Kryo 5.6 jar"
    KRYO5_JAR="$(bash scripts/fetch-kryo.sh)" ||
        die "no Kryo 5.6.2 jar: run scripts/fetch-kryo.sh (or set KRYO5_JAR), see its message"
    export KRYO5_JAR
fi

if want criterion-buffers; then
    criterion buffers "$@"
fi

if want java; then
    step "Java Kryo 5.6.2: cargo bench -p kryo5-benches --bench java -- $*"
    cargo build --locked --profile bench -p kryo5-benches --bench java
    quiet
    busy
    # The Java harness takes name filters and --warm-up/--reps, not criterion's options.
    if [ "$suite" = java ]; then
        cargo bench --locked -p kryo5-benches --bench java -- "$@"
    elif [ "$suite" = media ]; then
        cargo bench --locked -p kryo5-benches --bench java -- Object
    else
        cargo bench --locked -p kryo5-benches --bench java
    fi
fi

if want criterion-kernels; then
    criterion kernels "$@"
fi

if want criterion-media; then
    criterion media "$@"
fi

for suite_target in buffers kernels media; do
    if want "iai-$suite_target"; then
        step "iai-callgrind: cargo bench -p kryo5-benches --bench ${suite_target}_iai -- --save-summary=json $*"
        cargo bench --locked -p kryo5-benches --bench "${suite_target}_iai" -- --save-summary=json "$@"
    fi
done

if command -v python3 >/dev/null; then
    step "kryo5 vs baseline (scripts/bench_report.py)"
    python3 scripts/bench_report.py --target "$target"
fi

step "results"
echo "criterion:     $target/criterion/<group>/<id>/new/estimates.json (times in ns)"
echo "Java Kryo:     $target/java-bench/results.json (ns per op)"
echo "iai-callgrind: $target/iai/kryo5-benches/{buffers,kernels,media}_iai/<group>/<function>.<id>/"
echo "               (summary.json, callgrind.*.out for callgrind_annotate)"
echo "write-up:      docs/benchmarks.md"
