//! [`Input`]: Kryo 5's `Input`, reading every primitive as Java does.
//!
//! The source parameter says where bytes come from (a borrowed slice, the
//! default; a buffered [`Reader`]; a [`ChunkReader`]), the flavour which
//! byte layout ([`Safe`] or [`Native`]). Every read returns a [`Result`]:
//! truncated input, declared lengths larger than the input and malformed
//! strings are typed errors with the byte offset where the value started,
//! never a panic, and never an allocation the input cannot back.

mod arrays;
mod borrowed;
pub mod source;
mod text;

pub use borrowed::StrRef;

use std::marker::PhantomData;

use kryo5_arch::scalar;

use crate::error::{Error, ErrorKind, Result};
use crate::flavour::{Fixed, Flavour, Native, Safe};
use source::{Buffered, ChunkReader, Fill, Reader, SliceSource, Source};

/// The input buffer behind [`Input`] (safe flavour) and [`NativeInput`]:
/// every Kryo 5 read method, generic over the source and the flavour.
///
/// ```
/// use kryo5_io::Input;
/// let mut input = Input::new(&[0xac, 0x02, 0x61, 0xe2, 0xff, 0xff, 0xff, 0xff]);
/// assert_eq!(input.read_var_int(true)?, 300);
/// assert_eq!(input.read_string()?.as_deref(), Some("ab"));
/// assert_eq!(input.read_int()?, -1);
/// assert!(input.end()?);
/// # Ok::<(), kryo5_io::Error>(())
/// ```
#[derive(Debug)]
pub struct InputBuffer<'de, S: Source, F: Flavour> {
    pub(crate) src: S,
    /// Kryo's `position`, inside the source's window.
    pub(crate) pos: usize,
    var_len: bool,
    _marker: PhantomData<(&'de [u8], F)>,
}

/// Kryo's `Input`: an [`InputBuffer`] of the [`Safe`] flavour, over a
/// borrowed slice by default (see [`InputBuffer::from_reader`] and
/// [`InputBuffer::chunked`] for streams).
pub type Input<'de, S = SliceSource<'de>> = InputBuffer<'de, S, Safe>;

/// Kryo's `UnsafeInput`: an [`InputBuffer`] of the [`Native`] flavour.
pub type NativeInput<'de, S = SliceSource<'de>> = InputBuffer<'de, S, Native>;

/// An [`InputBuffer`] over any `std::io::Read`.
pub type StreamInput<R, F = Safe> = InputBuffer<'static, Buffered<Reader<R>>, F>;

/// Kryo's `InputChunked`: see [`InputBuffer::chunked`].
pub type InputChunked<R, F = Safe> = InputBuffer<'static, Buffered<ChunkReader<R>>, F>;

macro_rules! constructors {
    ($flavour:ty, $alias:literal) => {
        impl<'de> InputBuffer<'de, SliceSource<'de>, $flavour> {
            /// Reads from `bytes` (Kryo's `Input(byte[])`); zero-copy reads
            /// borrow from it.
            #[doc = concat!("\n\n```\nlet input = kryo5_io::", $alias, "::new(&[1, 2, 3]);\nassert_eq!(input.available(), 3);\n```")]
            #[must_use]
            pub fn new(bytes: &'de [u8]) -> Self {
                Self::from_source(SliceSource { data: bytes })
            }
        }

        impl<R: std::io::Read> InputBuffer<'static, Buffered<Reader<R>>, $flavour> {
            /// Reads from `reader` through Java's default 4096-byte buffer
            /// (Kryo's `Input(InputStream)`).
            #[doc = concat!("\n\n```\nlet mut input = kryo5_io::", $alias, "::from_reader(&[7u8][..]);\nassert_eq!(input.read_byte()?, 7);\n# Ok::<(), kryo5_io::Error>(())\n```")]
            pub fn from_reader(reader: R) -> Self {
                Self::from_reader_capacity(reader, source::DEFAULT_BUFFER)
            }

            /// Reads from `reader` through a `buffer_size` buffer (Kryo's
            /// `Input(InputStream, bufferSize)`; at least 16).
            #[doc = concat!("\n\n```\nlet mut input = kryo5_io::", $alias, "::from_reader_capacity(&[7u8][..], 64);\nassert_eq!(input.read_byte()?, 7);\n# Ok::<(), kryo5_io::Error>(())\n```")]
            pub fn from_reader_capacity(reader: R, buffer_size: usize) -> Self {
                Self::from_source(Buffered::new(Reader::new(reader), buffer_size))
            }
        }
    };
}

