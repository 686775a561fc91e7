//! AVX-512 text kernels (F, BW, VBMI2, with BMI1, BMI2, LZCNT and
//! POPCNT), each returning exactly what its portable twin returns, for
//! every input.
//!
//! The algorithms are those of the AVX2 level (see its module) on 64-byte
//! blocks, with what AVX-512 adds:
//!
//! - compares write bit masks directly (`vpcmpb` into `k` registers), so a
//!   byte class costs one instruction, and `utf16_len` counts with masked
//!   byte adds;
//! - tails are read with masked loads (`vmovdqu8` under a mask of the
//!   bytes present), which do not touch the bytes masked off;
//! - `cesu8_to_utf16` decodes a window of 62 positions per 64-byte block:
//!   each position's second and third byte come from `vpermt2w` over the
//!   two halves widened to 16-bit lanes, masked compares check the unit
//!   ranges, and `vpcompressw` (VBMI2) packs the units of the real leads.
//!
//! `cesu8_to_utf8` adds a vector path for surrogate pairs where they are
//! dense (emoji among ASCII): blocks of ASCII and well-formed pairs are
//! decoded 64 bytes at a time, each pair's UTF-8 computed in the lanes of
//! its first four bytes and `vpcompressb` (VBMI2) dropping the other two,
//! in the manner of simdutf's transcoders.
//!
//! `utf8_to_cesu8` only copies the blocks before the first 4-byte
//! sequence itself and leaves the rest to the AVX2 kernel (faster on this
//! level's CPUs where surrogate pairs are written; see its doc).
//!
//! Nothing here reads or writes outside the slices it is given.

use core::arch::x86_64::*;

use super::super::text_shared::{self as shared, Classes, FixedScan, ScanBlock, Staging, low};
use crate::text::{Scan, TextError};

// ----- entries of the `TEXT` table ------------------------------------------
//
// SAFETY (for every `unsafe` block in this section): these functions are
// only reachable through the AVX-512 level's `TEXT` table, and
// `text::table` hands it out only for a kernel that `Kernel::is_supported`
// confirmed, which for this level means AVX-512 F, BW, VL, CD, VBMI and
// VBMI2 with AVX2, BMI1, BMI2, LZCNT and POPCNT (`dispatch::detect`).

/// See [`crate::text::first_non_ascii`].
pub(super) fn first_non_ascii(bytes: &[u8]) -> usize {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    unsafe { first_non_ascii_avx512(bytes) }
}

/// See [`crate::text::utf16_len`].
pub(super) fn utf16_len(s: &str) -> usize {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    let (cont, four) = unsafe { counts_avx512::<true>(s.as_bytes()) };
    s.len() - cont + four
}

/// See [`crate::text::cesu8_len`].
pub(super) fn supplementary_count(s: &str) -> usize {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    unsafe { counts_avx512::<false>(s.as_bytes()) }.1
}

/// See [`crate::text::utf8_to_cesu8`]: 64-byte copies up to the first
/// block with a 4-byte sequence, then the AVX2 kernel. Where surrogate
/// pairs are to be written, AVX2's 32-byte segments were measured faster
/// than 64-byte ones on Zen 4 (each pair restarts a segment: a 64-byte
/// store costs twice a 32-byte one there); text without them copies
/// 1.9x faster in 64-byte blocks. See `docs/kernels.md`.
pub(super) fn utf8_to_cesu8(s: &str, dst: &mut [u8]) -> usize {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    let done = unsafe { copy_plain_avx512(s, dst) };
    done + super::avx2::text::utf8_to_cesu8(&s[done..], &mut dst[done..])
}

/// See [`crate::text::cesu8_scan`].
pub(super) fn cesu8_scan(src: &[u8], units: usize) -> Scan {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    unsafe { cesu8_scan_avx512(src, units) }
}

/// See [`crate::text::cesu8_to_utf8`].
pub(super) fn cesu8_to_utf8(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    unsafe { cesu8_to_utf8_avx512(src, dst) }
}

