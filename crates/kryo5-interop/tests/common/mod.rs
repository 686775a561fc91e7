//! Helpers shared by the interop test binaries.

#![allow(dead_code, unreachable_pub)]

use std::time::Instant;

use kryo5_interop::Script;

/// Ops per case: small enough that a failing case points near its op.
pub const OPS_PER_CASE: usize = 150;

/// A stable seed for `label`, so every test draws its own reproducible data.
pub fn seed(label: &str) -> u64 {
    label.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Prints what a test covered (visible with `--nocapture`).
pub fn summary(test: &str, script: &Script, checks: usize, started: Instant) {
    eprintln!(
        "{test}: {} cases, {} ops through Java, {checks} checks, {:.1?}",
        script.cases(),
        script.ops(),
        started.elapsed()
    );
}
