//! Portable byte-order kernels for fixed-width primitive arrays.
//!
//! On little-endian hosts wire order is native order, so every conversion is
//! one `copy_from_slice` over a `bytemuck` view: a `memcpy`. Big-endian hosts
//! swap each element. Floats written by the safe flavour also canonicalise
//! NaN, which needs a look at every element.

use crate::order::Element;

/// Copies `src` into `dst` (exactly `size_of_val(src)` bytes) in little-endian order.
pub fn to_le<T: Element>(src: &[T], dst: &mut [u8]) {
    if cfg!(target_endian = "little") {
        dst.copy_from_slice(bytemuck::cast_slice(src));
    } else {
        for (chunk, v) in dst.chunks_exact_mut(size_of::<T>()).zip(src) {
            chunk.copy_from_slice(bytemuck::bytes_of(&v.swap()));
        }
    }
}

/// Fills `dst` from little-endian bytes (exactly `size_of_val(dst)` of them).
pub fn from_le<T: Element>(src: &[u8], dst: &mut [T]) {
    bytemuck::cast_slice_mut::<T, u8>(dst).copy_from_slice(src);
    if cfg!(target_endian = "big") {
        for v in dst {
            *v = v.swap();
        }
    }
}

/// Copies floats to little-endian bytes, writing every NaN as `0x7fc00000`.
pub fn f32_to_le_canonical(src: &[f32], dst: &mut [u8]) {
    for (chunk, v) in dst.chunks_exact_mut(4).zip(src) {
        let bits = if v.is_nan() { 0x7fc0_0000 } else { v.to_bits() };
        chunk.copy_from_slice(&bits.to_le_bytes());
    }
}

/// Copies doubles to little-endian bytes, writing every NaN as `0x7ff8000000000000`.
pub fn f64_to_le_canonical(src: &[f64], dst: &mut [u8]) {
    for (chunk, v) in dst.chunks_exact_mut(8).zip(src) {
        let bits = if v.is_nan() {
            0x7ff8_0000_0000_0000
        } else {
            v.to_bits()
        };
        chunk.copy_from_slice(&bits.to_le_bytes());
    }
}

/// Booleans from bytes: any non-zero byte is `true` (Java's bulk rule).
pub fn bools_from_bytes(src: &[u8], dst: &mut [bool]) {
    for (d, &b) in dst.iter_mut().zip(src) {
        *d = b != 0;
    }
}