/// See [`crate::text::cesu8_to_utf16`].
pub(super) fn cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    unsafe { cesu8_to_utf16_avx512(src, dst) }
}

/// See [`crate::text::utf8`].
pub(super) fn utf8(bytes: &[u8]) -> Option<&str> {
    // SAFETY: only reachable through this level's `TEXT` table, handed out
    // after `Kernel::is_supported` (section comment): the CPU has the features.
    if !unsafe { valid_utf8_avx512(bytes) } {
        return None;
    }
    // SAFETY: `valid_utf8_avx512` returned true, so `bytes` is UTF-8: its
    // check covers every byte (the last block zero-padded, which turns a
    // sequence cut by the end of input into an error) and found no error.
    Some(unsafe { core::str::from_utf8_unchecked(bytes) })
}

// ----- memory access: the only unsafe operations below ----------------------

/// The `N` bytes at `pos`, if `b` has them.
#[inline(always)]
fn chunk<const N: usize>(b: &[u8], pos: usize) -> Option<&[u8; N]> {
    b.get(pos..)?.first_chunk()
}

/// The `N` bytes at `pos`, writable, if `b` has them.
#[inline(always)]
fn chunk_mut<const N: usize>(b: &mut [u8], pos: usize) -> Option<&mut [u8; N]> {
    b.get_mut(pos..)?.first_chunk_mut()
}

#[target_feature(enable = "avx512f")]
#[inline]
fn load(b: &[u8; 64]) -> __m512i {
    // SAFETY: `b` is 64 readable bytes; `loadu` needs no alignment.
    unsafe { _mm512_loadu_si512(b.as_ptr().cast()) }
}

/// The first `min(b.len(), 64)` bytes of `b`, zeros after them.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn load_part(b: &[u8]) -> __m512i {
    let k = low(b.len().min(64) as u32);
    // SAFETY: the mask selects bytes of `b` only; a masked load neither
    // reads nor faults on the bytes masked off.
    unsafe { _mm512_maskz_loadu_epi8(k, b.as_ptr().cast()) }
}

#[target_feature(enable = "avx512f")]
#[inline]
fn store(b: &mut [u8; 64], v: __m512i) {
    // SAFETY: `b` is 64 writable bytes; `storeu` needs no alignment.
    unsafe { _mm512_storeu_si512(b.as_mut_ptr().cast(), v) }
}

#[target_feature(enable = "avx512f")]
#[inline]
fn store_u16x32(b: &mut [u16; 32], v: __m512i) {
    // SAFETY: `b` is 64 writable bytes; `storeu` needs no alignment.
    unsafe { _mm512_storeu_si512(b.as_mut_ptr().cast(), v) }
}

// ----- small vector helpers -------------------------------------------------

/// Byte classes of 64 bytes (see the AVX2 `classes32`).
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn classes(v: __m512i) -> Classes {
    let below = |t: i8| _mm512_cmplt_epi8_mask(v, _mm512_set1_epi8(t));
    let (m64, m32, m16) = (below(-64), below(-32), below(-16));
    Classes {
        cont: m64,
        lead2: m32 & !m64,
        lead3: m16 & !m32,
        bad: _mm512_movepi8_mask(v) & !m16,
    }
}

/// Bit `i` set where byte `i` of `v` is `f0..=ff`.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn four_leads(v: __m512i) -> u64 {
    _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8(0xf0u8 as i8))
}

/// A 16-entry table in all four 128-bit lanes, for `vpshufb`.
#[target_feature(enable = "avx512f")]
#[inline]
fn table(t: &[u8; 16]) -> __m512i {
    let (lo, hi) = t.split_at(8);
    let lo = u64::from_le_bytes(lo.try_into().unwrap()) as i64;
    let hi = u64::from_le_bytes(hi.try_into().unwrap()) as i64;
    _mm512_set_epi64(hi, lo, hi, lo, hi, lo, hi, lo)
}

