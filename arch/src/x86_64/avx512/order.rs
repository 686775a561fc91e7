//! AVX-512 array conversions: NaN canonicalisation and booleans, 64 bytes
//! per step with plain loads and stores, then one masked load and store
//! for the tail (no scalar remainder).
//!
//! Which of these the AVX-512 level uses is decided by measurement (see
//! the `ORDER` table in `avx512/mod.rs` and `docs/kernels.md`): on a CPU
//! that runs 512-bit operations as two 256-bit halves (Zen 4) the AVX2
//! kernels may be as fast or faster.

use core::arch::x86_64::*;

/// The low `n` (`< 64`) lanes.
#[inline(always)]
fn tail_mask(n: usize) -> u64 {
    (1u64 << n) - 1
}

/// See [`crate::order::f32_to_le_canonical`].
pub(crate) fn f32_to_le_canonical(src: &[f32], dst: &mut [u8]) {
    assert_eq!(
        dst.len(),
        src.len() * 4,
        "f32_to_le_canonical: dst must hold src"
    );
    // SAFETY: only reachable through the AVX-512 table (support checked),
    // and `dst` holds exactly `src`'s bytes (asserted above).
    unsafe { f32_avx512(src, dst) }
}

#[target_feature(enable = "avx512f,avx512bw")]
fn f32_avx512(src: &[f32], dst: &mut [u8]) {
    let canonical = _mm512_set1_epi32(0x7fc0_0000);
    let canon = |v: __m512| {
        let nan = _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(v, v);
        _mm512_mask_mov_epi32(_mm512_castps_si512(v), nan, canonical)
    };
    let mut chunks = src.chunks_exact(16);
    let mut out = dst.chunks_exact_mut(64);
    for (c, o) in (&mut chunks).zip(&mut out) {
        // SAFETY: `c` is 16 readable floats.
        let v = unsafe { _mm512_loadu_ps(c.as_ptr()) };
        // SAFETY: `o` is 64 writable bytes.
        unsafe { _mm512_storeu_si512(o.as_mut_ptr().cast(), canon(v)) };
    }
    let (rest, o) = (chunks.remainder(), out.into_remainder());
    let keep = tail_mask(rest.len()) as u16;
    // SAFETY: `keep` covers only the `rest.len()` floats of `rest`.
    let v = unsafe { _mm512_maskz_loadu_ps(keep, rest.as_ptr()) };
    // SAFETY: `o` has 4 bytes per float of `rest` (`dst` holds `src`);
    // `keep` covers those.
    unsafe { _mm512_mask_storeu_epi32(o.as_mut_ptr().cast(), keep, canon(v)) };
}

/// See [`crate::order::f64_to_le_canonical`].
pub(crate) fn f64_to_le_canonical(src: &[f64], dst: &mut [u8]) {
    assert_eq!(
        dst.len(),
        src.len() * 8,
        "f64_to_le_canonical: dst must hold src"
    );
    // SAFETY: as in `f32_to_le_canonical`.
    unsafe { f64_avx512(src, dst) }
}

#[target_feature(enable = "avx512f,avx512bw")]
fn f64_avx512(src: &[f64], dst: &mut [u8]) {
    let canonical = _mm512_set1_epi64(0x7ff8_0000_0000_0000);
    let canon = |v: __m512d| {
        let nan = _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(v, v);
        _mm512_mask_mov_epi64(_mm512_castpd_si512(v), nan, canonical)
    };
    let mut chunks = src.chunks_exact(8);
    let mut out = dst.chunks_exact_mut(64);
    for (c, o) in (&mut chunks).zip(&mut out) {
        // SAFETY: `c` is 8 readable doubles.
        let v = unsafe { _mm512_loadu_pd(c.as_ptr()) };
        // SAFETY: `o` is 64 writable bytes.
        unsafe { _mm512_storeu_si512(o.as_mut_ptr().cast(), canon(v)) };
    }
    let (rest, o) = (chunks.remainder(), out.into_remainder());
    let keep = tail_mask(rest.len()) as u8;
    // SAFETY: `keep` covers only the `rest.len()` doubles of `rest`.
    let v = unsafe { _mm512_maskz_loadu_pd(keep, rest.as_ptr()) };
    // SAFETY: `o` has 8 bytes per double of `rest`; `keep` covers those.
    unsafe { _mm512_mask_storeu_epi64(o.as_mut_ptr().cast(), keep, canon(v)) };
}

/// See [`crate::order::bools_from_bytes`].
pub(crate) fn bools_from_bytes(src: &[u8], dst: &mut [bool]) {
    let n = src.len().min(dst.len());
    // SAFETY: only reachable through the AVX-512 table; both slices have at
    // least `n` elements.
    unsafe { bools_avx512(&src[..n], &mut dst[..n]) }
}

#[target_feature(enable = "avx512f,avx512bw")]
fn bools_avx512(src: &[u8], dst: &mut [bool]) {
    // Any non-zero byte becomes 1: a valid `bool`.
    let one = _mm512_set1_epi8(1);
    let mut chunks = src.chunks_exact(64);
    let mut out = dst.chunks_exact_mut(64);
    for (c, o) in (&mut chunks).zip(&mut out) {
        // SAFETY: `c` is 64 readable bytes.
        let v = unsafe { _mm512_loadu_si512(c.as_ptr().cast()) };
        let b = _mm512_min_epu8(v, one);
        // SAFETY: `o` is 64 writable `bool`s; every byte written is 0 or 1.
        unsafe { _mm512_storeu_si512(o.as_mut_ptr().cast(), b) };
    }
    let (rest, o) = (chunks.remainder(), out.into_remainder());
    let keep = tail_mask(rest.len());
    // SAFETY: `keep` covers only the bytes of `rest`.
    let v = unsafe { _mm512_maskz_loadu_epi8(keep, rest.as_ptr().cast()) };
    let b = _mm512_min_epu8(v, one);
    // SAFETY: `o` is as long as `rest`; `keep` covers it; every byte written
    // is 0 or 1, a valid `bool`.
    unsafe { _mm512_mask_storeu_epi8(o.as_mut_ptr().cast(), keep, b) };
}
