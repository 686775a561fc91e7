//! AVX-512 array conversions: NaN canonicalisation and booleans, 64 bytes
//! per step, masked loads and stores for the tail (no scalar remainder).

use core::arch::x86_64::*;

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
    let mut i = 0;
    while i < src.len() {
        let n = (src.len() - i).min(16);
        let keep = ((1u32 << n) - 1) as u16;
        // SAFETY: `keep` covers only the `n` elements left in `src` from `i`.
        let v = unsafe { _mm512_maskz_loadu_ps(keep, src[i..].as_ptr()) };
        let nan = _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(v, v);
        let out = _mm512_mask_mov_epi32(_mm512_castps_si512(v), nan, canonical);
        // SAFETY: `dst` has 4 bytes per element of `src` (checked by the
        // caller); `keep` covers the same `n` elements.
        unsafe { _mm512_mask_storeu_epi32(dst[4 * i..].as_mut_ptr().cast(), keep, out) };
        i += n;
    }
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
    let mut i = 0;
    while i < src.len() {
        let n = (src.len() - i).min(8);
        let keep = ((1u32 << n) - 1) as u8;
        // SAFETY: `keep` covers only the `n` elements left in `src` from `i`.
        let v = unsafe { _mm512_maskz_loadu_pd(keep, src[i..].as_ptr()) };
        let nan = _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(v, v);
        let out = _mm512_mask_mov_epi64(_mm512_castpd_si512(v), nan, canonical);
        // SAFETY: `dst` has 8 bytes per element; `keep` covers `n` of them.
        unsafe { _mm512_mask_storeu_epi64(dst[8 * i..].as_mut_ptr().cast(), keep, out) };
        i += n;
    }
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
    let one = _mm512_set1_epi8(1);
    let mut i = 0;
    while i < src.len() {
        let n = (src.len() - i).min(64);
        let keep = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        // SAFETY: `keep` covers only the `n` bytes left in `src` from `i`.
        let v = unsafe { _mm512_maskz_loadu_epi8(keep, src[i..].as_ptr().cast()) };
        // Any non-zero byte becomes 1: a valid `bool`.
        let b = _mm512_min_epu8(v, one);
        // SAFETY: `dst` has as many elements as `src`; `keep` covers `n`;
        // every byte written is 0 or 1, a valid `bool`.
        unsafe { _mm512_mask_storeu_epi8(dst[i..].as_mut_ptr().cast(), keep, b) };
        i += n;
    }
}