/// Index vectors for `vpermt2w` selecting the 16-bit lane 1 (2) further on.
const fn ahead(n: usize) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 32 {
        t[2 * i] = (i + n) as u8;
        i += 1;
    }
    t
}

static AHEAD_1: [u8; 64] = ahead(1);
static AHEAD_2: [u8; 64] = ahead(2);

// ----- kernels --------------------------------------------------------------

/// # Safety
/// The CPU must support AVX-512 F and BW.
#[target_feature(enable = "avx512f,avx512bw,bmi1")]
unsafe fn first_non_ascii_avx512(bytes: &[u8]) -> usize {
    let mut pos = 0;
    while let Some(c) = chunk::<128>(bytes, pos) {
        let (a, b) = c.split_at(64);
        let (a, b) = (load(a.try_into().unwrap()), load(b.try_into().unwrap()));
        if _mm512_movepi8_mask(_mm512_or_si512(a, b)) != 0 {
            let m = _mm512_movepi8_mask(a);
            let at = if m != 0 {
                m.trailing_zeros()
            } else {
                64 + _mm512_movepi8_mask(b).trailing_zeros()
            };
            return pos + at as usize;
        }
        pos += 128;
    }
    while pos < bytes.len() {
        let m = _mm512_movepi8_mask(load_part(&bytes[pos..]));
        if m != 0 {
            return pos + m.trailing_zeros() as usize;
        }
        pos += 64;
    }
    bytes.len()
}

/// `(continuation bytes, bytes f0..=ff)` of `b`; the first count only if
/// `CONT` (else 0).
///
/// # Safety
/// The CPU must support AVX-512 F and BW, and POPCNT.
#[target_feature(enable = "avx512f,avx512bw,popcnt")]
unsafe fn counts_avx512<const CONT: bool>(b: &[u8]) -> (usize, usize) {
    // Per-byte counters: each round adds at most 2 per block to a counter,
    // so 127 rounds fit in a byte.
    const ROUNDS: usize = 127;
    let (cont_max, four_min, one) = (
        _mm512_set1_epi8(-64),
        _mm512_set1_epi8(0xf0u8 as i8),
        _mm512_set1_epi8(1),
    );
    let sum = |acc: __m512i| {
        _mm512_reduce_add_epi64(_mm512_sad_epu8(acc, _mm512_setzero_si512())) as usize
    };
    let (mut cont, mut four, mut pos) = (0, 0, 0);
    loop {
        let (mut c_acc, mut f_acc) = (_mm512_setzero_si512(), _mm512_setzero_si512());
        let mut rounds = 0;
        while rounds < ROUNDS
            && let Some(c) = chunk::<128>(b, pos)
        {
            let (x, y) = c.split_at(64);
            let (x, y) = (load(x.try_into().unwrap()), load(y.try_into().unwrap()));
            if CONT {
                c_acc =
                    _mm512_mask_add_epi8(c_acc, _mm512_cmplt_epi8_mask(x, cont_max), c_acc, one);
                c_acc =
                    _mm512_mask_add_epi8(c_acc, _mm512_cmplt_epi8_mask(y, cont_max), c_acc, one);
            }
            f_acc = _mm512_mask_add_epi8(f_acc, _mm512_cmpge_epu8_mask(x, four_min), f_acc, one);
            f_acc = _mm512_mask_add_epi8(f_acc, _mm512_cmpge_epu8_mask(y, four_min), f_acc, one);
            pos += 128;
            rounds += 1;
        }
        if CONT {
            cont += sum(c_acc);
        }
        four += sum(f_acc);
        if rounds < ROUNDS {
            break;
        }
    }
    // Up to two more blocks, the last zero-padded (padding is neither
    // class).
    while pos < b.len() {
        let v = load_part(&b[pos..]);
        if CONT {
            cont += _mm512_cmplt_epi8_mask(v, cont_max).count_ones() as usize;
        }
        four += four_leads(v).count_ones() as usize;
        pos += 64;
    }
    (cont, four)
}

