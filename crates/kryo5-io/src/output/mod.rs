//! [`Output`]: Kryo 5's `Output`, writing every primitive byte-exact.
//!
//! One generic type covers Kryo's output classes: the sink parameter says
//! where the buffer goes (nowhere: [`Memory`]; a [`Writer`]; a [`ChunkSink`]),
//! the flavour parameter says which byte layout ([`Safe`] or [`Native`]).
//!
//! Every write follows Java's buffer discipline exactly: a value that does
//! not fit in the space left flushes the buffer first (or grows it, for
//! [`Memory`]), multi-byte values are never split except where Java splits
//! them. Flush points are invisible on the wire except inside chunked
//! encoding, where they become chunk boundaries; matching Java's makes
//! chunked streams byte-identical too.

mod arrays;
pub mod sink;
mod text;

use std::marker::PhantomData;

use kryo5_arch::scalar;

use crate::error::{Error, ErrorKind, Result};
use crate::flavour::{Fixed, Flavour, Native, Safe};
use sink::{ChunkSink, Memory, Sink, Writer};

/// Buffer size of an `Output` over a writer when none is given (Java's 4096).
pub const DEFAULT_STREAM_BUFFER: usize = 4096;

/// The output buffer behind [`Output`] (safe flavour) and [`NativeOutput`]:
/// every Kryo 5 write method, generic over the sink and the flavour.
///
/// ```
/// use kryo5_io::Output;
/// let mut out = Output::new();
/// out.write_var_int(300, true)?;
/// out.write_string(Some("ab"))?;
/// out.write_int(-1)?;
/// assert_eq!(out.as_slice(), &[0xac, 0x02, 0x61, 0xe2, 0xff, 0xff, 0xff, 0xff]);
/// # Ok::<(), kryo5_io::Error>(())
/// ```
///
/// Over a writer, bytes go out as the buffer fills and on [`OutputBuffer::flush`]:
///
/// ```
/// use kryo5_io::Output;
/// let mut out = Output::with_writer(Vec::new());
/// out.write_long(1)?;
/// let bytes = out.into_writer()?;
/// assert_eq!(bytes, [1, 0, 0, 0, 0, 0, 0, 0]);
/// # Ok::<(), kryo5_io::Error>(())
/// ```
#[derive(Debug)]
pub struct OutputBuffer<S: Sink, F: Flavour> {
    /// The buffer; its length is Kryo's `capacity`.
    buf: Vec<u8>,
    /// Kryo's `position`: bytes buffered.
    pos: usize,
    /// Kryo's `maxCapacity`.
    max: usize,
    /// Bytes flushed before the buffer (Kryo's `total` field).
    total: u64,
    var_len: bool,
    sink: S,
    _flavour: PhantomData<F>,
}

/// Kryo's `Output`: an [`OutputBuffer`] of the [`Safe`] flavour, in memory
/// by default (see [`OutputBuffer::with_writer`] and [`OutputBuffer::chunked`]
/// for the other sinks).
pub type Output<S = Memory> = OutputBuffer<S, Safe>;

/// Kryo's `UnsafeOutput`: an [`OutputBuffer`] of the [`Native`] flavour.
pub type NativeOutput<S = Memory> = OutputBuffer<S, Native>;

/// Kryo's `OutputChunked` over a sink: see [`OutputBuffer::chunked`].
pub type OutputChunked<S> = OutputBuffer<ChunkSink<S>, Safe>;

