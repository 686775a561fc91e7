//! Bulk reads of primitive arrays (Kryo's `readInts`, `readLongs`, ...).
//!
//! Each comes in two shapes: `*_into(&mut [T])` fills a caller's buffer,
//! and `read_*s(n)` returns a `Vec`. A `Vec` is allocated only for what the
//! input can back: from a slice, the declared count is checked against the
//! bytes left before anything is allocated; from a stream, the vector grows
//! as bytes arrive.

use kryo5_arch::order::{self, Element};
use kryo5_arch::varint;

use super::InputBuffer;
use super::source::Source;
use crate::error::Result;
use crate::flavour::Flavour;

impl<S: Source, F: Flavour> InputBuffer<'_, S, F> {
    /// Reads `n` elements of at least `min_size` bytes each into a new
    /// vector, without allocating more than the input backs.
    fn read_vec<T: Copy + Default>(
        &mut self,
        n: usize,
        min_size: usize,
        mut fill: impl FnMut(&mut Self, &mut [T]) -> Result<()>,
    ) -> Result<Vec<T>> {
        if !S::STREAM {
            let need = n.saturating_mul(min_size);
            if need > self.available() {
                return Err(self.end_error(need));
            }
            let mut v = vec![T::default(); n];
            fill(self, &mut v)?;
            return Ok(v);
        }
        let mut v = Vec::new();
        while v.len() < n {
            self.optional(min_size)?;
            let step = (self.available() / min_size).clamp(1, n - v.len());
            let len = v.len();
            v.resize(len + step, T::default());
            fill(self, &mut v[len..])?;
        }
        Ok(v)
    }

    /// Fixed-width elements: little-endian for [`Safe`](crate::Safe),
    /// native order for [`Native`](crate::Native).
    fn read_fixed_into<T: Element>(&mut self, dst: &mut [T]) -> Result<()> {
        let size = size_of::<T>();
        let bytes = size_of_val(dst);
        if !S::STREAM && bytes > self.available() {
            return Err(self.end_error(bytes));
        }
        let mut rest = dst;
        while !rest.is_empty() {
            let fit = (self.available() / size).min(rest.len());
            if fit == 0 {
                self.require(size)?;
                continue;
            }
            let (now, later) = rest.split_at_mut(fit);
            let src = &self.rest()[..fit * size];
            if F::NATIVE {
                bytemuck::cast_slice_mut::<T, u8>(now).copy_from_slice(src);
            } else {
                order::from_le(src, now);
            }
            self.pos += fit * size;
            rest = later;
        }
        Ok(())
    }

    /// Kryo's `readBytes(byte[])`: fills `dst`.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(b"kryo");
    /// let mut buf = [0u8; 4];
    /// input.read_bytes_into(&mut buf)?;
    /// assert_eq!(&buf, b"kryo");
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`](crate::ErrorKind::UnexpectedEnd) if fewer bytes are left.
    pub fn read_bytes_into(&mut self, dst: &mut [u8]) -> Result<()> {
        if let Some(src) = self.rest().get(..dst.len()) {
            dst.copy_from_slice(src);
            self.pos += dst.len();
            return Ok(());
        }
        if !S::STREAM {
            return Err(self.end_error(dst.len()));
        }
        let mut rest = dst;
        while !rest.is_empty() {
            if self.optional(1)? == 0 {
                return Err(self.end_error(rest.len()));
            }
            let k = self.available().min(rest.len());
            let (now, later) = rest.split_at_mut(k);
            now.copy_from_slice(&self.rest()[..k]);
            self.pos += k;
            rest = later;
        }
        Ok(())
    }

    /// Kryo's `readBytes(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[1, 2, 3]).read_bytes(2)?, [1, 2]);
    /// assert!(kryo5_io::Input::new(&[1]).read_bytes(1 << 40).is_err()); // allocates nothing
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_bytes_into`](Self::read_bytes_into).
    pub fn read_bytes(&mut self, n: usize) -> Result<Vec<u8>> {
        self.read_vec(n, 1, Self::read_bytes_into)
    }

    /// Kryo's `readInts(int)` into `dst`: 4 bytes per element.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    /// let mut v = [0; 2];
    /// input.read_ints_into(&mut v)?;
    /// assert_eq!(v, [1, -1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`](crate::ErrorKind::UnexpectedEnd) if the input is too short.
    pub fn read_ints_into(&mut self, dst: &mut [i32]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readInts(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[1, 0, 0, 0]).read_ints(1)?, [1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_ints(&mut self, n: usize) -> Result<Vec<i32>> {
        self.read_vec(n, 4, Self::read_ints_into)
    }

    /// Kryo's `readLongs(int)` into `dst`: 8 bytes per element.
    ///
    /// ```
    /// let mut v = [0i64; 1];
    /// kryo5_io::Input::new(&[2, 0, 0, 0, 0, 0, 0, 0]).read_longs_into(&mut v)?;
    /// assert_eq!(v, [2]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_longs_into(&mut self, dst: &mut [i64]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readLongs(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[2, 0, 0, 0, 0, 0, 0, 0]).read_longs(1)?, [2]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_longs(&mut self, n: usize) -> Result<Vec<i64>> {
        self.read_vec(n, 8, Self::read_longs_into)
    }

    /// Kryo's `readShorts(int)` into `dst`.
    ///
    /// ```
    /// let mut v = [0i16; 1];
    /// kryo5_io::Input::new(&[0xfe, 0xff]).read_shorts_into(&mut v)?;
    /// assert_eq!(v, [-2]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_shorts_into(&mut self, dst: &mut [i16]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readShorts(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xfe, 0xff]).read_shorts(1)?, [-2]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_shorts(&mut self, n: usize) -> Result<Vec<i16>> {
        self.read_vec(n, 2, Self::read_shorts_into)
    }

    /// Kryo's `readChars(int)` into `dst`: UTF-16 units.
    ///
    /// ```
    /// let mut v = [0u16; 1];
    /// kryo5_io::Input::new(&[0xac, 0x20]).read_chars_into(&mut v)?;
    /// assert_eq!(v, [0x20ac]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_chars_into(&mut self, dst: &mut [u16]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readChars(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x41, 0]).read_chars(1)?, [0x41]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_chars(&mut self, n: usize) -> Result<Vec<u16>> {
        self.read_vec(n, 2, Self::read_chars_into)
    }

    /// Kryo's `readFloats(int)` into `dst` (bits as they are).
    ///
    /// ```
    /// let mut v = [0f32; 1];
    /// kryo5_io::Input::new(&[0, 0, 0x80, 0x3f]).read_floats_into(&mut v)?;
    /// assert_eq!(v, [1.0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_floats_into(&mut self, dst: &mut [f32]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readFloats(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0, 0, 0x80, 0x3f]).read_floats(1)?, [1.0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_floats(&mut self, n: usize) -> Result<Vec<f32>> {
        self.read_vec(n, 4, Self::read_floats_into)
    }

    /// Kryo's `readDoubles(int)` into `dst`.
    ///
    /// ```
    /// let mut v = [0f64; 1];
    /// kryo5_io::Input::new(&[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]).read_doubles_into(&mut v)?;
    /// assert_eq!(v, [1.0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_doubles_into(&mut self, dst: &mut [f64]) -> Result<()> {
        self.read_fixed_into(dst)
    }

    /// Kryo's `readDoubles(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]).read_doubles(1)?, [1.0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_doubles(&mut self, n: usize) -> Result<Vec<f64>> {
        self.read_vec(n, 8, Self::read_doubles_into)
    }

    /// Kryo's `readBooleans(int)` into `dst`: any non-zero byte is `true`
    /// (Java's bulk rule, unlike [`read_boolean`](Self::read_boolean)).
    ///
    /// ```
    /// let mut v = [false; 3];
    /// kryo5_io::Input::new(&[1, 2, 0]).read_booleans_into(&mut v)?;
    /// assert_eq!(v, [true, true, false]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_booleans_into(&mut self, dst: &mut [bool]) -> Result<()> {
        if !S::STREAM && dst.len() > self.available() {
            return Err(self.end_error(dst.len()));
        }
        let mut rest = dst;
        while !rest.is_empty() {
            if self.optional(1)? == 0 {
                return Err(self.end_error(rest.len()));
            }
            let k = self.available().min(rest.len());
            let (now, later) = rest.split_at_mut(k);
            order::bools_from_bytes(&self.rest()[..k], now);
            self.pos += k;
            rest = later;
        }
        Ok(())
    }

    /// Kryo's `readBooleans(int)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[1, 0]).read_booleans(2)?, [true, false]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_into`](Self::read_ints_into).
    pub fn read_booleans(&mut self, n: usize) -> Result<Vec<bool>> {
        self.read_vec(n, 1, Self::read_booleans_into)
    }

    /// Drives a varint kernel over the input: `step(bytes, done)` handles
    /// whole values from `bytes` (`done` of `count` are finished) and says
    /// how many and how many bytes; a stream is refilled between steps.
    fn var_run(
        &mut self,
        count: usize,
        max_len: usize,
        mut step: impl FnMut(&[u8], usize) -> (usize, usize),
    ) -> Result<()> {
        let mut done = 0;
        loop {
            let (n, b) = step(self.rest(), done);
            self.pos += b;
            done += n;
            if done == count {
                return Ok(());
            }
            let have = self.available();
            if n == 0 {
                if self.optional(have + 1)? <= have {
                    return Err(self.end_error(have + 1));
                }
            } else if S::STREAM {
                self.optional(max_len)?;
            }
        }
    }

    /// Kryo's `readInts(int, boolean)`: varints if variable-length encoding
    /// is on (the default), else as [`read_ints_into`](Self::read_ints_into).
    ///
    /// ```
    /// let mut v = [0; 3];
    /// kryo5_io::Input::new(&[0x02, 0x01, 0xd8, 0x04]).read_ints_var_or_fixed_into(&mut v, false)?;
    /// assert_eq!(v, [1, -1, 300]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`](crate::ErrorKind::UnexpectedEnd) if the input ends first.
    pub fn read_ints_var_or_fixed_into(
        &mut self,
        dst: &mut [i32],
        optimize_positive: bool,
    ) -> Result<()> {
        if !self.variable_length_encoding() {
            return self.read_ints_into(dst);
        }
        self.read_var_ints_into(dst, optimize_positive)
    }

    /// Kryo's `readInts(int, boolean)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x96, 0x01]).read_ints_var_or_fixed(1, true)?, [150]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_var_or_fixed_into`](Self::read_ints_var_or_fixed_into).
    pub fn read_ints_var_or_fixed(
        &mut self,
        n: usize,
        optimize_positive: bool,
    ) -> Result<Vec<i32>> {
        let min = if self.variable_length_encoding() {
            1
        } else {
            4
        };
        self.read_vec(n, min, |input, dst| {
            input.read_ints_var_or_fixed_into(dst, optimize_positive)
        })
    }

    /// Varints into `dst`, whatever the variable-length switch says.
    ///
    /// ```
    /// let mut v = [0; 2];
    /// kryo5_io::Input::new(&[0x01, 0xac, 0x02]).read_var_ints_into(&mut v, true)?;
    /// assert_eq!(v, [1, 300]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_var_or_fixed_into`](Self::read_ints_var_or_fixed_into).
    pub fn read_var_ints_into(&mut self, dst: &mut [i32], optimize_positive: bool) -> Result<()> {
        let count = dst.len();
        self.var_run(count, 5, |src, done| {
            varint::decode_i32s(src, optimize_positive, &mut dst[done..])
        })
    }

    /// Kryo's `readLongs(int, boolean)`: varlongs if variable-length encoding
    /// is on, else as [`read_longs_into`](Self::read_longs_into).
    ///
    /// ```
    /// let mut v = [0i64; 2];
    /// kryo5_io::Input::new(&[0x02, 0x01]).read_longs_var_or_fixed_into(&mut v, false)?;
    /// assert_eq!(v, [1, -1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_var_or_fixed_into`](Self::read_ints_var_or_fixed_into).
    pub fn read_longs_var_or_fixed_into(
        &mut self,
        dst: &mut [i64],
        optimize_positive: bool,
    ) -> Result<()> {
        if !self.variable_length_encoding() {
            return self.read_longs_into(dst);
        }
        self.read_var_longs_into(dst, optimize_positive)
    }

    /// Kryo's `readLongs(int, boolean)`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x01]).read_longs_var_or_fixed(1, false)?, [-1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_var_or_fixed_into`](Self::read_ints_var_or_fixed_into).
    pub fn read_longs_var_or_fixed(
        &mut self,
        n: usize,
        optimize_positive: bool,
    ) -> Result<Vec<i64>> {
        let min = if self.variable_length_encoding() {
            1
        } else {
            8
        };
        self.read_vec(n, min, |input, dst| {
            input.read_longs_var_or_fixed_into(dst, optimize_positive)
        })
    }

    /// Varlongs into `dst`, whatever the variable-length switch says.
    ///
    /// ```
    /// let mut v = [0i64; 1];
    /// kryo5_io::Input::new(&[0xff; 9]).read_var_longs_into(&mut v, true)?;
    /// assert_eq!(v, [-1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_ints_var_or_fixed_into`](Self::read_ints_var_or_fixed_into).
    pub fn read_var_longs_into(&mut self, dst: &mut [i64], optimize_positive: bool) -> Result<()> {
        let count = dst.len();
        self.var_run(count, 9, |src, done| {
            varint::decode_i64s(src, optimize_positive, &mut dst[done..])
        })
    }

    /// Passes over `count` varints without decoding them.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x80, 0x01, 0x05, 0x07]);
    /// input.skip_var_ints(2)?;
    /// assert_eq!(input.read_byte()?, 7);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`](crate::ErrorKind::UnexpectedEnd) if the input ends first.
    pub fn skip_var_ints(&mut self, count: usize) -> Result<()> {
        self.var_run(count, 5, |src, done| varint::skip_i32s(src, count - done))
    }

    /// Passes over `count` varlongs without decoding them.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0xff; 9]);
    /// input.skip_var_longs(1)?;
    /// assert!(input.end()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`skip_var_ints`](Self::skip_var_ints).
    pub fn skip_var_longs(&mut self, count: usize) -> Result<()> {
        self.var_run(count, 9, |src, done| varint::skip_i64s(src, count - done))
    }
}