/// Copies whole 64-byte blocks of `s` to `dst` while they hold no 4-byte
/// sequence (text without supplementary characters is its own CESU-8);
/// returns how far, backed up to a character boundary.
///
/// # Safety
/// The CPU must support AVX-512 F and BW.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn copy_plain_avx512(s: &str, dst: &mut [u8]) -> usize {
    let src = s.as_bytes();
    let mut i = 0;
    while let (Some(c), Some(d)) = (chunk::<64>(src, i), chunk_mut::<64>(dst, i)) {
        let v = load(c);
        if four_leads(v) != 0 {
            break;
        }
        store(d, v);
        i += 64;
    }
    shared::char_boundary(s, i, i).0
}

/// # Safety
/// The CPU must support AVX-512 F and BW, BMI1, BMI2, LZCNT and POPCNT.
#[target_feature(enable = "avx512f,avx512bw,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn cesu8_scan_avx512(src: &[u8], units: usize) -> Scan {
    // Whole blocks first (see `shared::scan_fixed`).
    let (mut pos, mut done, mut carry, mut last) = (0, 0, 0, 0);
    while done < units
        && let Some(c) = chunk::<64>(src, pos)
    {
        match shared::scan_fixed(classes(load(c)), carry, units - done) {
            FixedScan::Done { bytes } => {
                return Scan::Complete {
                    bytes: pos + bytes as usize,
                };
            }
            FixedScan::Next {
                units,
                carry: spill,
                last_lead,
            } => {
                done += units as usize;
                carry = spill;
                last = pos + last_lead as usize;
                pos += 64;
            }
            FixedScan::Irregular => break,
        }
    }
    // Back to a unit boundary (a unit carried over starts at `last` and was
    // counted), then block by block from there, the tail zero-padded.
    if carry != 0 {
        (pos, done) = (last, done - 1);
    }
    while done < units {
        let rest = &src[pos..];
        if rest.is_empty() {
            return Scan::Truncated {
                units: done,
                bytes: pos,
            };
        }
        let n = rest.len().min(64) as u32;
        let c = classes(load_part(rest));
        match shared::scan_block(c, n, units - done) {
            ScanBlock::Done { bytes } => {
                return Scan::Complete {
                    bytes: pos + bytes as usize,
                };
            }
            // In the tail, the input ends in this block, or in the unit the
            // walk stopped in front of.
            ScanBlock::Advance { bytes, units } if n < 64 => {
                return Scan::Truncated {
                    units: done + units as usize,
                    bytes: pos + bytes as usize,
                };
            }
            ScanBlock::Advance { bytes, units } => {
                pos += bytes as usize;
                done += units as usize;
            }
            ScanBlock::Irregular => return shared::scan_rest(src, pos, done, units),
        }
    }
    Scan::Complete { bytes: pos }
}

// ----- UTF-8 check (Keiser-Lemire lookup tables) -----------------------------

/// Error bits for the 64 bytes `input` that follow the 64 bytes `prev` (see
/// the AVX2 `utf8_errors`).
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn utf8_errors(input: __m512i, prev: __m512i) -> __m512i {
    // Per 128-bit lane, the lane before it (`prev`'s last lane for the
    // first); `valignr` then shifts the last 1..3 bytes of that in.
    let carry =
        _mm512_permutex2var_epi64(prev, _mm512_set_epi64(13, 12, 11, 10, 9, 8, 7, 6), input);
    let (prev1, prev2, prev3) = (
        _mm512_alignr_epi8::<15>(input, carry),
        _mm512_alignr_epi8::<14>(input, carry),
        _mm512_alignr_epi8::<13>(input, carry),
    );
    let nibble = _mm512_set1_epi8(0x0f);
    let high = |x: __m512i| _mm512_and_si512(_mm512_srli_epi16::<4>(x), nibble);
    let byte_1_high = _mm512_shuffle_epi8(table(&shared::KL_BYTE_1_HIGH), high(prev1));
    let byte_1_low = _mm512_shuffle_epi8(
        table(&shared::KL_BYTE_1_LOW),
        _mm512_and_si512(prev1, nibble),
    );
    let byte_2_high = _mm512_shuffle_epi8(table(&shared::KL_BYTE_2_HIGH), high(input));
    let special = _mm512_and_si512(_mm512_and_si512(byte_1_high, byte_1_low), byte_2_high);
    let third = _mm512_subs_epu8(prev2, _mm512_set1_epi8((0xe0u8 - 0x80) as i8));
    let fourth = _mm512_subs_epu8(prev3, _mm512_set1_epi8((0xf0u8 - 0x80) as i8));
    let must_cont = _mm512_and_si512(_mm512_or_si512(third, fourth), _mm512_set1_epi8(-128));
    _mm512_xor_si512(must_cont, special)
}