macro_rules! constructors {
    ($flavour:ty, $alias:literal) => {
        impl OutputBuffer<Memory, $flavour> {
            /// An empty, growable, unbounded output (Kryo's
            /// `Output(0, -1)`); the first write allocates.
            #[doc = concat!("\n\n```\nlet out = kryo5_io::", $alias, "::new();\nassert_eq!(out.position(), 0);\n```")]
            #[must_use]
            pub fn new() -> Self {
                Self::from_parts(Vec::new(), usize::MAX, Memory)
            }

            /// A growable, unbounded output starting with `buffer_size`
            /// bytes (Kryo's `Output(bufferSize, -1)`).
            #[doc = concat!("\n\n```\nlet out = kryo5_io::", $alias, "::with_capacity(1024);\nassert_eq!(out.capacity(), 1024);\n```")]
            #[must_use]
            pub fn with_capacity(buffer_size: usize) -> Self {
                Self::from_parts(vec![0; buffer_size], usize::MAX, Memory)
            }

            /// An output that starts with `buffer_size` bytes and may grow to
            /// `max_buffer_size` (Kryo's `Output(bufferSize, maxBufferSize)`);
            /// writing past it fails with [`ErrorKind::BufferOverflow`]. A
            /// `buffer_size` above the maximum is lowered to it.
            #[doc = concat!("\n\n```\nlet mut out = kryo5_io::", $alias, "::bounded(4, 4);\nassert!(out.write_long(1).is_err());\nassert_eq!(out.position(), 0);\n```")]
            #[must_use]
            pub fn bounded(buffer_size: usize, max_buffer_size: usize) -> Self {
                Self::from_parts(vec![0; buffer_size.min(max_buffer_size)], max_buffer_size, Memory)
            }

            /// Reuses `buffer`'s allocation as an unbounded output, writing
            /// from its start (Kryo's `setBuffer(bytes, -1)`).
            #[doc = concat!("\n\n```\nlet out = kryo5_io::", $alias, "::from_vec(Vec::with_capacity(64));\nassert_eq!(out.capacity(), 64);\n```")]
            #[must_use]
            pub fn from_vec(mut buffer: Vec<u8>) -> Self {
                buffer.resize(buffer.capacity(), 0);
                Self::from_parts(buffer, usize::MAX, Memory)
            }
        }

        impl<W: std::io::Write> OutputBuffer<Writer<W>, $flavour> {
            /// An output writing through to `writer` with Java's default
            /// 4096-byte buffer (Kryo's `Output(OutputStream)`). Call
            /// [`OutputBuffer::flush`] (or [`OutputBuffer::into_writer`]) at the end.
            #[doc = concat!("\n\n```\nlet out = kryo5_io::", $alias, "::with_writer(std::io::sink());\nassert_eq!(out.capacity(), 4096);\n```")]
            pub fn with_writer(writer: W) -> Self {
                Self::with_writer_capacity(writer, DEFAULT_STREAM_BUFFER)
            }

            /// An output writing through to `writer` with a `buffer_size`
            /// buffer that never grows (Kryo's `Output(OutputStream,
            /// bufferSize)`).
            #[doc = concat!("\n\n```\nlet out = kryo5_io::", $alias, "::with_writer_capacity(std::io::sink(), 256);\nassert_eq!(out.capacity(), 256);\n```")]
            pub fn with_writer_capacity(writer: W, buffer_size: usize) -> Self {
                Self::from_parts(vec![0; buffer_size], buffer_size, Writer::new(writer))
            }

            /// Flushes and returns the writer.
            ///
            /// # Errors
            /// If the final flush fails.
            #[doc = concat!("\n\n```\nlet mut out = kryo5_io::", $alias, "::with_writer(Vec::new());\nout.write_byte(7)?;\nassert_eq!(out.into_writer()?, [7]);\n# Ok::<(), kryo5_io::Error>(())\n```")]
            pub fn into_writer(mut self) -> Result<W> {
                self.flush()?;
                Ok(self.sink.into_inner())
            }
        }
    };
}

constructors!(Safe, "Output");
constructors!(Native, "NativeOutput");

impl Default for Output {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Sink> OutputBuffer<ChunkSink<S>, Safe> {
    /// Kryo's `OutputChunked(outputStream, bufferSize)`: everything written
    /// reaches `sink` as chunks of at most `buffer_size` bytes; call
    /// [`OutputBuffer::end_chunk`] to close a run of chunks. `sink` may be a
    /// [`Writer`] or another `&mut Output` (a nested chunked output, as
    /// Kryo's compatible serializers use).
    ///
    /// ```
    /// use kryo5_io::{Output, sink::Writer};
    /// let mut out = Output::chunked(Writer::new(Vec::new()), 1024);
    /// out.write_int(1)?;
    /// out.write_string(Some("ab"))?;
    /// out.end_chunk()?;
    /// out.write_byte(7)?;
    /// out.end_chunk()?;
    /// let bytes = out.into_sink()?.into_inner().into_inner();
    /// assert_eq!(bytes, [0x06, 1, 0, 0, 0, 0x61, 0xe2, 0x00, 0x01, 0x07, 0x00]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn chunked(sink: S, buffer_size: usize) -> Self {
        Self::from_parts(vec![0; buffer_size], buffer_size, ChunkSink::new(sink))
    }

