//! AVX-512 (VBMI, VBMI2) varint run kernels.
//!
//! **Encode**, 8 values per step: zero-extend to 64-bit lanes; `vplzcntq`
//! and a `vpermb` table give each value's length; `vpmultishiftqb` spreads
//! the value into 7-bit groups, one per byte; compare-masks add the
//! continuation bits; `vpcompressb` packs the valid bytes of all 8 lanes
//! together and one store writes them.
//!
//! **Decode**, up to 16 values (32-bit) or 8 values (64-bit) per step from a
//! 64-byte window: the bytes without continuation bit end values, so
//! `vpcompressb` of an index vector under that mask lists every value's
//! last byte; the byte before each is the previous value's end, so starts
//! and lengths follow; `vpermb` gathers each value's bytes into its lane
//! (zeroing bytes past its length), `vpmaddubsw`/`vpmaddwd` join the 7-bit
//! groups, and the terminal byte of a 5-byte (9-byte) value is gathered on
//! its own. `pdep` finds where the step ends.
//!
//! Both follow the approaches of Masked VByte (Plaisance, Kurz, Lemire,
//! "Vectorized VByte Decoding", 2015), which finds value boundaries from the
//! continuation-bit mask and gathers with shuffles, and of the AVX-512
//! VBMI2 expand/compress byte kernels (Lemire et al. on base64 and
//! transcoding), with compress/permute in place of shuffle tables.
//!
//! Java's rules for odd input hold: a fifth varint byte always ends its
//! value (and a ninth varlong byte). Valid varints never have 5 consecutive
//! continuation bytes; where a step would cover such a run, the step is
//! left to the portable kernel, which decodes exactly as Java does, and the
//! vector loop resumes after it. Valid varlongs do have runs of 9 and more
//! (a 9-byte value's ninth byte has bit 7 set for every value of 2^63 and
//! up: every negative `long` written with `optimize_positive`), so the
//! varlong decoder and skipper find the ends inside such runs from the
//! continuation mask (`varint_shared::varlong_ends`) and never leave the
//! vector loop for them.

use core::arch::x86_64::*;

use super::super::varint_shared::{FALLBACK, resume, varlong_ends};
use crate::portable::varint as portable;

/// Window size of one step.
const W: usize = 64;

/// `prev[i] = i - 1` (wrapping at 0; lane 0 is masked off).
const PREV: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut i = 1;
    while i < 64 {
        t[i] = (i - 1) as u8;
        i += 1;
    }
    t
};

/// Byte `i` of a group of lanes of `lane` bytes: value index `first + i / lane`.
const fn replicate(lane: usize, first: usize) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = (first + i / lane) as u8;
        i += 1;
    }
    t
}

/// Byte `i` of a lane of `lane` bytes: position `i % lane`.
const fn position(lane: usize) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = (i % lane) as u8;
        i += 1;
    }
    t
}

/// `t[lz] = ` varint length of a 64-bit lane with `lz` leading zeros,
/// capped at `max` (5 for 32-bit values, 9 for 64-bit).
const fn lengths(max: u32) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut lz = 0;
    while lz < 64 {
        let bits = 64 - lz as u32;
        let len = if bits > 56 { 9 } else { bits.div_ceil(7) };
        t[lz] = if len > max { max as u8 } else { len as u8 };
        lz += 1;
    }
    t
}

/// Lengths of 32-bit values in 64-bit lanes: `lzcnt` is 32..=64 there, and
/// 64 (the value 0) indexes entry 0, which no other 32-bit value reaches.
const LEN32: [u8; 64] = {
    let mut t = lengths(5);
    t[0] = 1;
    t
};

#[inline(always)]
fn v(t: &[u8; 64]) -> __m512i {
    // SAFETY: `t` is 64 readable bytes; the load is unaligned.
    unsafe { _mm512_loadu_si512(t.as_ptr().cast()) }
}

// ----- 32-bit encode --------------------------------------------------------

