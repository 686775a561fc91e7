//! Where an [`Input`](crate::Input) gets its bytes.
//!
//! A [`Source`] presents a window of buffered bytes. [`SliceSource`] is a
//! borrowed slice, the whole input at once (zero-copy reads borrow from it).
//! [`Buffered`] refills an owned buffer from a [`Fill`]: a [`Reader`] over
//! any `std::io::Read`, a [`ChunkReader`] that undoes chunked encoding, or
//! another `&mut Input` (a nested chunked input). Memory only grows as bytes
//! arrive: the buffer never exceeds its size or the largest single value
//! asked for.

use crate::error::{Error, ErrorKind, Result};
use crate::flavour::Flavour;
use crate::input::InputBuffer;

/// Buffered bytes for an [`InputBuffer`]. Implemented by [`SliceSource`] and
/// [`Buffered`].
///
/// Implementer notes: the input keeps a position inside
/// [`Source::window`]; [`Source::refill`] drops the window's first
/// `consumed` bytes (the input's position becomes 0) and tries to make
/// `need` bytes available, stopping early only at the end of the data.
pub trait Source {
    /// `false` for [`SliceSource`]: the window is all there is.
    const STREAM: bool;
    /// The buffered bytes.
    fn window(&self) -> &[u8];
    /// Drops `consumed` bytes and tries to buffer at least `need`.
    ///
    /// # Errors
    /// If the underlying reader fails.
    fn refill(&mut self, consumed: usize, need: usize) -> Result<()>;
    /// Bytes dropped before the window (for [`InputBuffer::total`]).
    fn discarded(&self) -> u64;
}

/// A borrowed byte slice: the whole input, never refilled.
#[derive(Clone, Copy, Debug)]
pub struct SliceSource<'de> {
    pub(crate) data: &'de [u8],
}

impl Source for SliceSource<'_> {
    const STREAM: bool = false;
    #[inline(always)]
    fn window(&self) -> &[u8] {
        self.data
    }
    #[inline]
    fn refill(&mut self, _consumed: usize, _need: usize) -> Result<()> {
        Ok(())
    }
    #[inline]
    fn discarded(&self) -> u64 {
        0
    }
}

/// A source whose bytes outlive the input reading them, so that zero-copy
/// reads can hand out `&'de` borrows: a [`SliceSource`] lends its slice,
/// a [`Buffered`] stream lends nothing (its buffer is refilled in place).
///
/// ```
/// use kryo5_io::source::Lend;
/// let data = [1u8, 2];
/// assert_eq!(kryo5_io::Input::new(&data).source().lend(), Some(&data[..]));
/// ```
pub trait Lend<'de> {
    /// The whole input, if it outlives the reader.
    fn lend(&self) -> Option<&'de [u8]>;
}

impl<'de> Lend<'de> for SliceSource<'de> {
    #[inline(always)]
    fn lend(&self) -> Option<&'de [u8]> {
        Some(self.data)
    }
}

impl<R> Lend<'_> for Buffered<R> {
    #[inline(always)]
    fn lend(&self) -> Option<&'static [u8]> {
        None
    }
}

/// A byte stream a [`Buffered`] source refills from.
///
/// Implementer notes: [`Fill::fill`] reads at least one byte into a
/// non-empty `dst`, or returns 0 at the end of the data.
pub trait Fill {
    /// Reads some bytes into `dst`; 0 means the end.
    ///
    /// # Errors
    /// If the stream fails.
    fn fill(&mut self, dst: &mut [u8]) -> Result<usize>;
    /// Stream offset, for errors raised by the stream itself.
    fn offset(&self) -> u64;
}

/// Any `std::io::Read` as a byte stream (Kryo's `Input(InputStream)`).
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    read: u64,
}

impl<R: std::io::Read> Reader<R> {
    /// Wraps a reader.
    ///
    /// ```
    /// let r = kryo5_io::source::Reader::new(&b"abc"[..]);
    /// assert_eq!(r.get_ref().len(), 3);
    /// ```
    pub fn new(inner: R) -> Self {
        Reader { inner, read: 0 }
    }