    /// Kryo's `endChunk()`: flushes what is buffered as a last chunk, then
    /// writes the end marker `00`.
    ///
    /// # Errors
    /// If the destination fails.
    pub fn end_chunk(&mut self) -> Result<()> {
        self.flush()?;
        self.sink.end()
    }
}

impl<S: Sink, F: Flavour> OutputBuffer<S, F> {
    /// An output whose flushed bytes go to any [`Sink`], through a buffer of
    /// `buffer_size` bytes (the buffer's limit for [`Memory`]). Serializers
    /// that transform what a nested serializer writes (compression) use it
    /// to flush exactly where Java's `Output(outputStream, bufferSize)`
    /// would.
    ///
    /// ```
    /// use kryo5_io::{Output, Safe, OutputBuffer, sink::Writer};
    /// let mut out: OutputBuffer<_, Safe> = OutputBuffer::with_sink(Writer::new(Vec::new()), 4);
    /// out.write_int(7)?;
    /// out.write_byte(1)?; // flushes the full buffer first
    /// assert_eq!(out.into_sink()?.into_inner(), [7, 0, 0, 0, 1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn with_sink(sink: S, buffer_size: usize) -> Self {
        Self::from_parts(vec![0; buffer_size], buffer_size, sink)
    }

    fn from_parts(buf: Vec<u8>, max: usize, sink: S) -> Self {
        OutputBuffer {
            buf,
            pos: 0,
            max,
            total: 0,
            var_len: true,
            sink,
            _flavour: PhantomData,
        }
    }

    // ----- state ---------------------------------------------------------

    /// Bytes currently buffered (Kryo's `position()`).
    #[inline]
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Moves the write position within the buffer (Kryo's
    /// `setPosition`), e.g. to go back and patch a value.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_int(0)?;
    /// out.write_byte(9)?;
    /// out.set_position(0)?;
    /// out.write_int(5)?;
    /// assert_eq!(out.as_slice(), &[5, 0, 0, 0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] past the buffer's capacity.
    pub fn set_position(&mut self, position: usize) -> Result<()> {
        if position > self.buf.len() {
            return Err(self.error(ErrorKind::InvalidArgument(
                "position past the buffer capacity",
            )));
        }
        self.pos = position;
        Ok(())
    }

    /// Total bytes written: flushed plus buffered (Kryo's `total()`).
    #[inline]
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total + self.pos as u64
    }

    /// Current buffer size (Kryo's `capacity`).
    #[inline]
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }

    /// Largest size the buffer may grow to (Kryo's `getMaxCapacity()`).
    #[must_use]
    pub fn max_capacity(&self) -> usize {
        self.max
    }

    /// Forgets everything buffered and the total, keeping the buffer and the
    /// sink (Kryo's `reset()`), so the output can be reused.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_int(1)?;
    /// out.reset();
    /// assert_eq!((out.position(), out.total()), (0, 0));
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn reset(&mut self) {
        self.pos = 0;
        self.total = 0;
    }

    /// The buffered bytes (Kryo's `getBuffer()` up to `position()`).
    #[inline]
    #[must_use]
    pub fn as_slice(&self) -> &[u8] {
        &self.buf[..self.pos]
    }

    /// The buffered bytes, mutably, for patching in place.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        &mut self.buf[..self.pos]
    }

    /// A copy of the buffered bytes (Kryo's `toBytes()`).
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        self.as_slice().to_vec()
    }

    /// Whether [`write_int_var_or_fixed`](Self::write_int_var_or_fixed) and
    /// friends write varints (Kryo's `getVariableLengthEncoding()`; on by
    /// default for every flavour, as in Java).
    #[must_use]
    pub fn variable_length_encoding(&self) -> bool {
        self.var_len
    }

    /// Kryo's `setVariableLengthEncoding`: switches the `*_var_or_fixed`
    /// methods between varints and fixed width (format spec section 1.8).
    pub fn set_variable_length_encoding(&mut self, enabled: bool) {
        self.var_len = enabled;
    }

    /// The sink.
    pub fn sink(&self) -> &S {
        &self.sink
    }

    /// The sink, mutably.
    pub fn sink_mut(&mut self) -> &mut S {
        &mut self.sink
    }

    /// Flushes, then returns the sink.
    ///
    /// # Errors
    /// If the flush fails.
    pub fn into_sink(mut self) -> Result<S> {
        self.flush()?;
        Ok(self.sink)
    }

    /// Kryo's `flush()`: hands the buffered bytes to the sink (a chunk, for
    /// chunked output) and flushes it. Does nothing for [`Memory`].
    ///
    /// # Errors
    /// If the sink fails; the buffered bytes are kept then.
    pub fn flush(&mut self) -> Result<()> {
        if !S::STREAM {
            return Ok(());
        }
        self.sink.write(&self.buf[..self.pos])?;
        self.sink.flush()?;
        self.total += self.pos as u64;
        self.pos = 0;
        Ok(())
    }

    #[cold]
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.total())
    }

    /// Kryo's `require(n)`: makes room for `n` bytes by flushing, then
    /// growing within the maximum. Returns whether anything changed.
    #[inline]
    fn require(&mut self, n: usize) -> Result<bool> {
        if self.buf.len() - self.pos >= n {
            return Ok(false);
        }
        self.require_slow(n)
    }

    #[cold]
    #[inline(never)]
    fn require_slow(&mut self, n: usize) -> Result<bool> {
        self.flush()?;
        if self.buf.len() - self.pos >= n {
            return Ok(true);
        }
        if n > self.max - self.pos {
            return Err(self.error(ErrorKind::BufferOverflow {
                required: n,
                available: self.max - self.pos,
                max: self.max,
            }));
        }
        let mut cap = self.buf.len().max(16);
        loop {
            cap = cap.saturating_mul(2).min(self.max);
            if cap - self.pos >= n {
                break;
            }
        }
        self.buf.resize(cap, 0);
        Ok(true)
    }

    /// Makes room for a whole value of `n` bytes, by flushing or growing.
    /// For [`Memory`] this is one reservation; on a stream it is exactly
    /// Java's `require(n)`. On failure nothing was written.
    #[inline]
    fn reserve(&mut self, n: usize) -> Result<&mut [u8]> {
        self.require(n)?;
        Ok(&mut self.buf[self.pos..self.pos + n])
    }

    /// Space left in the buffer.
    #[inline]
    fn spare(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Writes a fixed-size array of bytes as one unit (Java's `require(N)`).
    #[inline(always)]
    fn put<const N: usize>(&mut self, bytes: [u8; N]) -> Result<()> {
        if let Some(dst) = self.buf.get_mut(self.pos..self.pos + N) {
            dst.copy_from_slice(&bytes);
            self.pos += N;
            return Ok(());
        }
        self.put_slow(&bytes)
    }

    #[cold]
    #[inline(never)]
    fn put_slow(&mut self, bytes: &[u8]) -> Result<()> {
        self.reserve(bytes.len())?.copy_from_slice(bytes);
        self.pos += bytes.len();
        Ok(())
    }

    /// Writes `u` as a one-byte varint if it is one (below 128) and there is
    /// room, answering whether it did.
    #[inline(always)]
    fn put_small(&mut self, u: u64) -> bool {
        if u < 0x80
            && let Some(dst) = self.buf.get_mut(self.pos)
        {
            *dst = u as u8;
            self.pos += 1;
            return true;
        }
        false
    }

    /// Writes the low `len` bytes of a little-endian word as one unit:
    /// one 8-byte store when there is room, else Java's `require(len)`.
    #[inline(always)]
    fn put_word(&mut self, word: u64, len: usize) -> Result<usize> {
        if let Some(dst) = self.buf.get_mut(self.pos..self.pos + 8) {
            dst.copy_from_slice(&word.to_le_bytes());
            self.pos += len;
            return Ok(len);
        }
        self.put_slow(&word.to_le_bytes()[..len])?;
        Ok(len)
    }

    // ----- bytes and booleans --------------------------------------------

    /// Kryo's `writeByte`: one byte.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_byte(0x7f)?;
    /// out.write_byte(-1i8 as u8)?;
    /// assert_eq!(out.as_slice(), &[0x7f, 0xff]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::BufferOverflow`] past the maximum size, or a sink error.
    #[inline]
    pub fn write_byte(&mut self, value: u8) -> Result<()> {
        self.put([value])
    }

    /// Kryo's `writeBoolean`: `01` or `00`.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_boolean(true)?;
    /// out.write_boolean(false)?;
    /// assert_eq!(out.as_slice(), &[1, 0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_boolean(&mut self, value: bool) -> Result<()> {
        self.put([u8::from(value)])
    }

    /// Kryo's `writeBytes`: raw bytes, no length. On a stream, fills the
    /// buffer and flushes as often as needed, as Java does.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_bytes(b"kryo")?;
    /// assert_eq!(out.as_slice(), b"kryo");
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte). For [`Memory`] nothing is
    /// written when the bytes do not fit.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        if !S::STREAM || bytes.len() <= self.spare() {
            self.reserve(bytes.len())?.copy_from_slice(bytes);
            self.pos += bytes.len();
            return Ok(());
        }
        self.write_bytes_split(bytes)
    }

    /// Java's `writeBytes` loop: fill what is left, then write pieces of at
    /// most the buffer size, flushing before each.
    #[cold]
    fn write_bytes_split(&mut self, mut bytes: &[u8]) -> Result<()> {
        let mut n = bytes.len().min(self.spare());
        loop {
            self.buf[self.pos..self.pos + n].copy_from_slice(&bytes[..n]);
            self.pos += n;
            bytes = &bytes[n..];
            if bytes.is_empty() {
                return Ok(());
            }
            n = bytes.len().min(self.buf.len().max(1));
            self.require(n)?;
        }
    }

    // ----- fixed width -----------------------------------------------------

    /// Kryo's `writeShort`: 2 bytes (little-endian for [`Safe`]).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_short(-2)?;
    /// assert_eq!(out.as_slice(), &[0xfe, 0xff]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_short(&mut self, value: i16) -> Result<()> {
        self.put(F::u16_bytes(value as u16))
    }

    /// Kryo's `writeChar`: one UTF-16 code unit, 2 bytes.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_char(0x20ac)?;
    /// assert_eq!(out.as_slice(), &[0xac, 0x20]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_char(&mut self, value: u16) -> Result<()> {
        self.put(F::u16_bytes(value))
    }

    /// Kryo's `writeInt(int)`: 4 bytes (little-endian for [`Safe`]).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_int(0x12345678)?;
    /// assert_eq!(out.as_slice(), &[0x78, 0x56, 0x34, 0x12]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_int(&mut self, value: i32) -> Result<()> {
        self.put(F::u32_bytes(value as u32))
    }

    /// Kryo's `writeLong(long)`: 8 bytes (little-endian for [`Safe`]).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_long(0x0102030405060708)?;
    /// assert_eq!(out.as_slice(), &[8, 7, 6, 5, 4, 3, 2, 1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_long(&mut self, value: i64) -> Result<()> {
        self.put(F::u64_bytes(value as u64))
    }

    /// Kryo's `writeFloat`: the 4 IEEE bits. [`Safe`] writes every NaN as
    /// `0x7fc00000` (Java's `floatToIntBits`); [`Native`] keeps raw bits.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_float(f32::from_bits(0x7fc0_0001))?;
    /// assert_eq!(out.as_slice(), &[0x00, 0x00, 0xc0, 0x7f]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_float(&mut self, value: f32) -> Result<()> {
        self.put(F::u32_bytes(F::f32_bits(value)))
    }

    /// Kryo's `writeDouble`: the 8 IEEE bits, NaN as for
    /// [`write_float`](Self::write_float).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_double(1.0)?;
    /// assert_eq!(out.as_slice(), &[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_double(&mut self, value: f64) -> Result<()> {
        self.put(F::u64_bytes(F::f64_bits(value)))
    }

    /// Kryo's `writeInt(int value, int count)`: the low `count` (0..=4)
    /// bytes, **big-endian** (used by `BigDecimal`).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_int_count(0x010203, 3)?;
    /// assert_eq!(out.as_slice(), &[1, 2, 3]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for `count > 4`; as
    /// [`write_byte`](Self::write_byte) otherwise.
    pub fn write_int_count(&mut self, value: i32, count: usize) -> Result<()> {
        if count > 4 {
            return Err(self.error(ErrorKind::InvalidArgument("count must be 0..=4")));
        }
        let be = value.to_be_bytes();
        self.reserve(count)?.copy_from_slice(&be[4 - count..]);
        self.pos += count;
        Ok(())
    }

    /// Kryo's `writeLong(long value, int count)`: the low `count` (0..=8)
    /// bytes, big-endian.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_long_count(-1, 2)?;
    /// assert_eq!(out.as_slice(), &[0xff, 0xff]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for `count > 8`; as
    /// [`write_byte`](Self::write_byte) otherwise.
    pub fn write_long_count(&mut self, value: i64, count: usize) -> Result<()> {
        if count > 8 {
            return Err(self.error(ErrorKind::InvalidArgument("count must be 0..=8")));
        }
        let be = value.to_be_bytes();
        self.reserve(count)?.copy_from_slice(&be[8 - count..]);
        self.pos += count;
        Ok(())
    }

    // ----- variable length -----------------------------------------------

    /// Kryo's `writeVarInt`: 1 to 5 bytes, zigzag first unless
    /// `optimize_positive`. Returns the bytes written.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// assert_eq!(out.write_var_int(300, true)?, 2);
    /// assert_eq!(out.write_var_int(-1, false)?, 1);
    /// assert_eq!(out.as_slice(), &[0xac, 0x02, 0x01]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_var_int(&mut self, value: i32, optimize_positive: bool) -> Result<usize> {
        let u = scalar::to_unsigned32(value, optimize_positive);
        // Most varints on the wire are one byte (class ids, lengths, small
        // values): that case is inlined, the rest is not.
        if self.put_small(u64::from(u)) {
            return Ok(1);
        }
        self.write_var_u32(u)
    }

    #[inline(always)]
    fn write_var_u32(&mut self, u: u32) -> Result<usize> {
        let (word, len) = scalar::encode_var_u32(u);
        self.put_word(word, len)
    }

    /// Kryo's `writeVarLong`: 1 to 9 bytes, the ninth carrying 8 bits.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// assert_eq!(out.write_var_long(-1, true)?, 9);
    /// assert_eq!(out.as_slice(), &[0xff; 9]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_var_long(&mut self, value: i64, optimize_positive: bool) -> Result<usize> {
        let u = scalar::to_unsigned64(value, optimize_positive);
        if self.put_small(u) {
            return Ok(1);
        }
        self.write_var_u64(u)
    }

    #[inline(never)]
    fn write_var_u64(&mut self, u: u64) -> Result<usize> {
        let (word, ninth, len) = scalar::encode_var_u64(u);
        if len < 9 {
            return self.put_word(word, len);
        }
        let mut bytes = [0u8; 9];
        bytes[..8].copy_from_slice(&word.to_le_bytes());
        bytes[8] = ninth;
        self.put(bytes)?;
        Ok(9)
    }

    /// Kryo's `writeVarIntFlag`: a boolean in bit 7 of the first byte, then
    /// a varint with a 6-bit first group (string and collection headers).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// assert_eq!(out.write_var_int_flag(true, 64, true)?, 2);
    /// assert_eq!(out.as_slice(), &[0xc0, 0x01]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_var_int_flag(
        &mut self,
        flag: bool,
        value: i32,
        optimize_positive: bool,
    ) -> Result<usize> {
        let (word, len) =
            scalar::encode_var_flag(flag, scalar::to_unsigned32(value, optimize_positive));
        self.put_word(word, len)
    }

    /// Kryo's `writeInt(int, boolean)`: a varint if variable-length encoding
    /// is on (the default), else 4 fixed bytes. Returns the bytes written.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_int_var_or_fixed(1, true)?;
    /// out.set_variable_length_encoding(false);
    /// out.write_int_var_or_fixed(1, true)?;
    /// assert_eq!(out.as_slice(), &[1, 1, 0, 0, 0]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_int_var_or_fixed(&mut self, value: i32, optimize_positive: bool) -> Result<usize> {
        if self.var_len {
            self.write_var_int(value, optimize_positive)
        } else {
            self.write_int(value).map(|()| 4)
        }
    }

    /// Kryo's `writeLong(long, boolean)`: a varlong if variable-length
    /// encoding is on, else 8 fixed bytes. Returns the bytes written.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// assert_eq!(out.write_long_var_or_fixed(1, true)?, 1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    #[inline]
    pub fn write_long_var_or_fixed(
        &mut self,
        value: i64,
        optimize_positive: bool,
    ) -> Result<usize> {
        if self.var_len {
            self.write_var_long(value, optimize_positive)
        } else {
            self.write_long(value).map(|()| 8)
        }
    }

    /// Kryo's `writeVarFloat`: `(int) (value * precision)` as a varint
    /// (Java's cast: truncating, saturating, NaN to 0).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_var_float(1.5, 100.0, true)?;
    /// assert_eq!(out.as_slice(), &[0x96, 0x01]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    pub fn write_var_float(
        &mut self,
        value: f32,
        precision: f32,
        optimize_positive: bool,
    ) -> Result<usize> {
        self.write_var_int((value * precision) as i32, optimize_positive)
    }

    /// Kryo's `writeVarDouble`: `(long) (value * precision)` as a varlong.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_var_double(1.5, 1000.0, true)?;
    /// assert_eq!(out.as_slice(), &[0xdc, 0x0b]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_byte`](Self::write_byte).
    pub fn write_var_double(
        &mut self,
        value: f64,
        precision: f64,
        optimize_positive: bool,
    ) -> Result<usize> {
        self.write_var_long((value * precision) as i64, optimize_positive)
    }

    /// Kryo's `intLength`: bytes [`write_int_var_or_fixed`](Self::write_int_var_or_fixed) would write.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Output::new().int_length(-1, true), 5);
    /// ```
    #[must_use]
    pub fn int_length(&self, value: i32, optimize_positive: bool) -> usize {
        if self.var_len {
            var_int_length(value, optimize_positive)
        } else {
            4
        }
    }

    /// Kryo's `longLength`: bytes [`write_long_var_or_fixed`](Self::write_long_var_or_fixed) would write.
    ///
    /// ```
    /// assert_eq!(kryo5_io::Output::new().long_length(-1, true), 9);
    /// ```
    #[must_use]
    pub fn long_length(&self, value: i64, optimize_positive: bool) -> usize {
        if self.var_len {
            var_long_length(value, optimize_positive)
        } else {
            8
        }
    }
}

