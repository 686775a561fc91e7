//! The measured kernel calls: one `#[inline(never)]` function per kernel
//! operation and per plain-loop baseline, shared by the criterion
//! (`benches/kernels.rs`) and iai-callgrind (`benches/kernels_iai.rs`)
//! suites.
//!
//! Every kryo5 case takes a kernel handle (`Varint`, `Text`, `Order` of
//! `kryo5_arch`), so the same function measures the portable, AVX2 and
//! AVX-512 implementations side by side; the handle calls through the same
//! function table the dispatcher uses. Destinations are pre-sized by the
//! caller and reused (`Vec`s are cleared, never shrunk), so allocation is not
//! measured. The crates.io baselines live with the bench targets
//! (`benches/support/crates_io.rs`), as their crates are dev-dependencies.

use kryo5_arch::order::Order;
use kryo5_arch::text::{Scan, Text};
use kryo5_arch::varint::Varint;

use crate::baseline;

/// `optimize_positive` of every varint kernel case: the encoding
/// [`data::var_ints`](crate::data::var_ints) spreads over every length.
pub const OPTIMIZE_POSITIVE: bool = true;

// ----- varints ----------------------------------------------------------------

/// kryo5: `encode_i32s` of the whole run into `dst` (at least 5 bytes per
/// value plus 8 of slack); returns the bytes written.
#[inline(never)]
pub fn encode_i32s(k: Varint, values: &[i32], dst: &mut [u8]) -> usize {
    let (n, bytes) = k.encode_i32s(values, OPTIMIZE_POSITIVE, dst);
    debug_assert_eq!(n, values.len());
    bytes
}

/// kryo5: `decode_i32s` of `dst.len()` values; returns the bytes read.
#[inline(never)]
pub fn decode_i32s(k: Varint, bytes: &[u8], dst: &mut [i32]) -> usize {
    let (n, len) = k.decode_i32s(bytes, OPTIMIZE_POSITIVE, dst);
    debug_assert_eq!(n, dst.len());
    len
}

/// kryo5: `skip_i32s` over `count` values; returns the bytes skipped.
#[inline(never)]
pub fn skip_i32s(k: Varint, bytes: &[u8], count: usize) -> usize {
    k.skip_i32s(bytes, count).1
}

/// kryo5: `encode_i64s` of the whole run (9 bytes per value plus 16 of slack).
#[inline(never)]
pub fn encode_i64s(k: Varint, values: &[i64], dst: &mut [u8]) -> usize {
    let (n, bytes) = k.encode_i64s(values, OPTIMIZE_POSITIVE, dst);
    debug_assert_eq!(n, values.len());
    bytes
}

/// kryo5: `decode_i64s` of `dst.len()` values; returns the bytes read.
#[inline(never)]
pub fn decode_i64s(k: Varint, bytes: &[u8], dst: &mut [i64]) -> usize {
    let (n, len) = k.decode_i64s(bytes, OPTIMIZE_POSITIVE, dst);
    debug_assert_eq!(n, dst.len());
    len
}

/// kryo5: `skip_i64s` over `count` values; returns the bytes skipped.
#[inline(never)]
pub fn skip_i64s(k: Varint, bytes: &[u8], count: usize) -> usize {
    k.skip_i64s(bytes, count).1
}

/// Baseline: [`baseline::skip_u32s`], the byte-at-a-time skip loop.
#[inline(never)]
pub fn plain_skip_u32s(bytes: &[u8], count: usize) -> Option<usize> {
    baseline::skip_u32s(bytes, count)
}

/// Baseline: [`baseline::skip_u64s`].
#[inline(never)]
pub fn plain_skip_u64s(bytes: &[u8], count: usize) -> Option<usize> {
    baseline::skip_u64s(bytes, count)
}

// ----- text ---------------------------------------------------------------------

/// kryo5: `first_non_ascii`.
#[inline(never)]
pub fn first_non_ascii(k: Text, bytes: &[u8]) -> usize {
    k.first_non_ascii(bytes)
}

/// kryo5: `utf16_len` (Java's `String.length()`).
#[inline(never)]
pub fn utf16_len(k: Text, s: &str) -> usize {
    k.utf16_len(s)
}

/// kryo5: `cesu8_len` (the byte count `write_string` reserves).
#[inline(never)]
pub fn cesu8_len(k: Text, s: &str) -> usize {
    k.cesu8_len(s)
}

/// kryo5: `utf8_to_cesu8` into `dst` (at least `cesu8_len` bytes).
#[inline(never)]
pub fn utf8_to_cesu8(k: Text, s: &str, dst: &mut [u8]) -> usize {
    k.utf8_to_cesu8(s, dst)
}

