#!/usr/bin/env bash
# Installs the cargo tools kryo5 needs, at pinned versions, with
# `cargo install --locked`. Idempotent: a tool whose `--version` output
# already shows its pinned version is skipped.
#
#   scripts/install-tools.sh                 install what is missing or mismatched
#   scripts/install-tools.sh cargo-fuzz      only the named tools (crate names)
#   scripts/install-tools.sh --check [TOOL]  only report; exit 1 if anything is off
#
# To add a tool, add one `tool` line below.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

die() { echo "install-tools: $*" >&2; exit 1; }

check_only=false
wanted=()
for arg in "$@"; do
    case "$arg" in
        --check) check_only=true ;;
        -*) die "unknown option '$arg' (usage: install-tools.sh [--check] [TOOL...])" ;;
        *) wanted+=("$arg") ;;
    esac
done

command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"

# Tools go to cargo's bin directory; make sure this script (and what runs
# after it) finds them.
cargo_bin="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
case ":$PATH:" in
    *":$cargo_bin:"*) ;;
    *) export PATH="$cargo_bin:$PATH" ;;
esac

# The iai-callgrind library pin in Cargo.toml ([workspace.dependencies]);
# its runner binary must be exactly the same version or benches refuse to run.
iai_version="$(sed -n 's/^iai-callgrind = "=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml)"
[ -n "$iai_version" ] || die "no exact 'iai-callgrind = \"=X.Y.Z\"' pin found in Cargo.toml"

failed=0

# tool CRATE VERSION COMMAND...: COMMAND --version must print VERSION (as a
# whole word), else `cargo install --locked CRATE@VERSION`.
tool() {
    local crate="$1" version="$2"
    shift 2
    if [ "${#wanted[@]}" -gt 0 ] && ! printf '%s\n' "${wanted[@]}" | grep -qx "$crate"; then
        return
    fi
    local found=""
    if command -v "$1" >/dev/null 2>&1; then
        # Exit status ignored: iai-callgrind-runner has no --version flag and
        # exits 1, but its message names its version ("... (0.16.1) ...").
        found="$("$@" --version 2>&1 || true)"
    fi
    local escaped="${version//./\\.}"
    if grep -Eq "(^|[^0-9.])${escaped}([^0-9.]|$)" <<<"$found"; then
        echo "install-tools: $crate $version already installed"
        return
    fi
    if $check_only; then
        echo "install-tools: $crate $version missing (found: ${found:-nothing})" >&2
        failed=1
        return
    fi
    echo "install-tools: installing $crate $version"
    cargo install --locked "$crate" --version "$version"
}

tool iai-callgrind-runner "$iai_version" iai-callgrind-runner
# cargo-fuzz runs the targets under fuzz/ (with the nightly toolchain).
tool cargo-fuzz 0.13.1 cargo fuzz

exit "$failed"
