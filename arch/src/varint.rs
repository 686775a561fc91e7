//! Runs of Kryo varints: encode a slice, decode a known count, skip.
//!
//! Kryo's `writeInts(int[], off, n, optimizePositive)` with variable-length
//! encoding writes one varint per element (zigzag first unless
//! `optimize_positive`); `writeLongs` likewise with varlongs. Decoding follows
//! Java's reader exactly: overlong forms are accepted, the fifth byte of a
//! varint and the ninth of a varlong always end the value.
//!
//! Every function processes whole values only and reports how far it got as
//! `(values, bytes)`, so a caller whose buffer ran out can flush or refill
//! and continue from there.

use crate::portable;

/// Encodes as many values of `src` as fit entirely in `dst`.
///
/// Returns `(values_written, bytes_written)`; stops before the first value
/// whose encoding does not fit.
///
/// ```
/// let mut buf = [0u8; 16];
/// let (n, len) = kryo5_arch::varint::encode_i32s(&[1, -1, 300], false, &mut buf);
/// assert_eq!((n, &buf[..len]), (3, &[0x02, 0x01, 0xd8, 0x04][..]));
/// ```
#[inline]
pub fn encode_i32s(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    portable::varint::encode_i32s(src, optimize_positive, dst)
}

/// Encodes as many values of `src` as varlongs as fit entirely in `dst`.
///
/// ```
/// let mut buf = [0u8; 16];
/// let (n, len) = kryo5_arch::varint::encode_i64s(&[1, -1], false, &mut buf);
/// assert_eq!((n, &buf[..len]), (2, &[0x02, 0x01][..]));
/// ```
#[inline]
pub fn encode_i64s(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    portable::varint::encode_i64s(src, optimize_positive, dst)
}

/// Decodes up to `dst.len()` varints from `src`.
///
/// Returns `(values_decoded, bytes_consumed)`; fewer values than asked means
/// the next varint is cut off by the end of `src`.
///
/// ```
/// let mut out = [0i32; 3];
/// let got = kryo5_arch::varint::decode_i32s(&[0x02, 0x01, 0xd8, 0x04], false, &mut out);
/// assert_eq!((got, out), ((3, 4), [1, -1, 300]));
/// ```
#[inline]
pub fn decode_i32s(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    portable::varint::decode_i32s(src, optimize_positive, dst)
}

/// Decodes up to `dst.len()` varlongs from `src`; see [`decode_i32s`].
///
/// ```
/// let mut out = [0i64; 1];
/// let got = kryo5_arch::varint::decode_i64s(&[0xff; 9], true, &mut out);
/// assert_eq!((got, out), ((1, 9), [-1]));
/// ```
#[inline]
pub fn decode_i64s(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    portable::varint::decode_i64s(src, optimize_positive, dst)
}

/// Skips up to `count` varints without decoding them: `(skipped, bytes)`.
///
/// ```
/// assert_eq!(kryo5_arch::varint::skip_i32s(&[0x80, 0x01, 0x05], 2), (2, 3));
/// ```
#[inline]
pub fn skip_i32s(src: &[u8], count: usize) -> (usize, usize) {
    portable::varint::skip_i32s(src, count)
}

/// Skips up to `count` varlongs without decoding them: `(skipped, bytes)`.
///
/// ```
/// assert_eq!(kryo5_arch::varint::skip_i64s(&[0xff; 10], 2), (1, 9));
/// ```
#[inline]
pub fn skip_i64s(src: &[u8], count: usize) -> (usize, usize) {
    portable::varint::skip_i64s(src, count)
}

/// Total bytes `src` takes as varints.
///
/// ```
/// assert_eq!(kryo5_arch::varint::encoded_len_i32s(&[1, -1, 300], true), 1 + 5 + 2);
/// ```
#[inline]
pub fn encoded_len_i32s(src: &[i32], optimize_positive: bool) -> usize {
    portable::varint::encoded_len_i32s(src, optimize_positive)
}

/// Total bytes `src` takes as varlongs.
///
/// ```
/// assert_eq!(kryo5_arch::varint::encoded_len_i64s(&[1, -1], true), 1 + 9);
/// ```
#[inline]
pub fn encoded_len_i64s(src: &[i64], optimize_positive: bool) -> usize {
    portable::varint::encoded_len_i64s(src, optimize_positive)
}
