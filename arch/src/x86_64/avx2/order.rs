//! AVX2 array conversions: NaN canonicalisation and booleans, 32 bytes per
//! step; the tail goes to the portable kernel.

use core::arch::x86_64::*;

use crate::portable::order as portable;

/// See [`crate::order::f32_to_le_canonical`].
pub(crate) fn f32_to_le_canonical(src: &[f32], dst: &mut [u8]) {
    assert_eq!(
        dst.len(),
        src.len() * 4,
        "f32_to_le_canonical: dst must hold src"
    );
    let body = src.len() / 8 * 8;
    // SAFETY: only reachable through the AVX2 table (support checked), and
    // `dst` holds exactly `src`'s bytes (asserted above).
    unsafe { f32_avx2(&src[..body], &mut dst[..4 * body]) };
    portable::f32_to_le_canonical(&src[body..], &mut dst[4 * body..]);
}

#[target_feature(enable = "avx2")]
fn f32_avx2(src: &[f32], dst: &mut [u8]) {
    let canonical = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fc0_0000));
    for (k, chunk) in src.chunks_exact(8).enumerate() {
        // SAFETY: `chunk` is 8 readable floats.
        let v = unsafe { _mm256_loadu_ps(chunk.as_ptr()) };
        let nan = _mm256_cmp_ps::<_CMP_UNORD_Q>(v, v);
        let out = _mm256_blendv_ps(v, canonical, nan);
        // SAFETY: `dst` has 4 bytes per float: bytes `32 k .. 32 k + 32` exist.
        unsafe { _mm256_storeu_ps(dst[32 * k..].as_mut_ptr().cast(), out) };
    }
}

/// See [`crate::order::f64_to_le_canonical`].
pub(crate) fn f64_to_le_canonical(src: &[f64], dst: &mut [u8]) {
    assert_eq!(
        dst.len(),
        src.len() * 8,
        "f64_to_le_canonical: dst must hold src"
    );
    let body = src.len() / 4 * 4;
    // SAFETY: as in `f32_to_le_canonical`.
    unsafe { f64_avx2(&src[..body], &mut dst[..8 * body]) };
    portable::f64_to_le_canonical(&src[body..], &mut dst[8 * body..]);
}

#[target_feature(enable = "avx2")]
fn f64_avx2(src: &[f64], dst: &mut [u8]) {
    let canonical = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7ff8_0000_0000_0000));
    for (k, chunk) in src.chunks_exact(4).enumerate() {
        // SAFETY: `chunk` is 4 readable doubles.
        let v = unsafe { _mm256_loadu_pd(chunk.as_ptr()) };
        let nan = _mm256_cmp_pd::<_CMP_UNORD_Q>(v, v);
        let out = _mm256_blendv_pd(v, canonical, nan);
        // SAFETY: `dst` has 8 bytes per double: bytes `32 k .. 32 k + 32` exist.
        unsafe { _mm256_storeu_pd(dst[32 * k..].as_mut_ptr().cast(), out) };
    }
}

/// See [`crate::order::bools_from_bytes`].
pub(crate) fn bools_from_bytes(src: &[u8], dst: &mut [bool]) {
    let n = src.len().min(dst.len());
    let body = n / 32 * 32;
    // SAFETY: only reachable through the AVX2 table; both slices have at
    // least `body` elements.
    unsafe { bools_avx2(&src[..body], &mut dst[..body]) };
    portable::bools_from_bytes(&src[body..n], &mut dst[body..n]);
}

#[target_feature(enable = "avx2")]
fn bools_avx2(src: &[u8], dst: &mut [bool]) {
    let one = _mm256_set1_epi8(1);
    for (chunk, out) in src.chunks_exact(32).zip(dst.chunks_exact_mut(32)) {
        // SAFETY: `chunk` is 32 readable bytes.
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) };
        let b = _mm256_min_epu8(v, one);
        // SAFETY: `out` is 32 writable `bool`s; every byte written is
        // 0 or 1, a valid `bool`.
        unsafe { _mm256_storeu_si256(out.as_mut_ptr().cast(), b) };
    }
}