/// See [`crate::varint::encode_i32s`].
pub(crate) fn encode_i32s(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    // SAFETY: this function is only reachable through the AVX-512 table,
    // which `varint::table` hands out only for a supported kernel.
    let (n, b) = unsafe { encode_i32s_avx512(src, optimize_positive, dst) };
    let (n2, b2) = portable::encode_i32s(&src[n..], optimize_positive, &mut dst[b..]);
    (n + n2, b + b2)
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512cd,avx512vbmi,avx512vbmi2,bmi2,popcnt")]
fn encode_i32s_avx512(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let lut = v(&LEN32);
    let lane_pos = v(&position(8));
    let lane_pos1 = _mm512_add_epi8(lane_pos, _mm512_set1_epi8(1));
    let first_bytes = v(&replicate_first(8));
    let shifts = _mm512_set1_epi64(0x312a_231c_150e_0700);
    let low7 = _mm512_set1_epi8(0x7f);
    let high = _mm512_set1_epi8(-128);
    let (mut i, mut o) = (0, 0);
    while src.len() - i >= 8 && dst.len() - o >= W {
        // SAFETY: `i + 8 <= src.len()`: 32 readable bytes.
        let raw = unsafe { _mm256_loadu_si256(src[i..].as_ptr().cast()) };
        let u = if optimize_positive {
            raw
        } else {
            _mm256_xor_si256(_mm256_slli_epi32(raw, 1), _mm256_srai_epi32(raw, 31))
        };
        let x = _mm512_cvtepu32_epi64(u);
        let len = _mm512_shuffle_epi8(
            _mm512_permutexvar_epi8(_mm512_lzcnt_epi64(x), lut),
            first_bytes,
        );
        let valid = _mm512_cmplt_epu8_mask(lane_pos, len);
        let cont = _mm512_cmplt_epu8_mask(lane_pos1, len);
        let groups = _mm512_and_si512(_mm512_multishift_epi64_epi8(shifts, x), low7);
        let bytes = _mm512_or_si512(groups, _mm512_maskz_mov_epi8(cont, high));
        let packed = _mm512_maskz_compress_epi8(valid, bytes);
        // SAFETY: `o + 64 <= dst.len()`: 64 writable bytes.
        unsafe { _mm512_storeu_si512(dst[o..].as_mut_ptr().cast(), packed) };
        o += valid.count_ones() as usize;
        i += 8;
    }
    (i, o)
}

/// Index vector broadcasting byte 0 of each `lane`-byte lane to the lane
/// (for `vpshufb`, which indexes within 16-byte blocks).
const fn replicate_first(lane: usize) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = ((i % 16) / lane * lane) as u8;
        i += 1;
    }
    t
}

// ----- 32-bit decode --------------------------------------------------------

/// See [`crate::varint::decode_i32s`].
pub(crate) fn decode_i32s(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    resume(
        src,
        dst,
        W,
        |s, d| {
            // SAFETY: only reachable through the AVX-512 table (see encode_i32s).
            unsafe { decode_i32s_avx512(s, optimize_positive, d) }
        },
        |s, d| portable::decode_i32s(s, optimize_positive, d),
    )
}

/// The values of one 64-byte block, gathered from a 128-byte table made
/// of the previous block and this one (so the value that started in the
/// previous block is reachable).
#[derive(Clone, Copy)]
struct Block {
    lo: __m512i,
    hi: __m512i,
    /// Table index of each value's first byte.
    starts: __m512i,
    /// Table index of each value's last byte.
    ends: __m512i,
}

impl Block {
    /// Lays out the values ending in `hi` (whose ends are `ends_mask`);
    /// the first starts at table index `first`.
    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2")]
    fn new(lo: __m512i, hi: __m512i, ends_mask: u64, first: u8) -> Block {
        let ends = _mm512_maskz_compress_epi8(ends_mask, v(&IOTA_HI));
        let after = _mm512_add_epi8(_mm512_permutexvar_epi8(v(&PREV), ends), _mm512_set1_epi8(1));
        let starts = _mm512_mask_set1_epi8(after, 1, first as i8);
        Block {
            lo,
            hi,
            starts,
            ends,
        }
    }

