//! The measured loops: one `#[inline(never)]` function per case, so that
//! both suites time one call of the same code and profiles show each case
//! as a symbol of its own.
//!
//! kryo5 cases are generic over the buffer flavour: pass an
//! [`Output`]/[`Input`] for the safe flavour or a
//! [`NativeOutput`]/[`NativeInput`] for the native one (or build either
//! with [`Buffers`]). Outputs are
//! `reset()` and inputs re-pointed with `set_buffer`, so a case allocates
//! nothing once its buffers have grown (except where the API itself must:
//! see [`read_str`]). Baseline cases (`leb128_*`, `cesu8_*`, [`memcpy`])
//! reuse a `Vec<u8>` the same way.
//!
//! All varint cases use `optimize_positive = true`, the encoding
//! [`data::var_ints`](crate::data::var_ints) spreads over every length.

use kryo5::io::output::sink::Memory;
use kryo5::io::source::SliceSource;
use kryo5::io::{
    Flavour, Input, InputBuffer, Native, NativeInput, NativeOutput, Output, OutputBuffer, Result,
    Safe,
};

use crate::baseline;

/// An in-memory output of either flavour.
pub type Out<F> = OutputBuffer<Memory, F>;

/// A slice input of either flavour.
pub type In<'de, F> = InputBuffer<'de, SliceSource<'de>, F>;

/// Buffer constructors generic over the flavour (kryo5 has them per
/// flavour), so a benchmark setup can be written once for both.
pub trait Buffers: Flavour {
    /// A growable memory output starting with `capacity` bytes.
    fn output(capacity: usize) -> Out<Self>;
    /// An input over `bytes`.
    fn input(bytes: &[u8]) -> In<'_, Self>;
}

impl Buffers for Safe {
    fn output(capacity: usize) -> Out<Self> {
        Output::with_capacity(capacity)
    }
    fn input(bytes: &[u8]) -> In<'_, Self> {
        Input::new(bytes)
    }
}

impl Buffers for Native {
    fn output(capacity: usize) -> Out<Self> {
        NativeOutput::with_capacity(capacity)
    }
    fn input(bytes: &[u8]) -> In<'_, Self> {
        NativeInput::new(bytes)
    }
}

// ----- varints, one call per value ---------------------------------------

/// kryo5: one `write_var_int(v, true)` call per value; returns the bytes
/// written.
///
/// # Errors
/// Never for a memory output below its maximum size.
#[inline(never)]
pub fn write_var_int_each<F: Flavour>(out: &mut Out<F>, values: &[i32]) -> Result<usize> {
    out.reset();
    for &v in values {
        out.write_var_int(v, true)?;
    }
    Ok(out.position())
}

/// kryo5: one `read_var_int(true)` call per element of `dst`, from `bytes`.
///
/// # Errors
/// If `bytes` holds fewer varints than `dst` has elements.
#[inline(never)]
pub fn read_var_int_each<'de, F: Flavour>(
    input: &mut In<'de, F>,
    bytes: &'de [u8],
    dst: &mut [i32],
) -> Result<()> {
    input.set_buffer(bytes);
    for d in dst {
        *d = input.read_var_int(true)?;
    }
    Ok(())
}

/// Baseline: [`baseline::write_u32`] (byte-at-a-time LEB128 with `push`)
/// for each value into `buf` (cleared first); returns the bytes written.
/// Serves both the single-value and the array comparisons: it is the same
/// plain loop.
#[inline(never)]
pub fn leb128_write_u32s(buf: &mut Vec<u8>, values: &[i32]) -> usize {
    buf.clear();
    for &v in values {
        baseline::write_u32(buf, v as u32);
    }
    buf.len()
}

/// Baseline: [`baseline::read_u32`] for each element of `dst`. `None` if
/// the input ends first.
#[inline(never)]
pub fn leb128_read_u32s(bytes: &[u8], dst: &mut [i32]) -> Option<()> {
    let mut pos = 0;
    for d in dst {
        *d = baseline::read_u32(bytes, &mut pos)? as i32;
    }
    Some(())
}

// ----- varint arrays ----------------------------------------------------------

/// kryo5: `write_ints_var_or_fixed(values, true)` (Kryo's
/// `writeInts(int[], true)`, variable-length encoding on).
///
/// # Errors
/// Never for a memory output below its maximum size.
#[inline(never)]
pub fn write_var_ints<F: Flavour>(out: &mut Out<F>, values: &[i32]) -> Result<usize> {
    out.reset();
    out.write_ints_var_or_fixed(values, true)?;
    Ok(out.position())
}

/// kryo5: `read_ints_var_or_fixed_into(dst, true)`.
///
/// # Errors
/// If `bytes` holds fewer varints than `dst` has elements.
#[inline(never)]
pub fn read_var_ints<'de, F: Flavour>(
    input: &mut In<'de, F>,
    bytes: &'de [u8],
    dst: &mut [i32],
) -> Result<()> {
    input.set_buffer(bytes);
    input.read_ints_var_or_fixed_into(dst, true)
}

/// kryo5: `write_longs_var_or_fixed(values, true)`.
///
/// # Errors
/// Never for a memory output below its maximum size.
#[inline(never)]
pub fn write_var_longs<F: Flavour>(out: &mut Out<F>, values: &[i64]) -> Result<usize> {
    out.reset();
    out.write_longs_var_or_fixed(values, true)?;
    Ok(out.position())
}

