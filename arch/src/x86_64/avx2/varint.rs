//! AVX2 + BMI2 varint run kernels.
//!
//! **Encode**: per value, `lzcnt` gives the length, `pdep` spreads the value
//! into 7-bit groups, a table adds the continuation bits, and one 8-byte
//! store writes it (the bytes past its length are overwritten next).
//!
//! **Decode**: per 32-byte window (64 bytes for varlongs, which are
//! longer), `vpmovmskb` gives the continuation bits of the window at once,
//! so the ends of all values in the window are known
//! from one load; each value is then one `tzcnt`, one unaligned 8-byte load
//! and one `pext`. The loop-carried work per window is a load and a mask,
//! not a chain of dependent byte reads per value (the scalar form of
//! Masked VByte's boundary finding). Five continuation bytes in a row (never
//! in valid varints) stop the window; the portable kernel then reads them
//! as Java does. For varlongs, runs of 9 and more are valid (a 9-byte
//! value's ninth byte may have bit 7 set) and are split into 9-byte values
//! in the window (`varint_shared::varlong_ends`).
//!
//! BMI2 is only used here where it is fast: on AMD before Zen 3, `pdep` and
//! `pext` are microcoded and very slow, and this level is not offered there
//! (see `dispatch`).

use core::arch::x86_64::*;

use super::super::varint_shared::{resume, varlong_ends};
use crate::portable::varint as portable;
use crate::scalar;

/// `MASK7[len]`: the 7-bit groups of a `len`-byte varint.
const MASK7: [u64; 10] = {
    let mut t = [0u64; 10];
    let mut len = 1;
    while len < 10 {
        t[len] = if len >= 8 {
            0x7f7f_7f7f_7f7f_7f7f
        } else {
            0x7f7f_7f7f_7f7f_7f7f & ((1u64 << (8 * len)) - 1)
        };
        len += 1;
    }
    t
};

/// `CONT[len]`: the continuation bits in the first 8 bytes of a `len`-byte
/// varint (1..=9).
const CONT: [u64; 10] = {
    let mut t = [0u64; 10];
    let mut len = 1;
    while len < 10 {
        t[len] = if len == 9 {
            0x8080_8080_8080_8080
        } else {
            0x8080_8080_8080_8080 & ((1u64 << (8 * (len - 1))) - 1)
        };
        len += 1;
    }
    t
};

/// See [`crate::varint::encode_i32s`].
pub(crate) fn encode_i32s(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    // SAFETY: only reachable through the AVX2 table, which
    // `varint::table` hands out only for a supported kernel.
    let (n, b) = unsafe { encode_i32s_bmi2(src, optimize_positive, dst) };
    let (n2, b2) = portable::encode_i32s(&src[n..], optimize_positive, &mut dst[b..]);
    (n + n2, b + b2)
}

#[target_feature(enable = "bmi1,bmi2,lzcnt")]
fn encode_i32s_bmi2(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let mut o = 0;
    for (i, &v) in src.iter().enumerate() {
        let u = scalar::to_unsigned32(v, optimize_positive);
        let len = scalar::var_u32_len(u);
        let word = _pdep_u64(u64::from(u), 0x7f_7f7f_7f7f) | CONT[len];
        let Some(out) = dst.get_mut(o..o + 8) else {
            return (i, o);
        };
        out.copy_from_slice(&word.to_le_bytes());
        o += len;
    }
    (src.len(), o)
}

/// See [`crate::varint::encode_i64s`].
pub(crate) fn encode_i64s(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    // SAFETY: as in `encode_i32s`.
    let (n, b) = unsafe { encode_i64s_bmi2(src, optimize_positive, dst) };
    let (n2, b2) = portable::encode_i64s(&src[n..], optimize_positive, &mut dst[b..]);
    (n + n2, b + b2)
}

#[target_feature(enable = "bmi1,bmi2,lzcnt")]
fn encode_i64s_bmi2(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let mut o = 0;
    for (i, &v) in src.iter().enumerate() {
        let u = scalar::to_unsigned64(v, optimize_positive);
        let len = scalar::var_u64_len(u);
        let Some(out) = dst.get_mut(o..o + 16) else {
            return (i, o);
        };
        let word = _pdep_u64(u, 0x7f7f_7f7f_7f7f_7f7f) | CONT[len];
        let ninth = (u >> 56) as u8;
        let (head, tail) = out.split_at_mut(8);
        head.copy_from_slice(&word.to_le_bytes());
        tail[0] = ninth;
        o += len;
    }
    (src.len(), o)
}