    /// 16 values (those `rep` selects) as unsigned 32-bit lanes.
    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi")]
    fn group32(self, rep: __m512i) -> __m512i {
        let pos = v(&position(4));
        let ends = _mm512_permutexvar_epi8(rep, self.ends);
        let idx = _mm512_add_epi8(_mm512_permutexvar_epi8(rep, self.starts), pos);
        // Byte j of a value is one of its bytes if start + j <= end.
        let valid = _mm512_cmple_epu8_mask(idx, ends);
        let bytes = _mm512_maskz_permutex2var_epi8(valid, self.lo, idx, self.hi);
        let bytes = _mm512_and_si512(bytes, _mm512_set1_epi8(0x7f));
        let low28 = _mm512_madd_epi16(
            _mm512_maddubs_epi16(_mm512_set1_epi16(0x8001_u16 as i16), bytes),
            _mm512_set1_epi32(0x4000_0001),
        );
        // A fifth byte (end = start + 4) is the value's last: its low 4 bits
        // go to bit 28.
        let five = _mm512_mask_cmpeq_epu8_mask(
            0x1111_1111_1111_1111,
            _mm512_sub_epi8(ends, idx),
            _mm512_set1_epi8(4),
        );
        let last = _mm512_maskz_permutex2var_epi8(five, self.lo, ends, self.hi);
        _mm512_or_si512(low28, _mm512_slli_epi32(last, 28))
    }

    /// 8 values (those `rep` selects) as unsigned 64-bit lanes.
    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi")]
    fn group64(self, rep: __m512i) -> __m512i {
        let pos = v(&position(8));
        let ends = _mm512_permutexvar_epi8(rep, self.ends);
        let idx = _mm512_add_epi8(_mm512_permutexvar_epi8(rep, self.starts), pos);
        let valid = _mm512_cmple_epu8_mask(idx, ends);
        let bytes = _mm512_maskz_permutex2var_epi8(valid, self.lo, idx, self.hi);
        let bytes = _mm512_and_si512(bytes, _mm512_set1_epi8(0x7f));
        let halves = _mm512_madd_epi16(
            _mm512_maddubs_epi16(_mm512_set1_epi16(0x8001_u16 as i16), bytes),
            _mm512_set1_epi32(0x4000_0001),
        );
        let low56 = _mm512_or_si512(
            _mm512_and_si512(halves, _mm512_set1_epi64(0x0fff_ffff)),
            _mm512_slli_epi64(_mm512_srli_epi64(halves, 32), 28),
        );
        // A ninth byte (end = start + 8) is the value's last: all 8 bits go
        // to bit 56.
        let nine = _mm512_mask_cmpeq_epu8_mask(
            0x0101_0101_0101_0101,
            _mm512_sub_epi8(ends, idx),
            _mm512_set1_epi8(8),
        );
        let last = _mm512_maskz_permutex2var_epi8(nine, self.lo, ends, self.hi);
        _mm512_or_si512(low56, _mm512_slli_epi64(last, 56))
    }
}

/// `IOTA_HI[i] = 64 + i`: table indexes of the current block's bytes.
const IOTA_HI: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = 64 + i as u8;
        i += 1;
    }
    t
};

/// Whether a run of `max` continuation bytes starts at or after table
/// index `first` in the previous and current blocks (`prev`, `cont`).
/// Valid data never has one; Java's reading of such input is left to the
/// portable kernel.
#[inline(always)]
fn odd_run(prev: u64, cont: u64, max: u32, first: u8) -> bool {
    let c = (u128::from(cont) << 64) | u128::from(prev);
    let mut run = c;
    for s in 1..max {
        run &= c >> s;
    }
    run >> first != 0
}

/// The varlong ends in the current block (`cont`), the first value
/// starting at table index `first` (`56..=64`) of the previous block and
/// this one.
#[inline(always)]
fn block_ends(prev_cont: u64, cont: u64, first: u8) -> u64 {
    let c = (u128::from(cont) << 64) | u128::from(prev_cont);
    (varlong_ends(c, u32::from(first)) >> 64) as u64
}

