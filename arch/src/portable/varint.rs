//! Portable varint run kernels: one value at a time, from one 8-byte window.
//!
//! These are the reference every vectorized kernel is checked against, and
//! the fallback where no vector kernel applies. They already avoid per-byte
//! bounds checks: while 8 (or 16) bytes remain, each value is one unaligned
//! word load or store; only the last few values take the byte-exact tail.

use crate::scalar;

/// Reads 8 bytes at `pos` as a little-endian word, if that many remain.
#[inline(always)]
fn load8(src: &[u8], pos: usize) -> Option<u64> {
    let bytes: &[u8; 8] = src.get(pos..pos + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(*bytes))
}

/// Reads up to 8 bytes at `pos` into a word, zero-filled past the end.
#[inline]
fn load_tail(src: &[u8], pos: usize) -> (u64, usize) {
    let rest = src.get(pos..).unwrap_or(&[]);
    let n = rest.len().min(8);
    let mut b = [0u8; 8];
    b[..n].copy_from_slice(&rest[..n]);
    (u64::from_le_bytes(b), n)
}

/// Encodes `src` as varints into `dst`; see [`crate::varint::encode_i32s`].
pub fn encode_i32s(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let mut pos = 0;
    for (i, &v) in src.iter().enumerate() {
        let (word, len) = scalar::encode_var_u32(scalar::to_unsigned32(v, optimize_positive));
        if let Some(out) = dst.get_mut(pos..pos + 8) {
            out.copy_from_slice(&word.to_le_bytes());
        } else if let Some(out) = dst.get_mut(pos..pos + len) {
            out.copy_from_slice(&word.to_le_bytes()[..len]);
        } else {
            return (i, pos);
        }
        pos += len;
    }
    (src.len(), pos)
}

/// Encodes `src` as varlongs into `dst`; see [`crate::varint::encode_i64s`].
pub fn encode_i64s(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let mut pos = 0;
    for (i, &v) in src.iter().enumerate() {
        let (word, ninth, len) =
            scalar::encode_var_u64(scalar::to_unsigned64(v, optimize_positive));
        if let Some(out) = dst.get_mut(pos..pos + 16) {
            out[..8].copy_from_slice(&word.to_le_bytes());
            out[8] = ninth;
        } else if let Some(out) = dst.get_mut(pos..pos + len) {
            let mut bytes = [0u8; 9];
            bytes[..8].copy_from_slice(&word.to_le_bytes());
            bytes[8] = ninth;
            out.copy_from_slice(&bytes[..len]);
        } else {
            return (i, pos);
        }
        pos += len;
    }
    (src.len(), pos)
}

/// Decodes one varint at `pos`, or `None` if it is cut off by the end of `src`.
#[inline]
pub(crate) fn decode_u32_at(src: &[u8], pos: usize) -> Option<(u32, usize)> {
    if let Some(w) = load8(src, pos) {
        return Some(scalar::decode_var_u32(w));
    }
    let (w, n) = load_tail(src, pos);
    let (v, len) = scalar::decode_var_u32(w);
    (len <= n).then_some((v, len))
}

/// Decodes one varlong at `pos`, or `None` if it is cut off by the end of `src`.
#[inline]
pub(crate) fn decode_u64_at(src: &[u8], pos: usize) -> Option<(u64, usize)> {
    if let Some(w) = load8(src, pos) {
        let ninth = if w & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
            *src.get(pos + 8)?
        } else {
            0
        };
        return Some(scalar::decode_var_u64(w, ninth));
    }
    let (w, n) = load_tail(src, pos);
    let (v, len) = scalar::decode_var_u64(w, 0);
    (len <= n).then_some((v, len))
}

/// Decodes varints from `src` into `dst`; see [`crate::varint::decode_i32s`].
pub fn decode_i32s(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    let mut pos = 0;
    for (i, out) in dst.iter_mut().enumerate() {
        let Some((u, len)) = decode_u32_at(src, pos) else {
            return (i, pos);
        };
        *out = scalar::from_unsigned32(u, optimize_positive);
        pos += len;
    }
    (dst.len(), pos)
}

/// Decodes varlongs from `src` into `dst`; see [`crate::varint::decode_i64s`].
pub fn decode_i64s(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    let mut pos = 0;
    for (i, out) in dst.iter_mut().enumerate() {
        let Some((u, len)) = decode_u64_at(src, pos) else {
            return (i, pos);
        };
        *out = scalar::from_unsigned64(u, optimize_positive);
        pos += len;
    }
    (dst.len(), pos)
}

/// Skips up to `count` whole varints; see [`crate::varint::skip_i32s`].
pub fn skip_i32s(src: &[u8], count: usize) -> (usize, usize) {
    let mut pos = 0;
    for i in 0..count {
        let Some((_, len)) = decode_u32_at(src, pos) else {
            return (i, pos);
        };
        pos += len;
    }
    (count, pos)
}

/// Skips up to `count` whole varlongs; see [`crate::varint::skip_i64s`].
pub fn skip_i64s(src: &[u8], count: usize) -> (usize, usize) {
    let mut pos = 0;
    for i in 0..count {
        let Some((_, len)) = decode_u64_at(src, pos) else {
            return (i, pos);
        };
        pos += len;
    }
    (count, pos)
}

/// Total encoded length of `src` as varints.
pub fn encoded_len_i32s(src: &[i32], optimize_positive: bool) -> usize {
    src.iter()
        .map(|&v| scalar::var_u32_len(scalar::to_unsigned32(v, optimize_positive)))
        .sum()
}

/// Total encoded length of `src` as varlongs.
pub fn encoded_len_i64s(src: &[i64], optimize_positive: bool) -> usize {
    src.iter()
        .map(|&v| scalar::var_u64_len(scalar::to_unsigned64(v, optimize_positive)))
        .sum()
}