/// See [`crate::varint::decode_i32s`].
pub(crate) fn decode_i32s(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    resume(
        src,
        dst,
        NEED,
        |s, d| {
            // SAFETY: as in `encode_i32s`.
            unsafe { decode_i32s_avx2(s, optimize_positive, d) }
        },
        |s, d| portable::decode_i32s(s, optimize_positive, d),
    )
}

/// See [`crate::varint::decode_i64s`].
pub(crate) fn decode_i64s(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    resume(
        src,
        dst,
        NEED_LONG,
        |s, d| {
            // SAFETY: as in `encode_i32s`.
            unsafe { decode_i64s_avx2(s, optimize_positive, d) }
        },
        |s, d| portable::decode_i64s(s, optimize_positive, d),
    )
}

/// Bytes a window needs: 32 scanned, plus 8 readable after the last scanned
/// byte for the unaligned per-value loads.
const NEED: usize = 40;

/// Bytes a varlong window needs: 64 scanned, plus 8.
const NEED_LONG: usize = 72;

/// Continuation bits of the 32 bytes at `p` (`p + 32 <= src.len()`).
#[target_feature(enable = "avx2")]
fn window_mask(src: &[u8], p: usize) -> u32 {
    // SAFETY: the caller guarantees 32 readable bytes at `p`.
    let v = unsafe { _mm256_loadu_si256(src[p..].as_ptr().cast()) };
    _mm256_movemask_epi8(v) as u32
}

/// The 8 bytes at `at` as a little-endian word (`at + 8 <= src.len()`).
#[inline(always)]
fn word(src: &[u8], at: usize) -> u64 {
    let bytes: [u8; 8] = src
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .unwrap_or([0; 8]);
    u64::from_le_bytes(bytes)
}

#[target_feature(enable = "avx2,bmi1,bmi2,popcnt")]
fn decode_i32s_avx2(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    let (mut i, mut p) = (0, 0);
    while src.len() - p >= NEED && i < dst.len() {
        let cont = window_mask(src, p);
        let mut ends = !cont;
        // A run of 5 continuation bytes: leave it to the portable kernel.
        let run5 = cont & (cont >> 1) & (cont >> 2) & (cont >> 3) & (cont >> 4);
        let span = 32 - ends.leading_zeros() as usize; // up to the last end
        if span > 4 && run5 & ((1u32 << (span - 4)) - 1) != 0 || ends == 0 {
            break;
        }
        let mut start = 0;
        while ends != 0 && i < dst.len() {
            let end = ends.trailing_zeros() as usize;
            let len = end - start + 1;
            let u = _pext_u64(word(src, p + start), MASK7[len]) as u32;
            dst[i] = scalar::from_unsigned32(u, optimize_positive);
            i += 1;
            start = end + 1;
            ends &= ends - 1;
        }
        p += start;
    }
    (i, p)
}

#[target_feature(enable = "avx2,bmi1,bmi2,popcnt")]
fn decode_i64s_avx2(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    let (mut i, mut p) = (0, 0);
    while src.len() - p >= NEED_LONG && i < dst.len() {
        // Two windows at once: up to 9 bytes a value, a 32-byte window
        // holds too few of them to pay for finding their ends.
        let cont = u64::from(window_mask(src, p)) | u64::from(window_mask(src, p + 32)) << 32;
        // The window starts at a value's start; runs of 9 and more
        // continuation bytes are split into 9-byte values.
        let mut ends = varlong_ends(u128::from(cont), 0) as u64;
        let mut start = 0;
        while ends != 0 && i < dst.len() {
            let end = ends.trailing_zeros() as usize;
            let len = end - start + 1;
            let w = word(src, p + start);
            let u = if len <= 8 {
                _pext_u64(w, MASK7[len])
            } else {
                _pext_u64(w, MASK7[8]) | (u64::from(src[p + end]) << 56)
            };
            dst[i] = scalar::from_unsigned64(u, optimize_positive);
            i += 1;
            start = end + 1;
            ends &= ends - 1;
        }
        p += start;
    }
    (i, p)
}