constructors!(Safe, "Input");
constructors!(Native, "NativeInput");

impl<R: Fill> InputBuffer<'static, Buffered<ChunkReader<R>>, Safe> {
    /// Kryo's `InputChunked(inputStream, bufferSize)`: reads the data of a run
    /// of chunks from `stream`, which may be a [`Reader`] or another
    /// `&mut Input` (nested chunked encoding). At the run's `00` marker the
    /// input reads as ended until [`InputBuffer::next_chunk`].
    ///
    /// ```
    /// use kryo5_io::{Input, source::Reader};
    /// let data = [0x06, 1, 0, 0, 0, 0x61, 0xe2, 0x00];
    /// let mut input = Input::chunked(Reader::new(&data[..]), 1024);
    /// assert_eq!(input.read_int()?, 1);
    /// assert_eq!(input.read_string()?.as_deref(), Some("ab"));
    /// assert!(input.end()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn chunked(stream: R, buffer_size: usize) -> Self {
        Self::from_source(Buffered::new(ChunkReader::new(stream), buffer_size))
    }
}

impl<'de, S: Source, F: Flavour> InputBuffer<'de, S, F> {
    /// An input over any [`Source`].
    pub fn from_source(src: S) -> Self {
        InputBuffer {
            src,
            pos: 0,
            var_len: true,
            _marker: PhantomData,
        }
    }

    // ----- state ---------------------------------------------------------

