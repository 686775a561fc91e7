//! SSE2 helpers: part of the x86-64 baseline, so they need no detection.

use core::arch::x86_64::*;

/// The ASCII-form string at the start of `w`; see
/// [`crate::text::Ascii32::from_window`]. Two 16-byte loads, a movemask
/// finds the terminator, a compare against the lane index keeps the bytes
/// up to it, and a mask clears every bit 7.
#[inline]
pub(crate) fn ascii_window(w: &[u8; 32]) -> Option<([u8; 32], usize)> {
    // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 CPU has it
    // (and the compiler enables it for every x86-64 target).
    unsafe { ascii_window_sse2(w) }
}

#[target_feature(enable = "sse2")]
#[inline]
fn ascii_window_sse2(w: &[u8; 32]) -> Option<([u8; 32], usize)> {
    let (lo, hi) = w.split_at(16);
    // SAFETY: `lo` is 16 readable bytes; the load is unaligned.
    let lo = unsafe { _mm_loadu_si128(lo.as_ptr().cast()) };
    // SAFETY: `hi` is 16 readable bytes; the load is unaligned.
    let hi = unsafe { _mm_loadu_si128(hi.as_ptr().cast()) };
    let high = (_mm_movemask_epi8(lo) as u32) | ((_mm_movemask_epi8(hi) as u32) << 16);
    // Bit 7 of the first byte set: the UTF-8 form. No terminator: longer.
    if high & 1 != 0 || high == 0 {
        return None;
    }
    let end = high.trailing_zeros() as usize;
    // Keep lanes 0..=end (index < end + 1), 7 bits each.
    let limit = _mm_set1_epi8((end + 1) as i8);
    let index_lo = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    let index_hi = _mm_add_epi8(index_lo, _mm_set1_epi8(16));
    let low7 = _mm_set1_epi8(0x7f);
    let keep_lo = _mm_and_si128(_mm_cmplt_epi8(index_lo, limit), low7);
    let keep_hi = _mm_and_si128(_mm_cmplt_epi8(index_hi, limit), low7);
    let (lo, hi) = (_mm_and_si128(lo, keep_lo), _mm_and_si128(hi, keep_hi));
    let mut out = [0u8; 32];
    let (out_lo, out_hi) = out.split_at_mut(16);
    // SAFETY: `out_lo` is 16 writable bytes; the store is unaligned.
    unsafe { _mm_storeu_si128(out_lo.as_mut_ptr().cast(), lo) };
    // SAFETY: `out_hi` is 16 writable bytes; the store is unaligned.
    unsafe { _mm_storeu_si128(out_hi.as_mut_ptr().cast(), hi) };
    Some((out, end + 1))
}
