//! AVX2 text kernels (with BMI1, BMI2, LZCNT, POPCNT), each returning
//! exactly what its portable twin returns, for every input: the same value,
//! the same `Scan` or `TextError`, the same bytes written (including what a
//! decoder appended before an error).
//!
//! - `first_non_ascii`: `vpmovmskb` of 64 bytes at a time.
//! - `utf16_len`, `supplementary_count`: per-byte counters (`vpcmpgtb`,
//!   `vpsubb`) summed with `vpsadbw` every 127 rounds of 64 bytes.
//! - `utf8_to_cesu8`: copies 32-byte blocks with one load and one store.
//!   The 4-byte leads of a block are taken from one mask; for each, the
//!   segment before it is copied with a 32-byte load/store from the
//!   segment's start and the character is written as a surrogate pair (its
//!   garbage tail is overwritten by what follows), so dense emoji cost one
//!   load chain per block, not per character.
//! - `cesu8_scan`: the lead-byte walk, counted from class masks
//!   (`text_shared::scan_fixed`): a block whose leads announce exactly the
//!   continuation bytes present holds one unit per non-continuation byte,
//!   and `pdep` finds where the wanted unit count ends. Blocks step by a
//!   fixed 64 bytes, a unit running past a block being carried into the
//!   next as expected continuation bytes, so no load waits on the previous
//!   block's masks. Anything irregular goes to the portable walk from the
//!   last unit boundary.
//! - `cesu8_to_utf8`: CESU-8 without surrogates is UTF-8 and decodes to
//!   itself, so the longest prefix that passes a UTF-8 check with no byte
//!   `f0..=ff` is copied at once. The check is the lookup-table algorithm
//!   of Keiser and Lemire ("Validating UTF-8 in less than one instruction
//!   per byte", 2021), as simdjson and simdutf8 implement it. At the first
//!   byte it flags, the portable step (`portable::text::utf8_char_at`, with
//!   scalar shortcuts of identical result) decodes past it, and the vector
//!   check resumes. Where surrogate pairs are dense (emoji among ASCII),
//!   16-byte blocks of ASCII and pairs are decoded in vector registers:
//!   each pair's UTF-8 computed in the lanes of its first four bytes, and
//!   one `pshufb` closing the gaps.
//! - `cesu8_to_utf16`: all-ASCII 32-byte blocks are widened; otherwise a
//!   window of 30 positions is checked from its class masks, every position
//!   decoded as if it started a unit (16-bit lanes; range checks reject
//!   `c0`/`c1` leads and overlongs), and the lanes of the real leads packed
//!   with a `vpshufb` table. Windows step by a fixed 30 bytes with a carry,
//!   as in the scan. Any malformed window is an error, which the portable
//!   decoder then reports from the last unit boundary.
//! - `utf8`: the same UTF-8 check over 64-byte blocks, stopping at the first
//!   bad block.
//!
//! Nothing reads or writes outside the slices it is given: AVX2 has no
//! masked loads, so a tail shorter than a block is either left to scalar
//! code or copied into a zero-padded local block first.

use core::arch::x86_64::*;

use super::super::text_shared::{self as shared, Classes, FixedScan, ScanBlock, Staging};
use crate::portable::text as portable;
use crate::text::{Scan, TextError};

// ----- entries of the `TEXT` table ------------------------------------------
//
// SAFETY (for every `unsafe` block in this section): these functions are
// only reachable through the `TEXT` tables of the AVX2 and AVX-512 levels,
// and `text::table` hands a table out only for a kernel that
// `Kernel::is_supported` confirmed, which for both levels includes AVX2,
// BMI1, BMI2, LZCNT and POPCNT (`dispatch::detect`).

/// See [`crate::text::first_non_ascii`].
pub(in crate::x86_64) fn first_non_ascii(bytes: &[u8]) -> usize {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { first_non_ascii_avx2(bytes) }
}

/// See [`crate::text::utf16_len`].
pub(in crate::x86_64) fn utf16_len(s: &str) -> usize {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    let (cont, four) = unsafe { counts_avx2::<true>(s.as_bytes()) };
    s.len() - cont + four
}

/// See [`crate::text::cesu8_len`].
pub(in crate::x86_64) fn supplementary_count(s: &str) -> usize {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { counts_avx2::<false>(s.as_bytes()) }.1
}