/// Kryo's `Output.varIntLength`: bytes of `writeVarInt(value, optimize_positive)`.
///
/// ```
/// assert_eq!(kryo5_io::output::var_int_length(64, false), 2);
/// ```
#[must_use]
pub fn var_int_length(value: i32, optimize_positive: bool) -> usize {
    scalar::var_u32_len(scalar::to_unsigned32(value, optimize_positive))
}

/// Kryo's `Output.varLongLength`: bytes of `writeVarLong(value, optimize_positive)`.
///
/// ```
/// assert_eq!(kryo5_io::output::var_long_length(1 << 56, true), 9);
/// ```
#[must_use]
pub fn var_long_length(value: i64, optimize_positive: bool) -> usize {
    scalar::var_u64_len(scalar::to_unsigned64(value, optimize_positive))
}

impl<F: Flavour> OutputBuffer<Memory, F> {
    /// Unwraps the buffer, truncated to the bytes written.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_byte(1)?;
    /// assert_eq!(out.into_vec(), [1]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    #[must_use]
    pub fn into_vec(mut self) -> Vec<u8> {
        self.buf.truncate(self.pos);
        self.buf
    }
}

impl<S: Sink, F: Flavour> std::io::Write for OutputBuffer<S, F> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_bytes(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        OutputBuffer::flush(self).map_err(Into::into)
    }
}
