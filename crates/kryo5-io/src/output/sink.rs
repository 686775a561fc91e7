//! Where an [`Output`](crate::Output) sends its buffer when it flushes.
//!
//! Kryo's `Output` either grows an in-memory buffer ([`Memory`]) or, given an
//! `OutputStream`, writes its buffer to the stream whenever it is full or
//! flushed ([`Writer`] for any `std::io::Write`, or another `Output`). Chunked
//! encoding is one more sink, [`ChunkSink`], that frames each flushed buffer
//! as a chunk. Flush points matter on the wire only inside chunked encoding,
//! which is why `Output` reproduces Java's exactly for every sink.

use crate::error::{Error, ErrorKind, Result};
use crate::flavour::Flavour;
use crate::output::OutputBuffer;

/// A destination for flushed bytes. Implemented by [`Memory`], [`Writer`],
/// [`ChunkSink`] and `&mut Output`.
///
/// Implementer notes: [`Sink::write`] receives the whole buffered run each
/// time the `Output` flushes (Java's `outputStream.write(buffer, 0,
/// position)`), immediately followed by [`Sink::flush`] (Java's
/// `outputStream.flush()`).
pub trait Sink {
    /// `false` only for [`Memory`]: the buffer grows instead of flushing.
    const STREAM: bool;
    /// Takes a flushed run of bytes (possibly empty).
    ///
    /// # Errors
    /// Whatever the destination reports.
    fn write(&mut self, bytes: &[u8]) -> Result<()>;
    /// Passes a flush on to the destination.
    ///
    /// # Errors
    /// Whatever the destination reports.
    fn flush(&mut self) -> Result<()>;
    /// Stream offset for errors raised by the sink itself.
    fn offset(&self) -> u64 {
        0
    }
}

/// No destination: the `Output`'s buffer grows up to its maximum size and is
/// the result (Kryo's `Output(bufferSize, maxBufferSize)`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory;

impl Sink for Memory {
    const STREAM: bool = false;
    #[inline]
    fn write(&mut self, _bytes: &[u8]) -> Result<()> {
        Ok(())
    }
    #[inline]
    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Any `std::io::Write` as a destination (Kryo's `Output(OutputStream)`).
#[derive(Debug)]
pub struct Writer<W> {
    inner: W,
    written: u64,
}

impl<W: std::io::Write> Writer<W> {
    /// Wraps a writer.
    ///
    /// ```
    /// let sink = kryo5_io::sink::Writer::new(Vec::<u8>::new());
    /// assert!(sink.get_ref().is_empty());
    /// ```
    pub fn new(inner: W) -> Self {
        Writer { inner, written: 0 }
    }

    /// The wrapped writer.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// The wrapped writer, mutably.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Unwraps the writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: std::io::Write> Sink for Writer<W> {
    const STREAM: bool = true;
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.inner
            .write_all(bytes)
            .map_err(|e| Error::new(ErrorKind::Io(e), self.written))?;
        self.written += bytes.len() as u64;
        Ok(())
    }
    fn flush(&mut self) -> Result<()> {
        self.inner
            .flush()
            .map_err(|e| Error::new(ErrorKind::Io(e), self.written))
    }
    fn offset(&self) -> u64 {
        self.written
    }
}

/// Another `Output` as the destination, as when Java wraps an `Output` in an
/// `OutputChunked`: bytes go through its `write_bytes`, and every flush is
/// passed on to it, so a nested chunked output cuts a chunk in the outer
/// one at each of its own flushes (format spec section 5).
impl<S: Sink, F: Flavour> Sink for &mut OutputBuffer<S, F> {
    const STREAM: bool = true;
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.write_bytes(bytes)
    }
    fn flush(&mut self) -> Result<()> {
        OutputBuffer::flush(self)
    }
    fn offset(&self) -> u64 {
        self.total()
    }
}

/// Chunked encoding (Kryo's `OutputChunked`): each non-empty flushed run is
/// written as `uvarint(length)` followed by the bytes; see
/// [`OutputBuffer::end_chunk`] for the end marker.
#[derive(Debug)]
pub struct ChunkSink<S> {
    inner: S,
}

impl<S: Sink> ChunkSink<S> {
    /// Frames everything flushed into `inner` as chunks.
    pub fn new(inner: S) -> Self {
        ChunkSink { inner }
    }

    /// The destination the chunks go to.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The destination, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// Unwraps the destination.
    pub fn into_inner(self) -> S {
        self.inner
    }

    /// Writes the end-of-chunks marker `00` to the destination.
    pub(crate) fn end(&mut self) -> Result<()> {
        self.inner.write(&[0])
    }
}

impl<S: Sink> Sink for ChunkSink<S> {
    const STREAM: bool = true;
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        if !bytes.is_empty() {
            let len = u32::try_from(bytes.len()).map_err(|_| {
                Error::new(
                    ErrorKind::InvalidArgument("chunk larger than 4 GiB"),
                    self.offset(),
                )
            })?;
            let (word, n) = kryo5_arch::scalar::encode_var_u32(len);
            // Java writes the header one byte at a time; for any sink that
            // places the same flush points as one write of the whole header.
            self.inner.write(&word.to_le_bytes()[..n])?;
        }
        self.inner.write(bytes)
    }
    fn flush(&mut self) -> Result<()> {
        self.inner.flush()
    }
    fn offset(&self) -> u64 {
        self.inner.offset()
    }
}