/// See [`crate::text::utf8_to_cesu8`].
pub(in crate::x86_64) fn utf8_to_cesu8(s: &str, dst: &mut [u8]) -> usize {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { utf8_to_cesu8_avx2(s, dst) }
}

/// See [`crate::text::cesu8_scan`].
pub(in crate::x86_64) fn cesu8_scan(src: &[u8], units: usize) -> Scan {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { cesu8_scan_avx2(src, units) }
}

/// See [`crate::text::cesu8_to_utf8`].
pub(in crate::x86_64) fn cesu8_to_utf8(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { cesu8_to_utf8_avx2(src, dst) }
}

/// See [`crate::text::cesu8_to_utf16`].
pub(in crate::x86_64) fn cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    unsafe { cesu8_to_utf16_avx2(src, dst) }
}

/// See [`crate::text::utf8`].
pub(in crate::x86_64) fn utf8(bytes: &[u8]) -> Option<&str> {
    // SAFETY: only reachable through the AVX2 or AVX-512 `TEXT` table,
    // handed out after `Kernel::is_supported` (section comment): the CPU
    // has the features.
    if !unsafe { valid_utf8_avx2(bytes) } {
        return None;
    }
    // SAFETY: `valid_utf8_avx2` returned true, so `bytes` is UTF-8: its
    // vector check found no error in the whole 64-byte blocks up to the
    // start of their last, unfinished character (a character boundary), and
    // `std::str::from_utf8` accepted everything from there to the end.
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

#[target_feature(enable = "avx2")]
#[inline]
fn load(b: &[u8; 32]) -> __m256i {
    // SAFETY: `b` is 32 readable bytes; `loadu` needs no alignment.
    unsafe { _mm256_loadu_si256(b.as_ptr().cast()) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn load16(b: &[u8; 16]) -> __m128i {
    // SAFETY: `b` is 16 readable bytes; `loadu` needs no alignment.
    unsafe { _mm_loadu_si128(b.as_ptr().cast()) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn store16(b: &mut [u8; 16], v: __m128i) {
    // SAFETY: `b` is 16 writable bytes; `storeu` needs no alignment.
    unsafe { _mm_storeu_si128(b.as_mut_ptr().cast(), v) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn store(b: &mut [u8; 32], v: __m256i) {
    // SAFETY: `b` is 32 writable bytes; `storeu` needs no alignment.
    unsafe { _mm256_storeu_si256(b.as_mut_ptr().cast(), v) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn store_u16x16(b: &mut [u16; 16], v: __m256i) {
    // SAFETY: `b` is 32 writable bytes; `storeu` needs no alignment.
    unsafe { _mm256_storeu_si256(b.as_mut_ptr().cast(), v) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn store_u16x8(b: &mut [u16; 8], v: __m128i) {
    // SAFETY: `b` is 16 writable bytes; `storeu` needs no alignment.
    unsafe { _mm_storeu_si128(b.as_mut_ptr().cast(), v) }
}

/// The two 32-byte halves of a 64-byte block.
#[target_feature(enable = "avx2")]
#[inline]
fn load2(c: &[u8; 64]) -> (__m256i, __m256i) {
    let (a, b) = c.split_at(32);
    (load(a.try_into().unwrap()), load(b.try_into().unwrap()))
}

/// The tail `rest` (shorter than a block) copied into a zero-padded block:
/// AVX2 has no masked loads, so tails are read this way, never past the
/// slice.
#[inline(always)]
fn padded(rest: &[u8]) -> [u8; 64] {
    let mut block = [0u8; 64];
    block[..rest.len()].copy_from_slice(rest);
    block
}

// ----- small vector helpers -------------------------------------------------

/// Bit `i` set where byte `i` of `v` has bit 7 set.
#[target_feature(enable = "avx2")]
#[inline]
fn high_bits(v: __m256i) -> u64 {
    u64::from(_mm256_movemask_epi8(v) as u32)
}

/// Bit `i` set where byte `i` of `v`, as `i8`, is below `t`.
#[target_feature(enable = "avx2")]
#[inline]
fn below(v: __m256i, t: i8) -> u64 {
    high_bits(_mm256_cmpgt_epi8(_mm256_set1_epi8(t), v))
}

/// `ff` in the bytes of `v` that are `f0..=ff` (lead bytes of 4-byte
/// sequences), `00` elsewhere.
#[target_feature(enable = "avx2")]
#[inline]
fn four_leads(v: __m256i) -> __m256i {
    _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8(0xf0u8 as i8)), v)
}

/// Whether every byte of `v` is zero.
#[target_feature(enable = "avx2")]
#[inline]
fn all_zero(v: __m256i) -> bool {
    _mm256_testz_si256(v, v) == 1
}

/// Byte classes of 32 bytes. As `i8`: `80..=bf` is below -64, `c0..=df`
/// below -32, `e0..=ef` below -16, `f0..=ff` negative.
#[target_feature(enable = "avx2")]
#[inline]
fn classes32(v: __m256i) -> Classes {
    let (m64, m32, m16) = (below(v, -64), below(v, -32), below(v, -16));
    Classes {
        cont: m64,
        lead2: m32 & !m64,
        lead3: m16 & !m32,
        bad: high_bits(v) & !m16,
    }
}

/// Byte classes of 64 bytes.
#[target_feature(enable = "avx2")]
#[inline]
fn classes64(c: &[u8; 64]) -> Classes {
    let (a, b) = load2(c);
    let (a, b) = (classes32(a), classes32(b));
    Classes {
        cont: a.cont | b.cont << 32,
        lead2: a.lead2 | b.lead2 << 32,
        lead3: a.lead3 | b.lead3 << 32,
        bad: a.bad | b.bad << 32,
    }
}

/// Sum of the 32 bytes of `v`.
#[target_feature(enable = "avx2")]
#[inline]
fn byte_sum(v: __m256i) -> usize {
    let s = _mm256_sad_epu8(v, _mm256_setzero_si256());
    let lanes = _mm256_extract_epi64::<0>(s)
        + _mm256_extract_epi64::<1>(s)
        + _mm256_extract_epi64::<2>(s)
        + _mm256_extract_epi64::<3>(s);
    lanes as usize
}

// ----- kernels --------------------------------------------------------------

/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn first_non_ascii_avx2(bytes: &[u8]) -> usize {
    let mut pos = 0;
    while let Some(c) = chunk::<64>(bytes, pos) {
        let (a, b) = load2(c);
        if high_bits(_mm256_or_si256(a, b)) != 0 {
            let m = high_bits(a) | high_bits(b) << 32;
            return pos + m.trailing_zeros() as usize;
        }
        pos += 64;
    }
    if let Some(c) = chunk::<32>(bytes, pos) {
        let m = high_bits(load(c));
        if m != 0 {
            return pos + m.trailing_zeros() as usize;
        }
        pos += 32;
    }
    pos + portable::first_non_ascii(&bytes[pos..])
}

/// `(continuation bytes, bytes f0..=ff)` of `b`; the first count only if
/// `CONT` (else 0).
///
/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn counts_avx2<const CONT: bool>(b: &[u8]) -> (usize, usize) {
    // Each round adds at most 2 per byte counter per block: 127 blocks fit.
    const ROUNDS: usize = 127;
    let cont_max = _mm256_set1_epi8(-64);
    let (mut cont, mut four, mut pos) = (0, 0, 0);
    loop {
        let (mut c_acc, mut f_acc) = (_mm256_setzero_si256(), _mm256_setzero_si256());
        let mut rounds = 0;
        while rounds < ROUNDS
            && let Some(c) = chunk::<64>(b, pos)
        {
            let (x, y) = load2(c);
            if CONT {
                c_acc = _mm256_sub_epi8(c_acc, _mm256_cmpgt_epi8(cont_max, x));
                c_acc = _mm256_sub_epi8(c_acc, _mm256_cmpgt_epi8(cont_max, y));
            }
            f_acc = _mm256_sub_epi8(f_acc, four_leads(x));
            f_acc = _mm256_sub_epi8(f_acc, four_leads(y));
            pos += 64;
            rounds += 1;
        }
        if CONT {
            cont += byte_sum(c_acc);
        }
        four += byte_sum(f_acc);
        if rounds < ROUNDS {
            break;
        }
    }
    if pos < b.len() {
        // The tail, zero-padded (padding is neither class).
        let (x, y) = load2(&padded(&b[pos..]));
        let count = |m: u64| m.count_ones() as usize;
        if CONT {
            cont += count(below(x, -64) | below(y, -64) << 32);
        }
        four += count(high_bits(four_leads(x)) | high_bits(four_leads(y)) << 32);
    }
    (cont, four)
}

/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn utf8_to_cesu8_avx2(s: &str, dst: &mut [u8]) -> usize {
    let src = s.as_bytes();
    let (mut i, mut o) = (0, 0);
    // Every store lands inside the output: from any point, the output still
    // to come is at least as long as the input still to come (4 -> 6). A
    // store copies 32 bytes from a segment's start; what it copies past the
    // segment is overwritten by the surrogate pair and the next segment.
    'blocks: while let Some(c) = chunk::<32>(src, i) {
        let Some(d) = chunk_mut::<32>(dst, o) else {
            break;
        };
        let v = load(c);
        store(d, v);
        let mut four = high_bits(four_leads(v));
        if four == 0 {
            i += 32;
            o += 32;
            continue;
        }
        // Every 4-byte sequence of the block from this one mask, so that
        // dense emoji do not wait on a load per character.
        let base = i;
        loop {
            let lead = base + four.trailing_zeros() as usize;
            four &= four - 1;
            o += lead - i;
            i = lead;
            let (Some(b), Some(out)) = (chunk::<4>(src, i), chunk_mut::<6>(dst, o)) else {
                break 'blocks;
            };
            shared::put_pair(b, out);
            i += 4;
            o += 6;
            if four == 0 {
                continue 'blocks;
            }
            let (Some(c), Some(d)) = (chunk::<32>(src, i), chunk_mut::<32>(dst, o)) else {
                break 'blocks;
            };
            store(d, load(c));
        }
    }
    // The portable kernel writes the tail (and panics as it does if `dst`
    // is short).
    let (i, o) = shared::char_boundary(s, i, o);
    o + portable::utf8_to_cesu8(&s[i..], &mut dst[o..])
}

/// # Safety
/// The CPU must support AVX2, BMI1, BMI2, LZCNT and POPCNT.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn cesu8_scan_avx2(src: &[u8], units: usize) -> Scan {
    let (mut pos, mut done, mut carry, mut last) = (0, 0, 0, 0);
    while done < units
        && let Some(c) = chunk::<64>(src, pos)
    {
        match shared::scan_fixed(classes64(c), carry, units - done) {
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
        let c = match rest.first_chunk::<64>() {
            Some(c) => classes64(c),
            None => classes64(&padded(rest)),
        };
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

/// A 16-entry table in both 128-bit lanes, for `vpshufb`.
#[target_feature(enable = "avx2")]
#[inline]
fn table(t: &[u8; 16]) -> __m256i {
    _mm256_broadcastsi128_si256(load16(t))
}

/// Error bits for the 32 bytes `input` that follow the 32 bytes `prev`:
/// non-zero exactly where a byte breaks UTF-8 given the 3 bytes before it
/// (a sequence still open at the end of `input` is not an error here).
#[target_feature(enable = "avx2")]
#[inline]
fn utf8_errors(input: __m256i, prev: __m256i) -> __m256i {
    let carry = _mm256_permute2x128_si256::<0x21>(prev, input);
    let prev1 = _mm256_alignr_epi8::<15>(input, carry);
    let prev2 = _mm256_alignr_epi8::<14>(input, carry);
    let prev3 = _mm256_alignr_epi8::<13>(input, carry);
    let nibble = _mm256_set1_epi8(0x0f);
    let high = |x: __m256i| _mm256_and_si256(_mm256_srli_epi16::<4>(x), nibble);
    let byte_1_high = _mm256_shuffle_epi8(table(&shared::KL_BYTE_1_HIGH), high(prev1));
    let byte_1_low = _mm256_shuffle_epi8(
        table(&shared::KL_BYTE_1_LOW),
        _mm256_and_si256(prev1, nibble),
    );
    let byte_2_high = _mm256_shuffle_epi8(table(&shared::KL_BYTE_2_HIGH), high(input));
    let special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
    // Third and fourth bytes of 3- and 4-byte sequences must be
    // continuations (`special` marks every continuation after a
    // continuation as an error; this cancels the expected ones).
    let third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((0xe0u8 - 0x80) as i8));
    let fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((0xf0u8 - 0x80) as i8));
    let must_cont = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(-128));
    _mm256_xor_si256(must_cont, special)
}

/// Non-zero if the last bytes of `v` open a sequence that `v` does not
/// finish.
#[target_feature(enable = "avx2")]
#[inline]
fn unfinished(v: __m256i) -> __m256i {
    _mm256_subs_epu8(v, load(&shared::KL_UNFINISHED_32))
}

/// Whether `bytes` is UTF-8.
///
/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn valid_utf8_avx2(bytes: &[u8]) -> bool {
    let (mut prev, mut pos) = (_mm256_setzero_si256(), 0);
    while let Some(c) = chunk::<64>(bytes, pos) {
        let (a, b) = load2(c);
        let e = if high_bits(_mm256_or_si256(a, b)) == 0 {
            unfinished(prev)
        } else {
            _mm256_or_si256(utf8_errors(a, prev), utf8_errors(b, a))
        };
        // Stop at the first bad block (the decoders call this first and
        // fall back to a CESU-8 decode when it fails).
        if !all_zero(e) {
            return false;
        }
        prev = b;
        pos += 64;
    }
    // The tail, zero-padded: a sequence cut by the end of the input meets
    // a zero byte and is an error. Without a tail, the last block must not
    // end inside a sequence.
    let e = if pos < bytes.len() {
        let (a, b) = load2(&padded(&bytes[pos..]));
        _mm256_or_si256(utf8_errors(a, prev), utf8_errors(b, a))
    } else {
        unfinished(prev)
    };
    all_zero(e)
}

/// The longest run from `start` (a unit boundary) that is UTF-8 without
/// 4-byte sequences and surrogates, i.e. CESU-8 that decodes to the same
/// bytes: returns its end (a unit boundary) and how far the scalar decoder
/// must go from there: just past the first byte the vector check flagged,
/// or to the end of the input if only an unfinished sequence at the end
/// stopped it.
#[target_feature(enable = "avx2,bmi1")]
#[inline]
fn same_run(src: &[u8], start: usize) -> (usize, usize) {
    let (mut prev, mut pos) = (_mm256_setzero_si256(), start);
    while let Some(c) = chunk::<64>(src, pos) {
        let (a, b) = load2(c);
        let bad = same_errors(a, b, prev);
        if bad != 0 {
            let at = pos + bad.trailing_zeros() as usize;
            return (at - shared::unfinished(&src[start..at]), at + 1);
        }
        prev = b;
        pos += 64;
    }
    if pos < src.len() {
        // The tail, zero-padded: errors in the padding only mean that the
        // input ends inside a sequence, which the scalar decoder reports.
        let (a, b) = load2(&padded(&src[pos..]));
        let bad = same_errors(a, b, prev) & shared::low((src.len() - pos) as u32);
        if bad != 0 {
            let at = pos + bad.trailing_zeros() as usize;
            return (at - shared::unfinished(&src[start..at]), at + 1);
        }
        pos = src.len();
    }
    (pos - shared::unfinished(&src[start..pos]), src.len())
}

/// Bit `i` set where byte `i` of the block `a`, `b` (after `prev`) is not
/// CESU-8 that decodes to itself, as far as the bytes up to it show.
#[target_feature(enable = "avx2")]
#[inline]
fn same_errors(a: __m256i, b: __m256i, prev: __m256i) -> u64 {
    if high_bits(_mm256_or_si256(a, b)) == 0 {
        // ASCII: wrong only if `prev` ended inside a sequence, which the
        // block's first byte shows.
        return u64::from(!all_zero(unfinished(prev)));
    }
    let above_ef = _mm256_set1_epi8(0xefu8 as i8);
    let ea = _mm256_or_si256(utf8_errors(a, prev), _mm256_subs_epu8(a, above_ef));
    let eb = _mm256_or_si256(utf8_errors(b, a), _mm256_subs_epu8(b, above_ef));
    let zero = _mm256_setzero_si256();
    !(high_bits(_mm256_cmpeq_epi8(ea, zero)) | high_bits(_mm256_cmpeq_epi8(eb, zero)) << 32)
}

/// # Safety
/// The CPU must support AVX2 and BMI1.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn cesu8_to_utf8_avx2(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    // The shared decoder (`portable::text::cesu8_to_utf8_by`) with the
    // vector check finding the stretches that decode to themselves, and
    // blocks of ASCII and surrogate pairs decoded here.
    crate::portable::text::cesu8_to_utf8_by(src, dst, |s, p| same_run(s, p), Some(pairs))
}

/// See [`pair_blocks`]. Kept out of line, as the AVX-512 one.
#[inline(never)]
fn pairs(src: &[u8], pos: usize, dst: &mut Vec<u8>) -> usize {
    // SAFETY: only called by `cesu8_to_utf8_avx2`, which runs on a CPU with
    // AVX2 (see the `TEXT` table section).
    unsafe { pair_blocks(src, pos, dst) }
}

/// Decodes 16-byte blocks from `pos` that hold only ASCII and well-formed
/// surrogate pairs (`ed a0..=af 80..=bf ed b0..=bf 80..=bf`: emoji among
/// ASCII), as far as they go: each block takes the bytes before its first
/// other non-ASCII byte (a pair running past the block counts as other,
/// and starts the next block). Returns where it stopped, a unit boundary:
/// at a byte that is neither ASCII nor a pair's first, or where fewer than
/// 21 bytes are left (`pos` if nothing was decoded).
///
/// Per block: the pair starts from six overlapping loads (byte `i` of
/// load `k` is byte `i + k` of the block); every lane computes the UTF-8
/// byte it would hold as the 1st to 4th byte of a pair; blends put them in
/// place, and one `pshufb` closes the two-byte gap after each pair (at
/// most two pairs start in the first 11 bytes, so the gather indices are
/// the lane number plus 2 past each pair's fourth byte).
///
/// # Safety
/// The CPU must support AVX2 and BMI1.
#[target_feature(enable = "avx2,bmi1,popcnt")]
unsafe fn pair_blocks(src: &[u8], mut pos: usize, dst: &mut Vec<u8>) -> usize {
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let iota = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    // Lane bits of a 16-bit mask, for turning it into a byte mask.
    let bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
    let halves = _mm_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    while let Some(c) = chunk::<21>(src, pos) {
        let at = |k: usize| load16(c[k..k + 16].try_into().expect("16 of 21 bytes"));
        let (v0, v1, v2) = (at(0), at(1), at(2));
        let is = |v: __m128i, mask: u8, value: u8| {
            _mm_cmpeq_epi8(_mm_and_si128(v, splat(mask)), splat(value))
        };
        let ed = |v: __m128i| _mm_cmpeq_epi8(v, splat(0xed));
        let lanes = _mm_and_si128(
            _mm_and_si128(
                _mm_and_si128(ed(v0), is(v1, 0xf0, 0xa0)),
                is(v2, 0xc0, 0x80),
            ),
            _mm_and_si128(
                _mm_and_si128(ed(at(3)), is(at(4), 0xf0, 0xb0)),
                is(at(5), 0xc0, 0x80),
            ),
        );
        // Pairs that end inside the block.
        let found = _mm_movemask_epi8(lanes) as u32 & 0x7ff;
        let covered = (0..6).fold(0, |m, k| m | found << k);
        let other = _mm_movemask_epi8(v0) as u32 & !covered;
        let take = other.trailing_zeros().min(16);
        if take == 0 {
            break;
        }
        let starts = found & ((1 << take) - 1);
        let m = _mm_and_si128(
            _mm_shuffle_epi8(_mm_set1_epi16(starts as i16), halves),
            bits,
        );
        let vs = _mm_cmpeq_epi8(m, bits);
        let low4 = |x| _mm_and_si128(x, splat(0x0f));
        // The high surrogate's bits 6..9, plus one (0x10000 >> 16).
        let top = |x| _mm_add_epi8(low4(x), splat(1));
        let b0 = _mm_or_si128(
            splat(0xf0),
            _mm_and_si128(_mm_srli_epi16::<2>(top(v1)), splat(0x07)),
        );
        let b1 = _mm_or_si128(
            _mm_or_si128(
                splat(0x80),
                _mm_slli_epi16::<4>(_mm_and_si128(top(v0), splat(3))),
            ),
            low4(_mm_srli_epi16::<2>(v1)),
        );
        let b2 = _mm_or_si128(
            _mm_or_si128(
                splat(0x80),
                _mm_slli_epi16::<4>(_mm_and_si128(v0, splat(3))),
            ),
            low4(v2),
        );
        let mut out = _mm_blendv_epi8(v0, b0, vs);
        out = _mm_blendv_epi8(out, b1, _mm_slli_si128::<1>(vs));
        out = _mm_blendv_epi8(out, b2, _mm_slli_si128::<2>(vs));
        out = _mm_blendv_epi8(out, v2, _mm_slli_si128::<3>(vs));
        // Output lane j takes input lane j, plus 2 from the first pair's
        // fourth byte on, plus 2 more from the second's.
        let after = |p: u32| _mm_and_si128(_mm_cmpgt_epi8(iota, _mm_set1_epi8(p as i8)), splat(2));
        let (p1, p2) = (
            starts.trailing_zeros(),
            (starts & starts.wrapping_sub(1)).trailing_zeros(),
        );
        let gather = _mm_add_epi8(
            _mm_add_epi8(iota, after(p1.min(99) + 3)),
            after(p2.min(99) + 1),
        );
        let mut packed = [0u8; 16];
        store16(&mut packed, _mm_shuffle_epi8(out, gather));
        // A fixed-size copy, then the length (no call to `memcpy`).
        let len = dst.len() + (take - 2 * starts.count_ones()) as usize;
        dst.extend_from_slice(&packed);
        dst.truncate(len);
        pos += take as usize;
    }
    pos
}

// ----- CESU-8 to UTF-16 -----------------------------------------------------

/// `PACK[m]` moves the 16-bit lanes selected by `m` to the front
/// (`vpshufb` control; unused lanes zero).
static PACK: [[u8; 16]; 256] = {
    let mut t = [[0x80u8; 16]; 256];
    let mut m = 0;
    while m < 256 {
        let (mut i, mut j) = (0, 0);
        while i < 8 {
            if m & (1 << i) != 0 {
                t[m][2 * j] = 2 * i as u8;
                t[m][2 * j + 1] = 2 * i as u8 + 1;
                j += 1;
            }
            i += 1;
        }
        m += 1;
    }
    t
};

/// Stages the 32 ASCII bytes of `v` as UTF-16 units.
#[target_feature(enable = "avx2")]
#[inline]
fn push_ascii(v: __m256i, out: &mut Staging, dst: &mut Vec<u16>) {
    let room = out.room(dst);
    let (lo, hi) = room.split_at_mut(16);
    store_u16x16(
        lo.first_chunk_mut().unwrap(),
        _mm256_cvtepu8_epi16(_mm256_castsi256_si128(v)),
    );
    store_u16x16(
        hi.first_chunk_mut().unwrap(),
        _mm256_cvtepu8_epi16(_mm256_extracti128_si256::<1>(v)),
    );
    out.commit(32);
}

/// The UTF-16 unit each of 16 positions would start, from the bytes at
/// those positions (`x0`), one further (`x1`) and two further (`x2`); and
/// the lanes (all ones) of 2- and 3-byte leads whose unit is out of range
/// (below `0x80` from a 2-byte lead, below `0x800` from a 3-byte lead).
#[target_feature(enable = "avx2")]
#[inline]
fn units16(x0: __m128i, x1: __m128i, x2: __m128i) -> (__m256i, __m256i) {
    let (b0, b1, b2) = (
        _mm256_cvtepu8_epi16(x0),
        _mm256_cvtepu8_epi16(x1),
        _mm256_cvtepu8_epi16(x2),
    );
    let low6 = _mm256_set1_epi16(0x3f);
    let (t1, t2) = (_mm256_and_si256(b1, low6), _mm256_and_si256(b2, low6));
    let two = _mm256_or_si256(
        _mm256_slli_epi16::<6>(_mm256_and_si256(b0, _mm256_set1_epi16(0x1f))),
        t1,
    );
    let three = _mm256_or_si256(
        _mm256_or_si256(_mm256_slli_epi16::<12>(b0), _mm256_slli_epi16::<6>(t1)),
        t2,
    );
    let is_two = _mm256_cmpeq_epi16(
        _mm256_and_si256(b0, _mm256_set1_epi16(0xe0)),
        _mm256_set1_epi16(0xc0),
    );
    let is_three = _mm256_cmpeq_epi16(
        _mm256_and_si256(b0, _mm256_set1_epi16(0xf0)),
        _mm256_set1_epi16(0xe0),
    );
    let small_two = _mm256_cmpgt_epi16(_mm256_set1_epi16(0x80), two);
    let small_three = _mm256_cmpeq_epi16(_mm256_min_epu16(three, _mm256_set1_epi16(0x7ff)), three);
    let bad = _mm256_or_si256(
        _mm256_and_si256(is_two, small_two),
        _mm256_and_si256(is_three, small_three),
    );
    (
        _mm256_blendv_epi8(_mm256_blendv_epi8(b0, two, is_two), three, is_three),
        bad,
    )
}

/// Stores the 8 lanes of `units` selected by `m` at `at` of `room`; returns
/// how many.
#[target_feature(enable = "avx2,popcnt")]
#[inline]
fn pack8(units: __m128i, m: u64, room: &mut [u16; 64], at: usize) -> usize {
    let m = (m & 0xff) as usize;
    let slot = room[at..]
        .first_chunk_mut()
        .expect("at most 24 units before the last group");
    store_u16x8(slot, _mm_shuffle_epi8(units, load16(&PACK[m])));
    m.count_ones() as usize
}

/// Decodes the units of a window of the 32 bytes `v` (see
/// [`shared::decode_window`]) into `out`; `None` (and nothing staged) if
/// the portable decoder reports an error in it.
#[target_feature(enable = "avx2,popcnt")]
#[inline]
fn decode_block(
    v: __m256i,
    window: u32,
    carry: u32,
    out: &mut Staging,
    dst: &mut Vec<u16>,
) -> Option<(u64, u32)> {
    let (leads, spill) = shared::decode_window(classes32(v), window, carry)?;
    let (lo, hi, zero) = (
        _mm256_castsi256_si128(v),
        _mm256_extracti128_si256::<1>(v),
        _mm_setzero_si128(),
    );
    let (units_lo, bad_lo) = units16(
        lo,
        _mm_alignr_epi8::<1>(hi, lo),
        _mm_alignr_epi8::<2>(hi, lo),
    );
    let (units_hi, bad_hi) = units16(
        hi,
        _mm_alignr_epi8::<1>(zero, hi),
        _mm_alignr_epi8::<2>(zero, hi),
    );
    // Two mask bits per lane; only lanes inside the window count.
    let bad = high_bits(bad_lo) | high_bits(bad_hi) << 32;
    if bad & shared::low(2 * window) != 0 {
        return None;
    }
    let room = out.room(dst);
    let mut n = pack8(_mm256_castsi256_si128(units_lo), leads, room, 0);
    n += pack8(_mm256_extracti128_si256::<1>(units_lo), leads >> 8, room, n);
    n += pack8(_mm256_castsi256_si128(units_hi), leads >> 16, room, n);
    n += pack8(
        _mm256_extracti128_si256::<1>(units_hi),
        leads >> 24,
        room,
        n,
    );
    out.commit(n);
    Some((leads, spill))
}

/// # Safety
/// The CPU must support AVX2, POPCNT and LZCNT.
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn cesu8_to_utf16_avx2(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    // Units starting in the first 30 bytes of a 32-byte load (a unit
    // starting there has all its bytes in the load).
    const WINDOW: u32 = 30;
    let mut out = Staging::new();
    let (mut pos, mut carry, mut last, mut last_leads) = (0, 0, 0, 0);
    // Whole windows: the next window's address never waits for this one's
    // work; a unit running past a window is carried into the next.
    while let Some(c) = chunk::<32>(src, pos) {
        let v = load(c);
        if carry == 0 && high_bits(v) == 0 {
            push_ascii(v, &mut out, dst);
            pos += 32;
            continue;
        }
        let Some((leads, spill)) = decode_block(v, WINDOW, carry, &mut out, dst) else {
            break;
        };
        (carry, last, last_leads) = (spill, pos, leads);
        pos += WINDOW as usize;
    }
    if carry != 0 {
        // Take back the unit carried over and restart at its lead.
        out.unpush();
        pos = last + 63 - last_leads.leading_zeros() as usize;
    }
    out.flush(dst);
    shared::utf16_rest(src, pos, dst)
}