    /// The wrapped reader.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Unwraps the reader.
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: std::io::Read> Fill for Reader<R> {
    fn fill(&mut self, dst: &mut [u8]) -> Result<usize> {
        loop {
            match self.inner.read(dst) {
                Ok(n) => {
                    self.read += n as u64;
                    return Ok(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::new(ErrorKind::Io(e), self.read)),
            }
        }
    }
    fn offset(&self) -> u64 {
        self.read
    }
}

/// Another input as a byte stream, as when Java wraps an `Input` in an
/// `InputChunked`.
impl<S: Source, F: Flavour> Fill for &mut InputBuffer<'_, S, F> {
    fn fill(&mut self, dst: &mut [u8]) -> Result<usize> {
        let n = self.optional(1)?.min(dst.len());
        if n == 0 {
            return Ok(0);
        }
        let n = self.available().min(dst.len());
        self.read_bytes_into(&mut dst[..n])?;
        Ok(n)
    }
    fn offset(&self) -> u64 {
        self.total()
    }
}

/// Where a [`ChunkReader`] is in a run of chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chunk {
    /// A chunk header comes next (Java's `chunkSize == -1`).
    Header,
    /// Bytes left in the current chunk.
    Data(u32),
    /// The run's `00` marker was read (Java's `chunkSize == 0`): the input
    /// reads as ended until [`InputBuffer::next_chunk`].
    End,
}

/// Chunked encoding undone (Kryo's `InputChunked`): serves the data of the
/// current run of chunks and reports the end at its `00` marker.
#[derive(Debug)]
pub struct ChunkReader<R> {
    inner: R,
    state: Chunk,
}

impl<R: Fill> ChunkReader<R> {
    /// Reads chunks from `inner`.
    pub fn new(inner: R) -> Self {
        ChunkReader {
            inner,
            state: Chunk::Header,
        }
    }

    /// The underlying stream.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Unwraps the underlying stream.
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Reads a chunk header: a varint of at most 5 bytes. `None` at the end
    /// of the stream.
    fn header(&mut self) -> Result<Option<u32>> {
        let start = self.inner.offset();
        let mut value = 0u32;
        for i in 0..5 {
            let mut b = [0u8];
            if self.inner.fill(&mut b)? == 0 {
                return Ok(None);
            }
            value |= u32::from(b[0] & 0x7f) << (7 * i);
            if b[0] & 0x80 == 0 {
                return Ok(Some(value));
            }
        }
        Err(Error::new(ErrorKind::MalformedChunkSize, start))
    }

    /// Bytes left in the current chunk, reading a header first if one is
    /// due; `None` once the run's `00` marker (or the stream's end) is read.
    fn current(&mut self) -> Result<Option<u32>> {
        if self.state == Chunk::Header {
            self.state = match self.header()? {
                Some(0) | None => Chunk::End,
                Some(n) => Chunk::Data(n),
            };
        }
        Ok(match self.state {
            Chunk::Data(left) => Some(left),
            Chunk::Header | Chunk::End => None,
        })
    }

    /// Skips the rest of this run, including its `00` marker, and arms the
    /// reader for the next run (the byte-stream half of `nextChunk()`).
    /// Returns the data bytes skipped (chunk headers not counted).
    fn next_run(&mut self) -> Result<u64> {
        let mut scratch = [0u8; 512];
        let mut skipped = 0u64;
        while let Some(left) = self.current()? {
            let n = (left as usize).min(scratch.len());
            let got = self.inner.fill(&mut scratch[..n])?;
            if got == 0 {
                return Err(Error::new(
                    ErrorKind::UnexpectedEnd {
                        requested: left as usize,
                        available: 0,
                    },
                    self.inner.offset(),
                ));
            }
            self.consumed(left, got);
            skipped += got as u64;
        }
        self.state = Chunk::Header;
        Ok(skipped)
    }