/// Non-zero if the last bytes of `v` open a sequence that `v` does not
/// finish.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn unfinished(v: __m512i) -> __m512i {
    _mm512_subs_epu8(v, load(&shared::KL_UNFINISHED_64))
}

/// Bit `i` set where byte `i` of `v` is non-zero.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn nonzero(v: __m512i) -> u64 {
    _mm512_test_epi8_mask(v, v)
}

/// Whether `bytes` is UTF-8.
///
/// # Safety
/// The CPU must support AVX-512 F and BW.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn valid_utf8_avx512(bytes: &[u8]) -> bool {
    let (mut prev, mut pos) = (_mm512_setzero_si512(), 0);
    while let Some(c) = chunk::<128>(bytes, pos) {
        let (a, b) = c.split_at(64);
        let (a, b) = (load(a.try_into().unwrap()), load(b.try_into().unwrap()));
        let e = if _mm512_movepi8_mask(_mm512_or_si512(a, b)) == 0 {
            unfinished(prev)
        } else {
            _mm512_or_si512(utf8_errors(a, prev), utf8_errors(b, a))
        };
        // Stop at the first bad block (the decoders call this first and
        // fall back to a CESU-8 decode when it fails).
        if nonzero(e) != 0 {
            return false;
        }
        prev = b;
        pos += 128;
    }
    if let Some(c) = chunk::<64>(bytes, pos) {
        let v = load(c);
        if nonzero(utf8_errors(v, prev)) != 0 {
            return false;
        }
        prev = v;
        pos += 64;
    }
    // The tail, zero-padded: a sequence cut by the end of the input meets
    // a zero byte and is an error. Without a tail, the last block must not
    // end inside a sequence.
    let e = if pos < bytes.len() {
        utf8_errors(load_part(&bytes[pos..]), prev)
    } else {
        unfinished(prev)
    };
    nonzero(e) == 0
}

/// The longest run from `start` (a unit boundary) that is UTF-8 without
/// 4-byte sequences and surrogates, i.e. CESU-8 that decodes to the same
/// bytes: returns its end (a unit boundary) and how far the scalar decoder
/// must go from there: just past the first byte the vector check flagged,
/// or to the end of the input if only an unfinished sequence at the end
/// stopped it.
#[target_feature(enable = "avx512f,avx512bw,bmi1")]
#[inline]
fn same_run(src: &[u8], start: usize) -> (usize, usize) {
    let (mut prev, mut pos) = (_mm512_setzero_si512(), start);
    while let Some(c) = chunk::<64>(src, pos) {
        let v = load(c);
        let bad = same_errors(v, prev);
        if bad != 0 {
            let at = pos + bad.trailing_zeros() as usize;
            return (at - shared::unfinished(&src[start..at]), at + 1);
        }
        prev = v;
        pos += 64;
    }
    if pos < src.len() {
        // The tail, zero-padded: errors in the padding only mean that the
        // input ends inside a sequence, which the scalar decoder reports.
        let bad = same_errors(load_part(&src[pos..]), prev) & low((src.len() - pos) as u32);
        if bad != 0 {
            let at = pos + bad.trailing_zeros() as usize;
            return (at - shared::unfinished(&src[start..at]), at + 1);
        }
        pos = src.len();
    }
    (pos - shared::unfinished(&src[start..pos]), src.len())
}

