//! What a case produced, on either side: the same types for Java and kryo5
//! so they compare directly.

use crate::value::{Failure, Value};

/// The result of a write case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteRun {
    /// Everything written. On failure: what reached the stream plus what is
    /// buffered (kryo5 keeps nothing of a failed value in memory; Java may
    /// keep part of it).
    pub bytes: Vec<u8>,
    /// `total()` at the end (after the final flush of a stream).
    pub total: u64,
    /// The byte counts returned by the ops that return one
    /// ([`WriteOp::returns_length`](crate::WriteOp::returns_length)), in order.
    pub lengths: Vec<i64>,
    /// The first failing op, if any; later ops were not run.
    pub failure: Option<WriteFailure>,
    /// `total()` of the current output after each op (kryo5 runs only; Java
    /// leaves it empty). Locates the op behind a byte mismatch.
    pub op_totals: Vec<u64>,
}

/// A write op that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteFailure {
    /// Index of the op in the case.
    pub op: usize,
    /// `total()` of the current output just before the op.
    pub total_before: u64,
    /// Why.
    pub failure: Failure,
}

/// The result of one read op.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The op returned `value`; `total()` of the current input afterwards.
    Value {
        /// What was read.
        value: Value,
        /// `total()` after the op.
        total: u64,
    },
    /// The op failed; the case stopped there.
    Error(Failure),
}

/// The result of a read case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadRun {
    /// One step per op run: every op up to and including the first error.
    pub steps: Vec<Step>,
    /// `total()` of the outermost input at the end.
    pub end_total: u64,
}

impl ReadRun {
    /// Whether some op failed.
    #[must_use]
    pub fn failed(&self) -> bool {
        matches!(self.steps.last(), Some(Step::Error(_)))
    }
}