/// kryo5: `read_longs_var_or_fixed_into(dst, true)`.
///
/// # Errors
/// If `bytes` holds fewer varlongs than `dst` has elements.
#[inline(never)]
pub fn read_var_longs<'de, F: Flavour>(
    input: &mut In<'de, F>,
    bytes: &'de [u8],
    dst: &mut [i64],
) -> Result<()> {
    input.set_buffer(bytes);
    input.read_longs_var_or_fixed_into(dst, true)
}

/// Baseline: [`baseline::write_u64`] for each value into `buf` (cleared
/// first); returns the bytes written.
#[inline(never)]
pub fn leb128_write_u64s(buf: &mut Vec<u8>, values: &[i64]) -> usize {
    buf.clear();
    for &v in values {
        baseline::write_u64(buf, v as u64);
    }
    buf.len()
}

/// Baseline: [`baseline::read_u64`] for each element of `dst`.
#[inline(never)]
pub fn leb128_read_u64s(bytes: &[u8], dst: &mut [i64]) -> Option<()> {
    let mut pos = 0;
    for d in dst {
        *d = baseline::read_u64(bytes, &mut pos)? as i64;
    }
    Some(())
}

// ----- fixed-width arrays -----------------------------------------------------

macro_rules! fixed_cases {
    ($($t:ty: $write:ident, $read:ident, $wm:ident, $rm:ident, $java:literal;)*) => {$(
        #[doc = concat!("kryo5: `", stringify!($wm), "(values)` (Kryo's `", $java, "`); returns the bytes written.")]
        ///
        /// # Errors
        /// Never for a memory output below its maximum size.
        #[inline(never)]
        pub fn $write<F: Flavour>(out: &mut Out<F>, values: &[$t]) -> Result<usize> {
            out.reset();
            out.$wm(values)?;
            Ok(out.position())
        }

        #[doc = concat!("kryo5: `", stringify!($rm), "(dst)` from `bytes`.")]
        ///
        /// # Errors
        /// If `bytes` is too short.
        #[inline(never)]
        pub fn $read<'de, F: Flavour>(
            input: &mut In<'de, F>,
            bytes: &'de [u8],
            dst: &mut [$t],
        ) -> Result<()> {
            input.set_buffer(bytes);
            input.$rm(dst)
        }
    )*};
}

fixed_cases! {
    i32: write_ints, read_ints, write_ints, read_ints_into, "writeInts";
    i64: write_longs, read_longs, write_longs, read_longs_into, "writeLongs";
    f64: write_doubles, read_doubles, write_doubles, read_doubles_into, "writeDoubles";
    i16: write_shorts, read_shorts, write_shorts, read_shorts_into, "writeShorts";
}

/// Baseline for fixed-width arrays, both directions: `dst.copy_from_slice(src)`
/// (a `memcpy`) of the array's wire image, as many bytes as the kryo5 case
/// moves. Returns the bytes copied.
///
/// # Panics
/// If the lengths differ.
#[inline(never)]
pub fn memcpy(dst: &mut [u8], src: &[u8]) -> usize {
    dst.copy_from_slice(src);
    dst.len()
}

// ----- strings ---------------------------------------------------------------

/// kryo5: `write_string(Some(text))`; returns the bytes written.
///
/// # Errors
/// Never for a memory output below its maximum size.
#[inline(never)]
pub fn write_string<F: Flavour>(out: &mut Out<F>, text: &str) -> Result<usize> {
    out.reset();
    out.write_string(Some(text))?;
    Ok(out.position())
}

/// kryo5: `read_string_into(dst)` from `bytes`, reusing `dst`'s allocation.
///
/// # Errors
/// If `bytes` is not one Kryo string.
#[inline(never)]
pub fn read_string_into<'de, F: Flavour>(
    input: &mut In<'de, F>,
    bytes: &'de [u8],
    dst: &mut String,
) -> Result<bool> {
    input.set_buffer(bytes);
    input.read_string_into(dst)
}

/// kryo5: zero-copy `read_str()` from `bytes`; returns the string's UTF-8
/// length. Borrows when the bytes are UTF-8 (no supplementary characters),
/// copies up to 32 ASCII-form characters inline, and otherwise allocates
/// a `String` (dropped here, so that cost is part of the case).
///
/// # Errors
/// If `bytes` is not one Kryo string.
#[inline(never)]
pub fn read_str<'de, F: Flavour>(input: &mut In<'de, F>, bytes: &'de [u8]) -> Result<usize> {
    input.set_buffer(bytes);
    Ok(input.read_str()?.map_or(0, |s| s.len()))
}

/// Baseline: [`baseline::write_string`] into `buf` (cleared first);
/// returns the bytes written.
#[inline(never)]
pub fn cesu8_write(buf: &mut Vec<u8>, text: &str) -> usize {
    buf.clear();
    baseline::write_string(buf, text);
    buf.len()
}

/// Baseline: [`baseline::read_string`] from the start of `bytes` into
/// `dst`, reusing its allocation.
#[inline(never)]
pub fn cesu8_read(bytes: &[u8], dst: &mut String) -> Option<bool> {
    baseline::read_string(bytes, &mut 0, dst)
}