/// Bit `i` set where byte `i` of the block `v` (after `prev`) is not
/// CESU-8 that decodes to itself, as far as the bytes up to it show.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn same_errors(v: __m512i, prev: __m512i) -> u64 {
    if _mm512_movepi8_mask(v) == 0 {
        // ASCII: wrong only if `prev` ended inside a sequence, which its
        // first byte shows.
        return u64::from(nonzero(unfinished(prev)) != 0);
    }
    nonzero(utf8_errors(v, prev)) | four_leads(v)
}

/// # Safety
/// The CPU must support AVX-512 F, BW and VBMI2, and BMI1.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,bmi1")]
unsafe fn cesu8_to_utf8_avx512(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    // The shared decoder (`portable::text::cesu8_to_utf8_by`) with the
    // vector check finding the stretches that decode to themselves, and
    // blocks of ASCII and surrogate pairs decoded here.
    crate::portable::text::cesu8_to_utf8_by(src, dst, |s, p| same_run(s, p), Some(pairs))
}

/// See [`pair_blocks`]. Kept out of line: the decoder's loop stays as
/// without it (inlined, it cost 10% on text with rare pairs).
#[inline(never)]
fn pairs(src: &[u8], pos: usize, dst: &mut Vec<u8>) -> usize {
    // SAFETY: only called by `cesu8_to_utf8_avx512`, which runs on a CPU
    // with this level's features (see the `TEXT` table section).
    unsafe { pair_blocks(src, pos, dst) }
}

/// Decodes 64-byte blocks from `pos` that hold only ASCII and well-formed
/// surrogate pairs (`ed a0..=af 80..=bf ed b0..=bf 80..=bf`: emoji among
/// ASCII), as far as they go: each block takes the bytes before its first
/// other non-ASCII byte (a pair cut by the block's end counts as other,
/// and starts the next block). Returns where it stopped, a unit boundary:
/// at a byte that is neither ASCII nor a pair's first, or at the end
/// (`pos` if nothing was decoded).
///
/// Per block: the pair starts from byte-class masks; every lane computes
/// the UTF-8 byte it would hold as the 1st to 4th byte of a pair, from
/// itself and the bytes 1 and 2 after it (`vpermb`); masked moves put them
/// in place, and `vpcompressb` drops each pair's last two bytes (6 bytes
/// become 4) and packs the block.
///
/// # Safety
/// The CPU must support AVX-512 F, BW, VBMI and VBMI2, and BMI1.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,bmi1")]
unsafe fn pair_blocks(src: &[u8], mut pos: usize, dst: &mut Vec<u8>) -> usize {
    let splat = |b: u8| _mm512_set1_epi8(b as i8);
    let (next1, next2) = (load(&NEXT1), load(&NEXT2));
    while pos < src.len() {
        let rest = src.len() - pos;
        let v = match chunk::<64>(src, pos) {
            Some(c) => load(c),
            // Zero padding reads as ASCII: cut off below.
            None => load_part(&src[pos..]),
        };
        let class = |mask: u8, value: u8| {
            _mm512_cmpeq_epi8_mask(_mm512_and_si512(v, splat(mask)), splat(value))
        };
        let ed = _mm512_cmpeq_epi8_mask(v, splat(0xed));
        let (hi, lo, cont) = (class(0xf0, 0xa0), class(0xf0, 0xb0), class(0xc0, 0x80));
        let starts = ed & hi >> 1 & cont >> 2 & ed >> 3 & lo >> 4 & cont >> 5;
        let covered = (0..6).fold(0, |m, k| m | starts << k);
        let other = _mm512_movepi8_mask(v) & !covered;
        let take = (other.trailing_zeros() as usize).min(rest);
        if take == 0 {
            break;
        }
        // Lane i of `s1`, `s2`: bytes i + 1, i + 2 (the last lanes wrap;
        // no pair starts there).
        let s1 = _mm512_permutexvar_epi8(next1, v);
        let s2 = _mm512_permutexvar_epi8(next2, v);
        let low4 = |x| _mm512_and_si512(x, splat(0x0f));
        // The high surrogate's bits 6..9, plus one (0x10000 >> 16).
        let top = |x| _mm512_add_epi8(low4(x), splat(1));
        let b0 = _mm512_or_si512(
            splat(0xf0),
            _mm512_and_si512(_mm512_srli_epi16::<2>(top(s1)), splat(0x07)),
        );
        let b1 = _mm512_or_si512(
            _mm512_or_si512(
                splat(0x80),
                _mm512_slli_epi16::<4>(_mm512_and_si512(top(v), splat(3))),
            ),
            low4(_mm512_srli_epi16::<2>(s1)),
        );
        let b2 = _mm512_or_si512(
            _mm512_or_si512(
                splat(0x80),
                _mm512_slli_epi16::<4>(_mm512_and_si512(v, splat(3))),
            ),
            low4(s2),
        );
        let mut out = _mm512_mask_mov_epi8(v, starts, b0);
        out = _mm512_mask_mov_epi8(out, starts << 1, b1);
        out = _mm512_mask_mov_epi8(out, starts << 2, b2);
        out = _mm512_mask_mov_epi8(out, starts << 3, s2);
        let keep = low(take as u32) & !(starts << 4 | starts << 5);
        let mut packed = [0u8; 64];
        store(&mut packed, _mm512_maskz_compress_epi8(keep, out));
        // A fixed-size copy, then the length (no call to `memcpy`).
        let len = dst.len() + keep.count_ones() as usize;
        dst.extend_from_slice(&packed);
        dst.truncate(len);
        pos += take;
    }
    pos
}

