//! Bulk writes of primitive arrays (Kryo's `writeInts`, `writeLongs`, ...;
//! format spec section 3). No length is written: the array serializers of
//! the object layer add it.

use kryo5_arch::order::{self, Element};
use kryo5_arch::{scalar, varint};

use super::OutputBuffer;
use super::sink::Sink;
use crate::error::Result;
use crate::flavour::Flavour;

impl<S: Sink, F: Flavour> OutputBuffer<S, F> {
    /// Fixed-width elements. [`Native`](crate::Native) copies the array's
    /// memory as Java's `UnsafeOutput` does (split anywhere on a stream, like
    /// `writeBytes`); [`Safe`](crate::Safe) converts to little-endian and, on
    /// a stream, follows Java: the whole array after one `require` if the
    /// buffer can hold it, else element by element.
    fn write_fixed<T: Element>(
        &mut self,
        values: &[T],
        to_wire: fn(&[T], &mut [u8]),
    ) -> Result<()> {
        if F::NATIVE {
            return self.write_bytes(bytemuck::cast_slice(values));
        }
        let size = size_of::<T>();
        let bytes = size_of_val(values);
        if !S::STREAM || self.buf.len() >= bytes {
            to_wire(values, self.reserve(bytes)?);
            self.pos += bytes;
            return Ok(());
        }
        let mut rest = values;
        while !rest.is_empty() {
            let fit = (self.spare() / size).min(rest.len());
            if fit == 0 {
                self.require(size)?;
                continue;
            }
            to_wire(&rest[..fit], &mut self.buf[self.pos..self.pos + fit * size]);
            self.pos += fit * size;
            rest = &rest[fit..];
        }
        Ok(())
    }

    /// A run of varints (or varlongs): whole values only, flushing on a
    /// stream exactly where Java's per-element `writeVarInt` would.
    fn write_var_run<T: Copy>(
        &mut self,
        values: &[T],
        max_len: usize,
        encode: impl Fn(&[T], &mut [u8]) -> (usize, usize),
        exact_len: impl Fn(&[T]) -> usize,
        first_len: impl Fn(T) -> usize,
    ) -> Result<()> {
        if !S::STREAM {
            // All or nothing: reserve the worst case if allowed, else the
            // exact size.
            let worst = values.len().saturating_mul(max_len);
            let need = if worst <= self.max - self.pos {
                worst
            } else {
                exact_len(values)
            };
            self.require(need)?;
        }
        let mut rest = values;
        loop {
            let (n, b) = encode(rest, &mut self.buf[self.pos..]);
            self.pos += b;
            rest = &rest[n..];
            let Some(&next) = rest.first() else {
                return Ok(());
            };
            self.require(first_len(next))?;
        }
    }

