//! Fixed-width primitive arrays between wire order and native order.

use crate::portable;

/// A fixed-width primitive Kryo writes as an array element.
///
/// Implemented for `i16`, `u16` (Java `char`), `i32`, `i64`, `f32`, `f64`.
pub trait Element: bytemuck::Pod + sealed::Sealed {
    /// The value with its bytes reversed.
    fn swap(self) -> Self;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! element {
    ($($t:ty => |$v:ident| $swap:expr),* $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            #[inline]
            fn swap(self) -> Self {
                let $v = self;
                $swap
            }
        }
    )*};
}

element!(
    i16 => |v| v.swap_bytes(),
    u16 => |v| v.swap_bytes(),
    i32 => |v| v.swap_bytes(),
    i64 => |v| v.swap_bytes(),
    f32 => |v| f32::from_bits(v.to_bits().swap_bytes()),
    f64 => |v| f64::from_bits(v.to_bits().swap_bytes()),
);

/// Writes `src` as little-endian bytes into `dst`, which must be exactly
/// `size_of_val(src)` long. A plain copy on little-endian hosts.
///
/// # Panics
/// If `dst` has the wrong length (a caller bug, never input-dependent).
///
/// ```
/// let mut out = [0u8; 8];
/// kryo5_arch::order::to_le(&[1i32, -1], &mut out);
/// assert_eq!(out, [1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
/// ```
#[inline]
pub fn to_le<T: Element>(src: &[T], dst: &mut [u8]) {
    portable::order::to_le(src, dst);
}

/// Fills `dst` from little-endian bytes; `src` must be exactly
/// `size_of_val(dst)` long.
///
/// # Panics
/// If `src` has the wrong length (a caller bug, never input-dependent).
///
/// ```
/// let mut out = [0i16; 2];
/// kryo5_arch::order::from_le(&[1, 0, 0xfe, 0xff], &mut out);
/// assert_eq!(out, [1, -2]);
/// ```
#[inline]
pub fn from_le<T: Element>(src: &[u8], dst: &mut [T]) {
    portable::order::from_le(src, dst);
}

/// Floats to little-endian bytes with every NaN written as Java's canonical
/// `0x7fc00000` (`floatToIntBits`).
///
/// ```
/// let mut out = [0u8; 4];
/// kryo5_arch::order::f32_to_le_canonical(&[f32::from_bits(0x7fc0_0001)], &mut out);
/// assert_eq!(out, [0x00, 0x00, 0xc0, 0x7f]);
/// ```
#[inline]
pub fn f32_to_le_canonical(src: &[f32], dst: &mut [u8]) {
    portable::order::f32_to_le_canonical(src, dst);
}

/// Doubles to little-endian bytes with every NaN written as Java's canonical
/// `0x7ff8000000000000` (`doubleToLongBits`).
///
/// ```
/// let mut out = [0u8; 8];
/// kryo5_arch::order::f64_to_le_canonical(&[f64::NAN], &mut out);
/// assert_eq!(out, [0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
/// ```
#[inline]
pub fn f64_to_le_canonical(src: &[f64], dst: &mut [u8]) {
    portable::order::f64_to_le_canonical(src, dst);
}

/// Booleans from bytes, any non-zero byte being `true` (Java's `readBooleans`).
///
/// ```
/// let mut out = [false; 3];
/// kryo5_arch::order::bools_from_bytes(&[0, 1, 2], &mut out);
/// assert_eq!(out, [false, true, true]);
/// ```
#[inline]
pub fn bools_from_bytes(src: &[u8], dst: &mut [bool]) {
    portable::order::bools_from_bytes(src, dst);
}