/// Decodes the values of whole 64-byte blocks: in each block, the values
/// whose last byte lies in it. No step depends on where the previous one
/// ended, so blocks overlap in the pipeline. Stops before the first block
/// holding a run of 5 continuation bytes, and when `dst` is full.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,bmi2,popcnt,lzcnt")]
fn decode_i32s_avx512(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    let reps = [
        v(&replicate(4, 0)),
        v(&replicate(4, 16)),
        v(&replicate(4, 32)),
        v(&replicate(4, 48)),
    ];
    let mut lo = _mm512_setzero_si512();
    // As if the byte before the input ended a value.
    let (mut prev_ends, mut prev_cont) = (1u64 << 63, 0u64);
    let (mut i, mut b) = (0, 0);
    while src.len() - b >= W && dst.len() > i {
        // SAFETY: `b + 64 <= src.len()`: 64 readable bytes.
        let hi = unsafe { _mm512_loadu_si512(src[b..].as_ptr().cast()) };
        let cont = _mm512_movepi8_mask(hi);
        let ends_mask = !cont;
        let first = (64 - prev_ends.leading_zeros()) as u8;
        if odd_run(prev_cont, cont, 5, first) {
            break;
        }
        let count = (ends_mask.count_ones() as usize).min(dst.len() - i);
        let block = Block::new(lo, hi, ends_mask, first);
        for (g, &rep) in reps.iter().enumerate().take(count.div_ceil(16)) {
            let u = block.group32(rep);
            let r = if optimize_positive { u } else { unzigzag32(u) };
            let keep = lanes(count - 16 * g, 16) as u16;
            // SAFETY: `keep` selects the lanes `16 g .. min(count, 16 g + 16)`
            // and `i + count <= dst.len()`: the masked store writes only those.
            unsafe { _mm512_mask_storeu_epi32(dst[i + 16 * g..].as_mut_ptr().cast(), keep, r) };
        }
        i += count;
        if count < ends_mask.count_ones() as usize {
            // `dst` is full: stop right after the last value taken.
            let last = _pdep_u64(1 << (count - 1), ends_mask).trailing_zeros() as usize;
            return (i, b + last + 1);
        }
        lo = hi;
        prev_ends = ends_mask;
        prev_cont = cont;
        b += W;
    }
    (i, b - prev_ends.leading_zeros() as usize)
}

/// The low `min(n, width)` lanes of `width`.
#[inline(always)]
fn lanes(n: usize, width: usize) -> u64 {
    if n >= width {
        (1u64 << width) - 1
    } else {
        (1u64 << n) - 1
    }
}

/// Zigzag decoding of 32-bit lanes.
#[target_feature(enable = "avx512f")]
fn unzigzag32(u: __m512i) -> __m512i {
    let sign = _mm512_sub_epi32(
        _mm512_setzero_si512(),
        _mm512_and_si512(u, _mm512_set1_epi32(1)),
    );
    _mm512_xor_si512(_mm512_srli_epi32(u, 1), sign)
}

/// Zigzag decoding of 64-bit lanes.
#[target_feature(enable = "avx512f")]
fn unzigzag64(u: __m512i) -> __m512i {
    let sign = _mm512_sub_epi64(
        _mm512_setzero_si512(),
        _mm512_and_si512(u, _mm512_set1_epi64(1)),
    );
    _mm512_xor_si512(_mm512_srli_epi64(u, 1), sign)
}

// ----- skip -----------------------------------------------------------------

/// See [`crate::varint::skip_i32s`].
pub(crate) fn skip_i32s(src: &[u8], count: usize) -> (usize, usize) {
    skip::<false>(src, count, portable::skip_i32s)
}

/// See [`crate::varint::skip_i64s`].
pub(crate) fn skip_i64s(src: &[u8], count: usize) -> (usize, usize) {
    skip::<true>(src, count, portable::skip_i64s)
}

