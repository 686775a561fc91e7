//! Runs ops on kryo5: the Rust half of every comparison.
//!
//! [`kryo5_write`] and [`kryo5_read`] take the same configurations as the
//! Java driver and build the matching kryo5 type: `Output`/`NativeOutput`
//! in memory or over a `Vec` writer, `Output::chunked`, `Input`/
//! `NativeInput` over a slice or a reader, `Input::chunked`. Each op maps to
//! exactly one kryo5 call (see [`WriteOp`](crate::WriteOp) and
//! [`ReadOp`](crate::ReadOp)).

mod read;
mod write;

pub use read::kryo5_read;
pub use write::kryo5_write;

/// Index of the `Pop` closing the `Push` at `start`. Panics on a nested
/// `Push` (the rig nests chunked streams one level deep) or a missing `Pop`.
fn block_end<T>(ops: &[T], start: usize, is_push: fn(&T) -> bool, is_pop: fn(&T) -> bool) -> usize {
    for (i, op) in ops.iter().enumerate().skip(start + 1) {
        assert!(
            !is_push(op),
            "op {i}: chunked streams nest one level deep only"
        );
        if is_pop(op) {
            return i;
        }
    }
    panic!("op {start}: push without pop")
}