    /// Kryo's `writeInts(int[], off, n)`: 4 bytes per element, no length.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_ints(&[1, -1])?;
    /// assert_eq!(out.as_slice(), &[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_ints(&mut self, values: &[i32]) -> Result<()> {
        self.write_fixed(values, order::to_le)
    }

    /// Kryo's `writeLongs(long[], off, n)`: 8 bytes per element.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_longs(&[1])?;
    /// assert_eq!(out.as_slice(), &[1, 0, 0, 0, 0, 0, 0, 0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_longs(&mut self, values: &[i64]) -> Result<()> {
        self.write_fixed(values, order::to_le)
    }

    /// Kryo's `writeShorts`: 2 bytes per element.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_shorts(&[1, -2])?;
    /// assert_eq!(out.as_slice(), &[1, 0, 0xfe, 0xff]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_shorts(&mut self, values: &[i16]) -> Result<()> {
        self.write_fixed(values, order::to_le)
    }

    /// Kryo's `writeChars`: 2 bytes per UTF-16 unit.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_chars(&[0x41, 0x20ac])?;
    /// assert_eq!(out.as_slice(), &[0x41, 0, 0xac, 0x20]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_chars(&mut self, values: &[u16]) -> Result<()> {
        self.write_fixed(values, order::to_le)
    }

    /// Kryo's `writeFloats`: 4 bytes per element, NaN as in
    /// [`write_float`](Self::write_float).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_floats(&[1.0, -0.0])?;
    /// assert_eq!(out.as_slice(), &[0, 0, 0x80, 0x3f, 0, 0, 0, 0x80]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_floats(&mut self, values: &[f32]) -> Result<()> {
        self.write_fixed(values, order::f32_to_le_canonical)
    }

    /// Kryo's `writeDoubles`: 8 bytes per element, NaN as in
    /// [`write_double`](Self::write_double).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_doubles(&[1.0])?;
    /// assert_eq!(out.as_slice(), &[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_doubles(&mut self, values: &[f64]) -> Result<()> {
        self.write_fixed(values, order::f64_to_le_canonical)
    }

    /// Kryo's `writeBooleans`: one byte each, `01` or `00`.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_booleans(&[true, false])?;
    /// assert_eq!(out.as_slice(), &[1, 0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_booleans(&mut self, values: &[bool]) -> Result<()> {
        let bytes: &[u8] = bytemuck::cast_slice(values);
        if !F::NATIVE && S::STREAM && self.buf.len() >= bytes.len() {
            // Java's safe writer requires the whole array first when its
            // buffer can hold it (possibly flushing early).
            self.reserve(bytes.len())?.copy_from_slice(bytes);
            self.pos += bytes.len();
            return Ok(());
        }
        // Otherwise one byte at a time, flushing when full: `writeBytes`.
        self.write_bytes(bytes)
    }

    /// Kryo's `writeInts(int[], off, n, optimizePositive)`: one varint per
    /// element if variable-length encoding is on (the default), else as
    /// [`write_ints`](Self::write_ints).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_ints_var_or_fixed(&[1, -1, 300], false)?;
    /// assert_eq!(out.as_slice(), &[0x02, 0x01, 0xd8, 0x04]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_ints_var_or_fixed(
        &mut self,
        values: &[i32],
        optimize_positive: bool,
    ) -> Result<()> {
        if !self.var_len {
            return self.write_ints(values);
        }
        self.write_var_ints(values, optimize_positive)
    }

    /// One varint per element, whatever the variable-length switch says.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_var_ints(&[1, 300], true)?;
    /// assert_eq!(out.as_slice(), &[0x01, 0xac, 0x02]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_var_ints(&mut self, values: &[i32], optimize_positive: bool) -> Result<()> {
        self.write_var_run(
            values,
            5,
            |v, dst| varint::encode_i32s(v, optimize_positive, dst),
            |v| varint::encoded_len_i32s(v, optimize_positive),
            |v| scalar::var_u32_len(scalar::to_unsigned32(v, optimize_positive)),
        )
    }

    /// Kryo's `writeLongs(long[], off, n, optimizePositive)`: one varlong per
    /// element if variable-length encoding is on, else as
    /// [`write_longs`](Self::write_longs).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_longs_var_or_fixed(&[1, -1], false)?;
    /// assert_eq!(out.as_slice(), &[0x02, 0x01]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_longs_var_or_fixed(
        &mut self,
        values: &[i64],
        optimize_positive: bool,
    ) -> Result<()> {
        if !self.var_len {
            return self.write_longs(values);
        }
        self.write_var_longs(values, optimize_positive)
    }

    /// One varlong per element, whatever the variable-length switch says.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_var_longs(&[-1], true)?;
    /// assert_eq!(out.as_slice(), &[0xff; 9]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_bytes`](Self::write_bytes).
    pub fn write_var_longs(&mut self, values: &[i64], optimize_positive: bool) -> Result<()> {
        self.write_var_run(
            values,
            9,
            |v, dst| varint::encode_i64s(v, optimize_positive, dst),
            |v| varint::encoded_len_i64s(v, optimize_positive),
            |v| scalar::var_u64_len(scalar::to_unsigned64(v, optimize_positive)),
        )
    }
}