fn skip<const LONG: bool>(
    src: &[u8],
    count: usize,
    tail: fn(&[u8], usize) -> (usize, usize),
) -> (usize, usize) {
    let (mut n, mut b) = (0, 0);
    loop {
        // SAFETY: only reachable through the AVX-512 table (see encode_i32s).
        let (n1, b1) = unsafe { skip_avx512::<LONG>(&src[b..], count - n) };
        n += n1;
        b += b1;
        let want = (count - n).min(FALLBACK);
        let (n2, b2) = tail(&src[b..], want);
        n += n2;
        b += b2;
        if n == count || n2 < want || src.len() - b < W {
            let (n3, b3) = tail(&src[b..], count - n);
            return (n + n3, b + b3);
        }
    }
}

/// Skips the values of whole 64-byte blocks until `count`. Varint ends
/// (`LONG = false`) are the bytes without continuation bit, and the loop
/// stops before a block holding a run of 5 continuation bytes; varlong
/// ends come from [`block_ends`].
#[target_feature(enable = "avx512f,avx512bw,bmi2,popcnt,lzcnt")]
fn skip_avx512<const LONG: bool>(src: &[u8], count: usize) -> (usize, usize) {
    let (mut prev_ends, mut prev_cont) = (1u64 << 63, 0u64);
    let (mut n, mut b) = (0, 0);
    while src.len() - b >= W && n < count {
        // SAFETY: `b + 64 <= src.len()`: 64 readable bytes.
        let block = unsafe { _mm512_loadu_si512(src[b..].as_ptr().cast()) };
        let cont = _mm512_movepi8_mask(block);
        let first = (64 - prev_ends.leading_zeros()) as u8;
        let ends = if LONG {
            block_ends(prev_cont, cont, first)
        } else if odd_run(prev_cont, cont, 5, first) {
            break;
        } else {
            !cont
        };
        let k = ends.count_ones() as usize;
        if k >= count - n {
            let last = _pdep_u64(1 << (count - n - 1), ends).trailing_zeros() as usize;
            return (count, b + last + 1);
        }
        n += k;
        prev_ends = ends;
        prev_cont = cont;
        b += W;
    }
    (n, b - prev_ends.leading_zeros() as usize)
}

// ----- 64-bit ---------------------------------------------------------------