    fn consumed(&mut self, left: u32, got: usize) {
        let left = left - got as u32;
        self.state = if left == 0 {
            Chunk::Header
        } else {
            Chunk::Data(left)
        };
    }
}

impl<R: Fill> Fill for ChunkReader<R> {
    fn fill(&mut self, dst: &mut [u8]) -> Result<usize> {
        let Some(left) = self.current()? else {
            return Ok(0);
        };
        let n = (left as usize).min(dst.len());
        let got = self.inner.fill(&mut dst[..n])?;
        self.consumed(left, got);
        Ok(got)
    }
    fn offset(&self) -> u64 {
        self.inner.offset()
    }
}

/// Java's default `Input` buffer size over a stream.
pub const DEFAULT_BUFFER: usize = 4096;

/// An owned buffer refilled from a [`Fill`] stream.
#[derive(Debug)]
pub struct Buffered<R> {
    buf: Vec<u8>,
    limit: usize,
    size: usize,
    discarded: u64,
    reader: R,
}

impl<R: Fill> Buffered<R> {
    /// Buffers `reader` in chunks of up to `buffer_size` bytes.
    pub fn new(reader: R, buffer_size: usize) -> Self {
        Buffered {
            buf: Vec::new(),
            limit: 0,
            size: buffer_size.max(16),
            discarded: 0,
            reader,
        }
    }

    /// The stream.
    pub fn reader(&self) -> &R {
        &self.reader
    }

    /// The stream, mutably.
    pub fn reader_mut(&mut self) -> &mut R {
        &mut self.reader
    }

    /// Unwraps the stream; buffered bytes are lost.
    pub fn into_reader(self) -> R {
        self.reader
    }

    /// Drops every buffered byte.
    pub(crate) fn clear(&mut self) {
        self.discarded += self.limit as u64;
        self.limit = 0;
    }
}

impl<R: Fill> Source for Buffered<R> {
    const STREAM: bool = true;
    #[inline(always)]
    fn window(&self) -> &[u8] {
        &self.buf[..self.limit]
    }
    fn refill(&mut self, consumed: usize, need: usize) -> Result<()> {
        self.buf.copy_within(consumed..self.limit, 0);
        self.limit -= consumed;
        self.discarded += consumed as u64;
        let target = need.max(self.size);
        if self.buf.len() < target {
            self.buf.resize(target, 0);
        }
        while self.limit < need {
            let n = self.reader.fill(&mut self.buf[self.limit..])?;
            if n == 0 {
                break;
            }
            self.limit += n;
        }
        Ok(())
    }
    #[inline]
    fn discarded(&self) -> u64 {
        self.discarded
    }
}

impl<R: Fill, F: Flavour> InputBuffer<'static, Buffered<ChunkReader<R>>, F> {
    /// Kryo's `nextChunk()`: skips whatever is left of the current run of
    /// chunks, up to and including its `00` marker, and starts reading the
    /// next run.
    ///
    /// ```
    /// use kryo5_io::{Input, source::Reader};
    /// let data = [0x02, 0x0a, 0x0b, 0x00, 0x01, 0x0c, 0x00];
    /// let mut input = Input::chunked(Reader::new(&data[..]), 1024);
    /// assert_eq!(input.read_byte()?, 0x0a);
    /// input.next_chunk()?;
    /// assert_eq!(input.total(), 2); // the skipped 0x0b counts, as in Java
    /// assert_eq!(input.read_byte()?, 0x0c);
    /// assert!(input.read_byte().is_err());
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// If the stream ends inside a chunk or a header is malformed.
    pub fn next_chunk(&mut self) -> Result<()> {
        self.src.clear();
        self.pos = 0;
        // Skipped data counts as read, as in Java, whose nextChunk() skips
        // it through skip(): total() includes it.
        let skipped = self.src.reader_mut().next_run()?;
        self.src.discarded += skipped;
        Ok(())
    }
}