/// kryo5: `cesu8_scan` for `units` units; returns their bytes (0 if the
/// input does not hold them).
#[inline(never)]
pub fn cesu8_scan(k: Text, src: &[u8], units: usize) -> usize {
    match k.cesu8_scan(src, units) {
        Scan::Complete { bytes } => bytes,
        Scan::Truncated { .. } | Scan::Invalid { .. } => 0,
    }
}

/// kryo5: `cesu8_to_utf8` into `dst` (cleared first); `false` on an error.
#[inline(never)]
pub fn cesu8_to_utf8(k: Text, src: &[u8], dst: &mut Vec<u8>) -> bool {
    dst.clear();
    k.cesu8_to_utf8(src, dst).is_ok()
}

/// kryo5: `cesu8_to_utf16` into `dst` (cleared first); `false` on an error.
#[inline(never)]
pub fn cesu8_to_utf16(k: Text, src: &[u8], dst: &mut Vec<u16>) -> bool {
    dst.clear();
    k.cesu8_to_utf16(src, dst).is_ok()
}

/// kryo5: the `utf8` check (UTF-8 validation behind zero-copy reads).
#[inline(never)]
pub fn utf8(k: Text, bytes: &[u8]) -> bool {
    k.utf8(bytes).is_some()
}

/// Baseline: [`baseline::first_non_ascii`].
#[inline(never)]
pub fn plain_first_non_ascii(bytes: &[u8]) -> usize {
    baseline::first_non_ascii(bytes)
}

/// Baseline: [`baseline::utf16_len`].
#[inline(never)]
pub fn plain_utf16_len(s: &str) -> usize {
    baseline::utf16_len(s)
}

/// Baseline: `s.encode_utf16().count()`, what `std` offers.
#[inline(never)]
pub fn std_utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Baseline: [`baseline::cesu8_len`].
#[inline(never)]
pub fn plain_cesu8_len(s: &str) -> usize {
    baseline::cesu8_len(s)
}

/// Baseline: [`baseline::utf8_to_cesu8`] into `buf` (cleared first).
#[inline(never)]
pub fn plain_utf8_to_cesu8(s: &str, buf: &mut Vec<u8>) -> usize {
    buf.clear();
    baseline::utf8_to_cesu8(s, buf);
    buf.len()
}

/// Baseline: [`baseline::cesu8_scan`].
#[inline(never)]
pub fn plain_cesu8_scan(src: &[u8], units: usize) -> usize {
    baseline::cesu8_scan(src, units).unwrap_or(0)
}

/// Baseline: [`baseline::cesu8_to_utf8`] into `dst` (cleared first).
#[inline(never)]
pub fn plain_cesu8_to_utf8(src: &[u8], dst: &mut String) -> bool {
    dst.clear();
    baseline::cesu8_to_utf8(src, dst).is_some()
}

/// Baseline: [`baseline::cesu8_to_utf16`] into `dst` (cleared first).
#[inline(never)]
pub fn plain_cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> bool {
    dst.clear();
    baseline::cesu8_to_utf16(src, dst).is_some()
}

/// Baseline: `std::str::from_utf8` (the standard library's validator).
#[inline(never)]
pub fn std_from_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

// ----- fixed-width arrays (order) ----------------------------------------------

/// kryo5: `f32_to_le_canonical` (safe `write_floats`' conversion).
#[inline(never)]
pub fn f32_to_le_canonical(k: Order, src: &[f32], dst: &mut [u8]) {
    k.f32_to_le_canonical(src, dst);
}

/// kryo5: `f64_to_le_canonical` (safe `write_doubles`' conversion).
#[inline(never)]
pub fn f64_to_le_canonical(k: Order, src: &[f64], dst: &mut [u8]) {
    k.f64_to_le_canonical(src, dst);
}

/// kryo5: `bools_from_bytes` (`read_booleans`' conversion).
#[inline(never)]
pub fn bools_from_bytes(k: Order, src: &[u8], dst: &mut [bool]) {
    k.bools_from_bytes(src, dst);
}

/// Baseline: [`baseline::f32_to_le_canonical`] into `buf` (cleared first).
#[inline(never)]
pub fn plain_f32_to_le_canonical(src: &[f32], buf: &mut Vec<u8>) -> usize {
    buf.clear();
    baseline::f32_to_le_canonical(src, buf);
    buf.len()
}

/// Baseline: [`baseline::f64_to_le_canonical`] into `buf` (cleared first).
#[inline(never)]
pub fn plain_f64_to_le_canonical(src: &[f64], buf: &mut Vec<u8>) -> usize {
    buf.clear();
    baseline::f64_to_le_canonical(src, buf);
    buf.len()
}

/// Baseline: [`baseline::bools_from_bytes`] into `dst` (cleared first).
#[inline(never)]
pub fn plain_bools_from_bytes(src: &[u8], dst: &mut Vec<bool>) -> usize {
    dst.clear();
    baseline::bools_from_bytes(src, dst);
    dst.len()
}