/// See [`crate::varint::encode_i64s`]. Four values per step, each in a
/// 16-byte slot (eight 7-bit groups, then the 8-bit ninth byte).
pub(crate) fn encode_i64s(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    // SAFETY: only reachable through the AVX-512 table (see encode_i32s).
    let (n, b) = unsafe { encode_i64s_avx512(src, optimize_positive, dst) };
    let (n2, b2) = portable::encode_i64s(&src[n..], optimize_positive, &mut dst[b..]);
    (n + n2, b + b2)
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512cd,avx512vbmi,avx512vbmi2,popcnt")]
fn encode_i64s_avx512(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    let lut = v(&lengths(9));
    let slot_pos = v(&position(16));
    let slot_pos1 = _mm512_add_epi8(slot_pos, _mm512_set1_epi8(1));
    let first = v(&replicate_first(16));
    // Low qword of a slot: 7-bit groups at 0, 7, ..., 49; high qword: bits 56..63.
    let shifts = _mm512_set_epi64(
        56,
        0x312a_231c_150e_0700,
        56,
        0x312a_231c_150e_0700,
        56,
        0x312a_231c_150e_0700,
        56,
        0x312a_231c_150e_0700,
    );
    let keep = _mm512_set_epi64(
        0xff,
        0x7f7f_7f7f_7f7f_7f7f,
        0xff,
        0x7f7f_7f7f_7f7f_7f7f,
        0xff,
        0x7f7f_7f7f_7f7f_7f7f,
        0xff,
        0x7f7f_7f7f_7f7f_7f7f,
    );
    let dup = _mm512_set_epi64(3, 3, 2, 2, 1, 1, 0, 0);
    let high = _mm512_set1_epi8(-128);
    let (mut i, mut o) = (0, 0);
    while src.len() - i >= 4 && dst.len() - o >= W {
        // SAFETY: `i + 4 <= src.len()`: 32 readable bytes.
        let raw = unsafe { _mm256_loadu_si256(src[i..].as_ptr().cast()) };
        let u = if optimize_positive {
            raw
        } else {
            _mm256_xor_si256(_mm256_slli_epi64(raw, 1), _mm256_srai_epi64(raw, 63))
        };
        let x = _mm512_permutexvar_epi64(dup, _mm512_castsi256_si512(u));
        let lz = _mm512_lzcnt_epi64(_mm512_or_si512(x, _mm512_set1_epi64(1)));
        let len = _mm512_shuffle_epi8(_mm512_permutexvar_epi8(lz, lut), first);
        let valid = _mm512_cmplt_epu8_mask(slot_pos, len);
        let cont = _mm512_cmplt_epu8_mask(slot_pos1, len) & 0x00ff_00ff_00ff_00ff;
        let groups = _mm512_and_si512(_mm512_multishift_epi64_epi8(shifts, x), keep);
        let bytes = _mm512_or_si512(groups, _mm512_maskz_mov_epi8(cont, high));
        let packed = _mm512_maskz_compress_epi8(valid, bytes);
        // SAFETY: `o + 64 <= dst.len()`: 64 writable bytes.
        unsafe { _mm512_storeu_si512(dst[o..].as_mut_ptr().cast(), packed) };
        o += valid.count_ones() as usize;
        i += 4;
    }
    (i, o)
}

/// See [`crate::varint::decode_i64s`].
pub(crate) fn decode_i64s(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    resume(
        src,
        dst,
        W,
        |s, d| {
            // SAFETY: only reachable through the AVX-512 table (see encode_i32s).
            unsafe { decode_i64s_avx512(s, optimize_positive, d) }
        },
        |s, d| portable::decode_i64s(s, optimize_positive, d),
    )
}

/// [`decode_i32s_avx512`] for varlongs: 8 values per group in 64-bit
/// lanes. The value ends come from [`varlong_ends`], which also splits
/// runs of continuation bytes into 9-byte values, so every block is
/// decoded here; a value starting in the previous block started at most 8
/// bytes before this one (a 9-byte value ends within 9 bytes).
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,bmi2,popcnt,lzcnt")]
fn decode_i64s_avx512(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    let reps: [__m512i; 8] = core::array::from_fn(|g| v(&replicate(8, 8 * g)));
    let mut lo = _mm512_setzero_si512();
    let (mut prev_ends, mut prev_cont) = (1u64 << 63, 0u64);
    let (mut i, mut b) = (0, 0);
    while src.len() - b >= W && dst.len() > i {
        // SAFETY: `b + 64 <= src.len()`: 64 readable bytes.
        let hi = unsafe { _mm512_loadu_si512(src[b..].as_ptr().cast()) };
        let cont = _mm512_movepi8_mask(hi);
        let first = (64 - prev_ends.leading_zeros()) as u8;
        let ends_mask = block_ends(prev_cont, cont, first);
        let count = (ends_mask.count_ones() as usize).min(dst.len() - i);
        let block = Block::new(lo, hi, ends_mask, first);
        for (g, &rep) in reps.iter().enumerate().take(count.div_ceil(8)) {
            let u = block.group64(rep);
            let r = if optimize_positive { u } else { unzigzag64(u) };
            let keep = lanes(count - 8 * g, 8) as u8;
            // SAFETY: `keep` selects the lanes `8 g .. min(count, 8 g + 8)`
            // and `i + count <= dst.len()`: the masked store writes only those.
            unsafe { _mm512_mask_storeu_epi64(dst[i + 8 * g..].as_mut_ptr().cast(), keep, r) };
        }
        i += count;
        if count < ends_mask.count_ones() as usize {
            let last = _pdep_u64(1 << (count - 1), ends_mask).trailing_zeros() as usize;
            return (i, b + last + 1);
        }
        lo = hi;
        prev_ends = ends_mask;
        prev_cont = cont;
        b += W;
    }
    (i, b - prev_ends.leading_zeros() as usize)
}