/// `[k, k + 1, ..., k + 63]` modulo 64: a `vpermb` index moving every byte
/// `k` lanes down.
const fn shift_index(k: u8) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = (i as u8 + k) & 63;
        i += 1;
    }
    t
}

/// See [`shift_index`].
static NEXT1: [u8; 64] = shift_index(1);
/// See [`shift_index`].
static NEXT2: [u8; 64] = shift_index(2);

// ----- CESU-8 to UTF-16 -----------------------------------------------------

/// Stages the first `n` bytes of `v`, ASCII, as UTF-16 units.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn push_ascii(v: __m512i, n: usize, out: &mut Staging, dst: &mut Vec<u16>) {
    let room = out.room(dst);
    let (lo, hi) = room.split_at_mut(32);
    store_u16x32(
        lo.first_chunk_mut().unwrap(),
        _mm512_cvtepu8_epi16(_mm512_castsi512_si256(v)),
    );
    store_u16x32(
        hi.first_chunk_mut().unwrap(),
        _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64::<1>(v)),
    );
    out.commit(n);
}

/// The UTF-16 unit each of 32 positions would start, from the bytes of
/// those positions (`b0`, as 16-bit lanes) and of the 32 after them
/// (`next`), with `lead2`/`lead3` marking the 2- and 3-byte leads among
/// them; and the leads whose unit is out of range (below `0x80` from a
/// 2-byte lead, below `0x800` from a 3-byte lead).
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn units32(b0: __m512i, next: __m512i, lead2: u32, lead3: u32) -> (__m512i, u32) {
    let b1 = _mm512_permutex2var_epi16(b0, load(&AHEAD_1), next);
    let b2 = _mm512_permutex2var_epi16(b0, load(&AHEAD_2), next);
    let low6 = _mm512_set1_epi16(0x3f);
    let (t1, t2) = (_mm512_and_si512(b1, low6), _mm512_and_si512(b2, low6));
    let two = _mm512_or_si512(
        _mm512_slli_epi16::<6>(_mm512_and_si512(b0, _mm512_set1_epi16(0x1f))),
        t1,
    );
    let three = _mm512_or_si512(
        _mm512_or_si512(_mm512_slli_epi16::<12>(b0), _mm512_slli_epi16::<6>(t1)),
        t2,
    );
    let bad = _mm512_mask_cmplt_epu16_mask(lead2, two, _mm512_set1_epi16(0x80))
        | _mm512_mask_cmplt_epu16_mask(lead3, three, _mm512_set1_epi16(0x800));
    let units = _mm512_mask_blend_epi16(lead2, b0, two);
    (_mm512_mask_blend_epi16(lead3, units, three), bad)
}