    /// Position inside the buffered window (Kryo's `position()`; for a slice
    /// input, the offset into the slice).
    #[inline]
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Moves the read position inside the window (Kryo's `setPosition`).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2, 3]);
    /// input.set_position(2)?;
    /// assert_eq!(input.read_byte()?, 3);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] past the window's end.
    pub fn set_position(&mut self, position: usize) -> Result<()> {
        if position > self.limit() {
            return Err(self.error(ErrorKind::InvalidArgument("position past the input limit")));
        }
        self.pos = position;
        Ok(())
    }

    /// End of the buffered window (Kryo's `limit()`; the slice length for a
    /// slice input).
    #[inline]
    #[must_use]
    pub fn limit(&self) -> usize {
        self.src.window().len()
    }

    /// Bytes buffered and not yet read (for a slice input: all that is left).
    #[inline]
    #[must_use]
    pub fn available(&self) -> usize {
        self.src.window().len() - self.pos
    }

    /// Bytes read since the start (Kryo's `total()`).
    #[inline]
    #[must_use]
    pub fn total(&self) -> u64 {
        self.src.discarded() + self.pos as u64
    }

    /// Whether the `*_var_or_fixed` methods read varints (on by default).
    #[must_use]
    pub fn variable_length_encoding(&self) -> bool {
        self.var_len
    }

    /// Kryo's `setVariableLengthEncoding` (format spec section 1.8).
    pub fn set_variable_length_encoding(&mut self, enabled: bool) {
        self.var_len = enabled;
    }

    /// The source.
    pub fn source(&self) -> &S {
        &self.src
    }

    /// Unwraps the source.
    pub fn into_source(self) -> S {
        self.src
    }

    #[cold]
    pub(crate) fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.total())
    }

    #[cold]
    pub(crate) fn end_error(&self, requested: usize) -> Error {
        self.error(ErrorKind::UnexpectedEnd {
            requested,
            available: self.available(),
        })
    }

    /// Makes `n` bytes available or fails (Kryo's `require`).
    #[inline]
    pub(crate) fn require(&mut self, n: usize) -> Result<()> {
        if self.available() >= n {
            return Ok(());
        }
        self.require_slow(n)
    }

    #[cold]
    #[inline(never)]
    fn require_slow(&mut self, n: usize) -> Result<()> {
        if self.optional(n)? < n {
            return Err(self.end_error(n));
        }
        Ok(())
    }

    /// Tries to make `n` bytes available; returns how many are (at most
    /// `n`), 0 at the end (Kryo's `optional`).
    pub(crate) fn optional(&mut self, n: usize) -> Result<usize> {
        if S::STREAM && self.available() < n {
            self.src.refill(self.pos, n)?;
            self.pos = 0;
        }
        Ok(self.available().min(n))
    }

    /// The unread part of the window.
    #[inline(always)]
    pub(crate) fn rest(&self) -> &[u8] {
        &self.src.window()[self.pos..]
    }

    #[inline(always)]
    fn take<const N: usize>(&mut self) -> Result<[u8; N]> {
        if let Some(&bytes) = self.rest().first_chunk::<N>() {
            self.pos += N;
            return Ok(bytes);
        }
        self.take_slow()
    }

    #[cold]
    #[inline(never)]
    fn take_slow<const N: usize>(&mut self) -> Result<[u8; N]> {
        self.require(N)?;
        let bytes = self.rest().first_chunk::<N>().copied().unwrap_or([0; N]);
        self.pos += N;
        Ok(bytes)
    }

    /// The next up-to-9 bytes as a little-endian word plus a ninth byte,
    /// zero-filled past the end, and how many are real: what a varint is
    /// decoded from near the end of the input.
    #[cold]
    fn tail(&mut self, want: usize) -> Result<(u64, u8, usize)> {
        let n = self.optional(want)?;
        let rest = self.rest();
        let mut word = [0u8; 8];
        let k = n.min(8);
        word[..k].copy_from_slice(&rest[..k]);
        let ninth = if n > 8 { rest[8] } else { 0 };
        Ok((u64::from_le_bytes(word), ninth, n))
    }

    // ----- bytes -----------------------------------------------------------

    /// Whether no byte is left (Kryo's `end()`).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[]);
    /// assert!(input.end()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If a stream fails.
    pub fn end(&mut self) -> Result<bool> {
        Ok(self.optional(1)? == 0)
    }

    /// Kryo's `readByte` (a Java `byte` is `as i8` of this).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0xff]);
    /// assert_eq!(input.read_byte()?, 0xff);
    /// assert!(input.read_byte().is_err());
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] at the end of input; stream errors.
    #[inline]
    pub fn read_byte(&mut self) -> Result<u8> {
        self.take::<1>().map(|[b]| b)
    }

    /// The next byte without consuming it.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[9]);
    /// assert_eq!(input.peek_byte()?, 9);
    /// assert_eq!(input.read_byte()?, 9);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn peek_byte(&mut self) -> Result<u8> {
        if let Some(&b) = self.rest().first() {
            return Ok(b);
        }
        self.require(1)?;
        Ok(self.rest()[0])
    }

    /// Kryo's `readBoolean`: [`Safe`] reads only `01` as true (as Java's
    /// `Input`), [`Native`] any non-zero byte (as `UnsafeInput`).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2]);
    /// assert!(input.read_boolean()?);
    /// assert!(!input.read_boolean()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_boolean(&mut self) -> Result<bool> {
        self.take::<1>().map(|[b]| F::boolean(b))
    }

    /// Kryo's `skip`: passes over `n` bytes.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2, 3]);
    /// input.skip(2)?;
    /// assert_eq!(input.read_byte()?, 3);
    /// assert!(input.skip(1).is_err());
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if fewer bytes are left.
    pub fn skip(&mut self, n: usize) -> Result<()> {
        if !S::STREAM && n > self.available() {
            return Err(self.end_error(n));
        }
        let mut left = n;
        loop {
            let k = left.min(self.available());
            self.pos += k;
            left -= k;
            if left == 0 {
                return Ok(());
            }
            if self.optional(1)? == 0 {
                return Err(self.end_error(left));
            }
        }
    }

    /// Skips `expected` if the bytes buffered next are exactly it, and
    /// says whether it did; reads nothing otherwise (nor refills a stream
    /// input: bytes not yet buffered count as different). For a reader
    /// that usually meets the same bytes, such as a schema of field names.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2, 3]);
    /// assert!(!input.skip_if_next(&[1, 3]));
    /// assert!(input.skip_if_next(&[1, 2]));
    /// assert!(!input.skip_if_next(&[3, 4]));
    /// assert_eq!(input.read_byte()?, 3);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    #[inline]
    pub fn skip_if_next(&mut self, expected: &[u8]) -> bool {
        let next = self.rest().starts_with(expected);
        if next {
            self.pos += expected.len();
        }
        next
    }

    // ----- fixed width -----------------------------------------------------

    /// Kryo's `readShort`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xfe, 0xff]).read_short()?, -2);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_short(&mut self) -> Result<i16> {
        self.take().map(|b| F::u16_from(b) as i16)
    }

    /// Kryo's `readShortUnsigned`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xfe, 0xff]).read_short_unsigned()?, 0xfffe);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_short_unsigned(&mut self) -> Result<u16> {
        self.take().map(F::u16_from)
    }

    /// Kryo's `readChar`: one UTF-16 code unit.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xac, 0x20]).read_char()?, 0x20ac);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_char(&mut self) -> Result<u16> {
        self.take().map(F::u16_from)
    }

    /// Kryo's `readInt()`: 4 bytes.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x78, 0x56, 0x34, 0x12]).read_int()?, 0x12345678);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_int(&mut self) -> Result<i32> {
        self.take().map(|b| F::u32_from(b) as i32)
    }

    /// Kryo's `readLong()`: 8 bytes.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[8, 7, 6, 5, 4, 3, 2, 1]).read_long()?, 0x0102030405060708);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_long(&mut self) -> Result<i64> {
        self.take().map(|b| F::u64_from(b) as i64)
    }

    /// Kryo's `readFloat`: the bits as they are (NaN payloads kept).
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0, 0, 0x80, 0x3f]).read_float()?, 1.0);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_float(&mut self) -> Result<f32> {
        self.take().map(|b| f32::from_bits(F::u32_from(b)))
    }

    /// Kryo's `readDouble`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]).read_double()?, 1.0);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn read_double(&mut self) -> Result<f64> {
        self.take().map(|b| f64::from_bits(F::u64_from(b)))
    }

    /// Kryo's `readInt(int count)`: `count` (1..=4) bytes big-endian,
    /// sign-extended from the first.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xff, 0xfe]).read_int_count(2)?, -2);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for a count outside 1..=4 (Java fails
    /// on 0 too); as [`read_byte`](Self::read_byte) otherwise.
    pub fn read_int_count(&mut self, count: usize) -> Result<i32> {
        if !(1..=4).contains(&count) {
            return Err(self.error(ErrorKind::InvalidArgument("count must be 1..=4")));
        }
        self.read_long_count(count).map(|v| v as i32)
    }

    /// Kryo's `readLong(int count)`: `count` (1..=8) bytes big-endian,
    /// sign-extended.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x80, 0, 0]).read_long_count(3)?, -8388608);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for a count outside 1..=8; as
    /// [`read_byte`](Self::read_byte) otherwise.
    pub fn read_long_count(&mut self, count: usize) -> Result<i64> {
        if !(1..=8).contains(&count) {
            return Err(self.error(ErrorKind::InvalidArgument("count must be 1..=8")));
        }
        self.require(count)?;
        let mut be = [0u8; 8];
        be[8 - count..].copy_from_slice(&self.rest()[..count]);
        self.pos += count;
        let shift = 64 - 8 * count as u32;
        Ok((i64::from_be_bytes(be) << shift) >> shift)
    }

    // ----- variable length -------------------------------------------------

    /// Kryo's `readVarInt`: 1 to 5 bytes, exactly as Java decodes them
    /// (overlong forms accepted; the fifth byte always ends the value and
    /// only its low 4 bits count).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0xac, 0x02, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    /// assert_eq!(input.read_var_int(true)?, 300);
    /// assert_eq!(input.read_var_int(false)?, -1);
    /// assert_eq!(input.read_var_int(true)?, -1); // 5 bytes; the 0x01 is left
    /// assert_eq!(input.read_byte()?, 1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if the input ends inside the varint.
    #[inline]
    pub fn read_var_int(&mut self, optimize_positive: bool) -> Result<i32> {
        let rest = self.rest();
        if let Some(&b) = rest.first()
            && b < 0x80
        {
            self.pos += 1;
            return Ok(scalar::from_unsigned32(u32::from(b), optimize_positive));
        }
        let u = match rest.first_chunk::<8>() {
            Some(w) => {
                let (u, len) = scalar::decode_var_u32(u64::from_le_bytes(*w));
                self.pos += len;
                u
            }
            None => self.read_var_u32_slow()?,
        };
        Ok(scalar::from_unsigned32(u, optimize_positive))
    }

    #[cold]
    #[inline(never)]
    fn read_var_u32_slow(&mut self) -> Result<u32> {
        let (word, _, n) = self.tail(5)?;
        let (u, len) = scalar::decode_var_u32(word);
        if len > n {
            return Err(self.end_error(n + 1));
        }
        self.pos += len;
        Ok(u)
    }

    /// Kryo's `readVarLong`: 1 to 9 bytes, the ninth carrying 8 bits.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0xff; 9]);
    /// assert_eq!(input.read_var_long(true)?, -1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if the input ends inside the varlong.
    #[inline]
    pub fn read_var_long(&mut self, optimize_positive: bool) -> Result<i64> {
        let rest = self.rest();
        if let Some(&b) = rest.first()
            && b < 0x80
        {
            self.pos += 1;
            return Ok(scalar::from_unsigned64(u64::from(b), optimize_positive));
        }
        let u = match (rest.first_chunk::<8>(), rest.get(8)) {
            (Some(w), Some(&ninth)) => {
                let (u, len) = scalar::decode_var_u64(u64::from_le_bytes(*w), ninth);
                self.pos += len;
                u
            }
            _ => self.read_var_u64_slow()?,
        };
        Ok(scalar::from_unsigned64(u, optimize_positive))
    }

    #[cold]
    #[inline(never)]
    fn read_var_u64_slow(&mut self) -> Result<u64> {
        let (word, ninth, n) = self.tail(9)?;
        let (u, len) = scalar::decode_var_u64(word, ninth);
        if len > n {
            return Err(self.end_error(n + 1));
        }
        self.pos += len;
        Ok(u)
    }

    /// Kryo's `readVarIntFlag()`: bit 7 of the next byte, without consuming
    /// it. Read the value after it with
    /// [`read_var_int_flag`](Self::read_var_int_flag).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0xc0, 0x81, 0x01]);
    /// assert!(input.peek_var_int_flag()?);
    /// assert_eq!(input.read_var_int_flag(true)?, 8256);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_byte`](Self::read_byte).
    #[inline]
    pub fn peek_var_int_flag(&mut self) -> Result<bool> {
        self.peek_byte().map(|b| b & 0x80 != 0)
    }

    /// Kryo's `readVarIntFlag(boolean)`: the value of a varint-flag (bit 7 of
    /// the first byte is the flag, ignored here).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x7f, 0xff, 0xff, 0xff, 0xff]);
    /// assert_eq!(input.read_var_int_flag(true)?, -1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if the input ends inside the value.
    #[inline]
    pub fn read_var_int_flag(&mut self, optimize_positive: bool) -> Result<i32> {
        let u = match self.rest().first_chunk::<8>() {
            Some(w) => {
                let (u, len) = scalar::decode_var_flag(u64::from_le_bytes(*w));
                self.pos += len;
                u
            }
            None => {
                let (word, _, n) = self.tail(5)?;
                let (u, len) = scalar::decode_var_flag(word);
                if len > n {
                    return Err(self.end_error(n + 1));
                }
                self.pos += len;
                u
            }
        };
        Ok(scalar::from_unsigned32(u, optimize_positive))
    }

    /// Kryo's `readInt(boolean)`: a varint if variable-length encoding is on
    /// (the default), else 4 fixed bytes.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x02, 1, 0, 0, 0]);
    /// assert_eq!(input.read_int_var_or_fixed(false)?, 1);
    /// input.set_variable_length_encoding(false);
    /// assert_eq!(input.read_int_var_or_fixed(false)?, 1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_var_int`](Self::read_var_int).
    #[inline]
    pub fn read_int_var_or_fixed(&mut self, optimize_positive: bool) -> Result<i32> {
        if self.var_len {
            self.read_var_int(optimize_positive)
        } else {
            self.read_int()
        }
    }

    /// Kryo's `readLong(boolean)`: a varlong if variable-length encoding is
    /// on, else 8 fixed bytes.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x01]).read_long_var_or_fixed(true)?, 1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_var_long`](Self::read_var_long).
    #[inline]
    pub fn read_long_var_or_fixed(&mut self, optimize_positive: bool) -> Result<i64> {
        if self.var_len {
            self.read_var_long(optimize_positive)
        } else {
            self.read_long()
        }
    }

    /// Kryo's `readVarFloat`: a varint divided by `precision`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0x96, 0x01]).read_var_float(100.0, true)?, 1.5);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_var_int`](Self::read_var_int).
    pub fn read_var_float(&mut self, precision: f32, optimize_positive: bool) -> Result<f32> {
        Ok(self.read_var_int(optimize_positive)? as f32 / precision)
    }

    /// Kryo's `readVarDouble`: a varlong divided by `precision`.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Input::new(&[0xdc, 0x0b]).read_var_double(1000.0, true)?, 1.5);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_var_long`](Self::read_var_long).
    pub fn read_var_double(&mut self, precision: f64, optimize_positive: bool) -> Result<f64> {
        Ok(self.read_var_long(optimize_positive)? as f64 / precision)
    }

    /// Kryo's `canReadVarInt()`: whether a whole varint can be read.
    ///
    /// ```
    /// assert!(!kryo5_io::Input::new(&[0x80]).can_read_var_int()?);
    /// assert!(kryo5_io::Input::new(&[0x80, 0x01]).can_read_var_int()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If a stream fails.
    pub fn can_read_var_int(&mut self) -> Result<bool> {
        let n = self.optional(5)?;
        Ok(n == 5 || self.rest()[..n].iter().any(|&b| b < 0x80))
    }

    /// Kryo's `canReadVarLong()`: whether a whole varlong can be read.
    ///
    /// ```
    /// assert!(!kryo5_io::Input::new(&[0xff; 8]).can_read_var_long()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If a stream fails.
    pub fn can_read_var_long(&mut self) -> Result<bool> {
        let n = self.optional(9)?;
        Ok(n == 9 || self.rest()[..n].iter().any(|&b| b < 0x80))
    }

    /// Kryo's `canReadInt()`: a varint or 4 bytes, per the variable-length
    /// switch.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2, 3]);
    /// input.set_variable_length_encoding(false);
    /// assert!(!input.can_read_int()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If a stream fails.
    pub fn can_read_int(&mut self) -> Result<bool> {
        if self.var_len {
            self.can_read_var_int()
        } else {
            Ok(self.optional(4)? == 4)
        }
    }

    /// Kryo's `canReadLong()`: a varlong or 8 bytes, per the switch.
    ///
    /// ```
    /// assert!(kryo5_io::Input::new(&[1]).can_read_long()?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If a stream fails.
    pub fn can_read_long(&mut self) -> Result<bool> {
        if self.var_len {
            self.can_read_var_long()
        } else {
            Ok(self.optional(8)? == 8)
        }
    }
}

impl<'de, F: Flavour> InputBuffer<'de, SliceSource<'de>, F> {
    /// Starts over on new bytes, keeping the settings (Kryo's
    /// `setBuffer(byte[])`).
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1]);
    /// input.set_buffer(&[2]);
    /// assert_eq!(input.read_byte()?, 2);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn set_buffer(&mut self, bytes: &'de [u8]) {
        self.src = SliceSource { data: bytes };
        self.pos = 0;
    }

    /// The whole slice being read.
    #[must_use]
    pub fn buffer(&self) -> &'de [u8] {
        self.src.data
    }
}

impl<S: Source, F: Flavour> std::io::Read for InputBuffer<'_, S, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self
            .optional(buf.len().clamp(1, source::DEFAULT_BUFFER))?
            .min(buf.len());
        buf[..n].copy_from_slice(&self.rest()[..n]);
        self.pos += n;
        Ok(n)
    }
}
