//! Fixed-width primitive arrays between wire order and native order.

use crate::dispatch::{self, Kernel};
use crate::portable;

/// Arrays shorter than this go straight to the portable kernel.
const SHORT: usize = 16;

/// The function table of one implementation (the conversions that are not
/// plain copies).
pub(crate) struct Fns {
    pub(crate) f32_to_le_canonical: fn(&[f32], &mut [u8]),
    pub(crate) f64_to_le_canonical: fn(&[f64], &mut [u8]),
    pub(crate) bools_from_bytes: fn(&[u8], &mut [bool]),
}

pub(crate) static PORTABLE: Fns = Fns {
    f32_to_le_canonical: portable::order::f32_to_le_canonical,
    f64_to_le_canonical: portable::order::f64_to_le_canonical,
    bools_from_bytes: portable::order::bools_from_bytes,
};

/// The table of a kernel the CPU supports (callers check support first).
fn table(kernel: Kernel) -> &'static Fns {
    match kernel {
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx512 => &crate::x86_64::avx512::ORDER,
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx2 => &crate::x86_64::avx2::ORDER,
        _ => &PORTABLE,
    }
}

/// The array kernels of one implementation, for callers that pick the
/// kernel themselves; the free functions use the active one.
///
/// ```
/// use kryo5_arch::{Kernel, order::Order};
/// for kernel in Kernel::supported() {
///     let mut out = [false; 2];
///     Order::new(kernel).unwrap().bools_from_bytes(&[0, 7], &mut out);
///     assert_eq!(out, [false, true]);
/// }
/// ```
#[derive(Clone, Copy)]
pub struct Order {
    kernel: Kernel,
    fns: &'static Fns,
}

impl std::fmt::Debug for Order {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Order").field(&self.kernel).finish()
    }
}

impl Order {
    /// The implementation of `kernel`, if this CPU can run it.
    #[must_use]
    pub fn new(kernel: Kernel) -> Option<Order> {
        kernel.is_supported().then(|| Order {
            kernel,
            fns: table(kernel),
        })
    }

    /// The implementation of the active kernel.
    #[must_use]
    pub fn active() -> Order {
        let kernel = dispatch::active();
        Order {
            kernel,
            fns: table(kernel),
        }
    }

    /// Which kernel this is.
    #[must_use]
    pub fn kernel(self) -> Kernel {
        self.kernel
    }

    /// See [`f32_to_le_canonical`].
    #[inline]
    pub fn f32_to_le_canonical(self, src: &[f32], dst: &mut [u8]) {
        (self.fns.f32_to_le_canonical)(src, dst);
    }

    /// See [`f64_to_le_canonical`].
    #[inline]
    pub fn f64_to_le_canonical(self, src: &[f64], dst: &mut [u8]) {
        (self.fns.f64_to_le_canonical)(src, dst);
    }

    /// See [`bools_from_bytes`].
    #[inline]
    pub fn bools_from_bytes(self, src: &[u8], dst: &mut [bool]) {
        (self.fns.bools_from_bytes)(src, dst);
    }
}

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
    if src.len() < SHORT {
        return portable::order::f32_to_le_canonical(src, dst);
    }
    Order::active().f32_to_le_canonical(src, dst);
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
    if src.len() < SHORT {
        return portable::order::f64_to_le_canonical(src, dst);
    }
    Order::active().f64_to_le_canonical(src, dst);
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
    if src.len() < SHORT {
        return portable::order::bools_from_bytes(src, dst);
    }
    Order::active().bools_from_bytes(src, dst);
}