/// Decodes the units of a window of the 64 bytes `v` (see
/// [`shared::decode_window`]) into `out`; `None` (and nothing staged) if
/// the portable decoder reports an error in it.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
#[inline]
fn decode_block(
    v: __m512i,
    window: u32,
    carry: u32,
    out: &mut Staging,
    dst: &mut Vec<u16>,
) -> Option<(u64, u32)> {
    let c = classes(v);
    let (leads, spill) = shared::decode_window(c, window, carry)?;
    let w = low(window);
    let (lead2, lead3) = (c.lead2 & w, c.lead3 & w);
    let lo = _mm512_cvtepu8_epi16(_mm512_castsi512_si256(v));
    let hi = _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64::<1>(v));
    let (units_lo, bad_lo) = units32(lo, hi, lead2 as u32, lead3 as u32);
    let (units_hi, bad_hi) = units32(
        hi,
        _mm512_setzero_si512(),
        (lead2 >> 32) as u32,
        (lead3 >> 32) as u32,
    );
    if bad_lo | bad_hi != 0 {
        return None;
    }
    let room = out.room(dst);
    let n_lo = (leads as u32).count_ones() as usize;
    // The second half's units overwrite the unused end of the first's.
    store_u16x32(
        room.first_chunk_mut().unwrap(),
        _mm512_maskz_compress_epi16(leads as u32, units_lo),
    );
    let second = room[n_lo..].first_chunk_mut().expect("n_lo <= 32");
    store_u16x32(
        second,
        _mm512_maskz_compress_epi16((leads >> 32) as u32, units_hi),
    );
    out.commit(n_lo + (leads >> 32).count_ones() as usize);
    Some((leads, spill))
}

/// # Safety
/// The CPU must support AVX-512 F, BW and VBMI2, POPCNT and LZCNT.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt,lzcnt")]
unsafe fn cesu8_to_utf16_avx512(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    // Units starting in the first 62 bytes of a 64-byte block (a unit
    // starting there has all its bytes in the block).
    const WINDOW: u32 = 62;
    let mut out = Staging::new();
    let (mut pos, mut carry, mut last, mut last_leads) = (0, 0, 0, 0);
    // Window after window: the next window's address never waits for this
    // one's work; a unit running past a window is carried into the next.
    // The last block is zero-padded: padding is no continuation byte, so a
    // unit cut by the end of the input fails the window check. (One loop,
    // so that `decode_block` has one call site and is inlined.)
    while pos < src.len() {
        let rest = &src[pos..];
        let (v, n) = match rest.first_chunk::<64>() {
            Some(c) => (load(c), 64),
            None => (load_part(rest), rest.len()),
        };
        if carry == 0 && _mm512_movepi8_mask(v) == 0 {
            push_ascii(v, n, &mut out, dst);
            pos += n;
            continue;
        }
        let window = n.min(WINDOW as usize) as u32;
        let Some((leads, spill)) = decode_block(v, window, carry, &mut out, dst) else {
            break;
        };
        (carry, last, last_leads) = (spill, pos, leads);
        pos += window as usize;
    }
    if carry != 0 {
        // Stopped at an error: take back the unit carried over and let the
        // portable decoder restart at its lead.
        out.unpush();
        pos = last + 63 - last_leads.leading_zeros() as usize;
    }
    out.flush(dst);
    shared::utf16_rest(src, pos, dst)
}
