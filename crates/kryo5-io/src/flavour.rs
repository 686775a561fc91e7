//! Buffer flavours: the safe little-endian format and the native one.
//!
//! Kryo has four buffer classes that differ on the wire in two ways only
//! (format spec section 4):
//!
//! | kryo5 flavour | Java classes | fixed-width order | NaN | bulk arrays |
//! |---|---|---|---|---|
//! | [`Safe`] | `Output`/`Input`, `ByteBufferOutput`/`ByteBufferInput` | little-endian | canonicalised | element by element |
//! | [`Native`] | `UnsafeOutput`/`UnsafeInput`, `UnsafeByteBufferOutput`/`UnsafeByteBufferInput` | native | raw bits kept | one bulk copy |
//!
//! `ByteBufferOutput` writes exactly the bytes of `Output`, so it needs no
//! flavour of its own. Everything else (varints, strings, booleans, bytes,
//! the variable-length switch, which defaults to on for all four Java
//! classes) is shared. The flavour is a type parameter of
//! [`Output`](crate::Output) and [`Input`](crate::Input): one implementation,
//! two instantiations.

use zerocopy::byteorder::{ByteOrder, LittleEndian, NativeEndian};

mod sealed {
    pub trait Sealed {}
}

/// A buffer flavour: [`Safe`] or [`Native`]. Sealed.
pub trait Flavour:
    sealed::Sealed + Copy + Default + std::fmt::Debug + Send + Sync + 'static
{
    /// Byte order of fixed-width values, as a `zerocopy` byte-order type;
    /// the zero-copy array views of [`Input`](crate::Input) use it.
    type Order: ByteOrder;
    /// `true` for the native flavour: native byte order, raw float bits,
    /// `readBoolean` accepting any non-zero byte, bulk array copies.
    const NATIVE: bool;
    /// The Java classes this flavour matches, for messages and docs.
    const JAVA_NAME: &'static str;
}

/// Kryo's `Output`/`Input` (and the byte-identical `ByteBuffer*` classes):
/// little-endian, NaN canonicalised. The portable choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Safe;

/// Kryo's `UnsafeOutput`/`UnsafeInput`: native byte order, raw float bits,
/// primitive arrays as one bulk copy. Equal to [`Safe`] on little-endian
/// hosts except for NaN payloads and booleans read as "non-zero".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Native;

impl sealed::Sealed for Safe {}
impl sealed::Sealed for Native {}

impl Flavour for Safe {
    type Order = LittleEndian;
    const NATIVE: bool = false;
    const JAVA_NAME: &'static str = "Output/Input";
}

impl Flavour for Native {
    type Order = NativeEndian;
    const NATIVE: bool = true;
    const JAVA_NAME: &'static str = "UnsafeOutput/UnsafeInput";
}

/// Fixed-width encoding per flavour, used by both directions.
pub(crate) trait Fixed: Flavour {
    #[inline(always)]
    fn u16_bytes(v: u16) -> [u8; 2] {
        if Self::NATIVE {
            v.to_ne_bytes()
        } else {
            v.to_le_bytes()
        }
    }
    #[inline(always)]
    fn u32_bytes(v: u32) -> [u8; 4] {
        if Self::NATIVE {
            v.to_ne_bytes()
        } else {
            v.to_le_bytes()
        }
    }
    #[inline(always)]
    fn u64_bytes(v: u64) -> [u8; 8] {
        if Self::NATIVE {
            v.to_ne_bytes()
        } else {
            v.to_le_bytes()
        }
    }
    #[inline(always)]
    fn u16_from(b: [u8; 2]) -> u16 {
        if Self::NATIVE {
            u16::from_ne_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    }
    #[inline(always)]
    fn u32_from(b: [u8; 4]) -> u32 {
        if Self::NATIVE {
            u32::from_ne_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    }
    #[inline(always)]
    fn u64_from(b: [u8; 8]) -> u64 {
        if Self::NATIVE {
            u64::from_ne_bytes(b)
        } else {
            u64::from_le_bytes(b)
        }
    }
    /// Bits written for a float: Java's `floatToIntBits` (canonical NaN) or
    /// the raw bits for the native flavour.
    #[inline(always)]
    fn f32_bits(v: f32) -> u32 {
        if !Self::NATIVE && v.is_nan() {
            0x7fc0_0000
        } else {
            v.to_bits()
        }
    }
    /// Bits written for a double, as [`Fixed::f32_bits`].
    #[inline(always)]
    fn f64_bits(v: f64) -> u64 {
        if !Self::NATIVE && v.is_nan() {
            0x7ff8_0000_0000_0000
        } else {
            v.to_bits()
        }
    }
    /// Kryo's single `readBoolean`: `== 1` for the safe classes, `!= 0` for
    /// the Unsafe ones.
    #[inline(always)]
    fn boolean(b: u8) -> bool {
        if Self::NATIVE { b != 0 } else { b == 1 }
    }
}

impl<F: Flavour> Fixed for F {}
