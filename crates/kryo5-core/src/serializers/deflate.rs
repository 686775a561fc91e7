//! `DeflateSerializer` (format spec 11.1): another serializer's bytes,
//! deflated, as a run of chunks of at most 256 bytes.
//!
//! Byte-identical with Java: Java's `Deflater` is zlib, and this module
//! drives zlib (through `flate2`'s zlib backend) with Java's exact sequence
//! of calls: the nested serializer writes through a 256-byte buffer, each
//! full buffer is compressed and the chunk writer flushed, then the
//! stream is finished. (Other deflate implementations, miniz_oxide and
//! zlib-rs among them, give valid but different bytes beyond about a
//! hundred bytes of input.) Reading inflates with a size limit, so a
//! zlib bomb fails instead of exhausting memory.
//!
//! ```
//! use kryo5::serializers::deflate::{DeflateConfig, DeflateSerializer};
//! use kryo5::io::{Input, Output};
//! use kryo5::Kryo;
//!
//! let mut kryo = Kryo::new();
//! kryo.set_serializer::<String, _>(DeflateSerializer::new(DeflateConfig::default()));
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &String::from("aaaaaaaaaa"))?;
//! // One chunk of 6 deflated bytes, then the end of the run.
//! assert_eq!(out.as_slice(), [0x06, 0x4b, 0x4c, 0x84, 0x82, 0x87, 0x00, 0x00]);
//! let back: String = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back, "aaaaaaaaaa");
//! # Ok::<(), kryo5::Error>(())
//! ```

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use kryo5_io::sink::Sink;
use kryo5_io::{Input, OutputBuffer, Safe};

use crate::chunked::{self, OutSink};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;
use crate::serializers::nested::Nested;
use crate::types::KryoType;

/// Java's chunk and buffer size for deflated data.
const CHUNK: usize = 256;

/// Settings of [`DeflateSerializer`].
///
/// ```
/// use kryo5_core::serializers::deflate::DeflateConfig;
/// let config = DeflateConfig::default();
/// assert_eq!((config.compression_level, config.no_headers), (4, true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeflateConfig {
    /// `setCompressionLevel` (default 4): zlib's level, 0 to 9.
    pub compression_level: u32,
    /// `setNoHeaders` (default `true`): raw deflate; `false` wraps it in
    /// zlib's header and Adler-32 trailer.
    pub no_headers: bool,
    /// The most bytes a read inflates to (default 64 MiB): more is an
    /// [`ErrorKind::InvalidData`] error, so a small input cannot claim
    /// unbounded memory. Java has no such limit.
    pub max_inflated: usize,
}

impl Default for DeflateConfig {
    fn default() -> Self {
        DeflateConfig {
            compression_level: 4,
            no_headers: true,
            max_inflated: 64 << 20,
        }
    }
}

/// Java's `DeflateSerializer` around `T`'s own serializer, or around
/// another one ([`DeflateSerializer::wrapping`]). Register it for `T`
/// with [`Kryo::register_with_serializer`] or [`Kryo::set_serializer`].
pub struct DeflateSerializer<T> {
    config: DeflateConfig,
    inner: Nested<T>,
}

impl<T: KryoType> DeflateSerializer<T> {
    /// Deflates what `T`'s own [`KryoType`] implementation writes.
    #[must_use]
    pub fn new(config: DeflateConfig) -> Self {
        DeflateSerializer {
            config,
            inner: Nested::own(),
        }
    }

    /// Deflates what `inner` writes.
    #[must_use]
    pub fn wrapping(config: DeflateConfig, inner: impl Serializer<T>) -> Self {
        DeflateSerializer {
            config,
            inner: Nested::with(inner),
        }
    }
}

impl<T: KryoType> Serializer<T> for DeflateSerializer<T> {
    fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()> {
        write_deflated(&self.config, out, |payload| {
            self.inner.write(kryo, payload, value)
        })
    }

    fn read<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<T> {
        let inflated = read_inflated(&self.config, input)?;
        self.inner.read(kryo, &mut Input::new(&inflated))
    }

    fn copy(&self, kryo: &mut Kryo, value: &T) -> Result<T> {
        self.inner.copy(kryo, value)
    }
}

/// Writes what `body` writes, deflated, as a run of chunks (Java's
/// `DeflateSerializer.write` around its nested serializer). Public
/// (hidden) for the dynamic codec.
///
/// # Errors
/// As `body`; zlib failures; write errors.
#[doc(hidden)]
pub fn write_deflated(
    config: &DeflateConfig,
    out: &mut dyn Out,
    body: impl FnOnce(&mut dyn Out) -> Result<()>,
) -> Result<()> {
    let level = Compression::new(config.compression_level.min(9));
    let mut chunks = chunked::output(out, CHUNK);
    let stage = Deflating {
        z: Compress::new(level, !config.no_headers),
        chunks: &mut chunks,
    };
    // Java: `new Output(new DeflaterOutputStream(chunks), 256)`.
    let mut payload: OutputBuffer<_, Safe> = OutputBuffer::with_sink(stage, CHUNK);
    body(&mut payload)?;
    payload.flush()?;
    let mut stage = payload.into_sink()?;
    stage.deflate(&[], FlushCompress::Finish)?;
    Ok(chunks.end_chunk()?)
}

/// Reads a run of deflated chunks and inflates it: the nested
/// serializer's bytes. Public (hidden) for the dynamic codec.
///
/// # Errors
/// Truncated input; malformed deflate data; more than
/// [`DeflateConfig::max_inflated`] bytes.
#[doc(hidden)]
pub fn read_inflated(config: &DeflateConfig, input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    let at = input.total();
    let deflated = read_run(input)?;
    inflate(&deflated, config).map_err(|e| e.at(at))
}

/// The sink under the nested serializer's buffer: Java's
/// `DeflaterOutputStream` over the chunk writer.
struct Deflating<'a, 'o> {
    z: Compress,
    chunks: &'a mut OutputBuffer<kryo5_io::sink::ChunkSink<OutSink<'o>>, Safe>,
}

impl Deflating<'_, '_> {
    /// Compresses `input` with `flush`, handing every byte zlib produces to
    /// the chunk writer (Java's `deflate()` loop).
    fn deflate(&mut self, mut input: &[u8], flush: FlushCompress) -> kryo5_io::Result<()> {
        let mut buf = [0u8; 512];
        loop {
            let (before_in, before_out) = (self.z.total_in(), self.z.total_out());
            let status = self
                .z
                .compress(input, &mut buf, flush)
                .map_err(|_| zlib_error("deflate failed"))?;
            let used = (self.z.total_in() - before_in) as usize;
            let made = (self.z.total_out() - before_out) as usize;
            input = &input[used..];
            self.chunks.write_bytes(&buf[..made])?;
            let done = match flush {
                FlushCompress::Finish => status == Status::StreamEnd,
                _ => input.is_empty() && made < buf.len(),
            };
            if done {
                return Ok(());
            }
        }
    }
}

impl Sink for Deflating<'_, '_> {
    const STREAM: bool = true;

    fn write(&mut self, bytes: &[u8]) -> kryo5_io::Result<()> {
        self.deflate(bytes, FlushCompress::None)
    }

    /// `DeflaterOutputStream.flush()` without sync flush: only the chunk
    /// writer is flushed (a chunk of what zlib gave so far, if anything).
    fn flush(&mut self) -> kryo5_io::Result<()> {
        self.chunks.flush()
    }
}

fn zlib_error(what: &str) -> kryo5_io::Error {
    kryo5_io::Error::new(
        kryo5_io::ErrorKind::Io(std::io::Error::other(what.to_owned())),
        0,
    )
}

/// The data of one run of chunks (Java's `InputChunked`), which the input
/// itself holds: no allocation beyond it.
fn read_run(input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    loop {
        let len = input.read_var_int(true)? as u32 as usize;
        if len == 0 {
            return Ok(data);
        }
        data.extend_from_slice(&input.read_bytes(len)?);
    }
}

/// Inflates `deflated`, at most `config.max_inflated` bytes.
fn inflate(deflated: &[u8], config: &DeflateConfig) -> Result<Vec<u8>> {
    let bad = |what: String| Error::new(ErrorKind::InvalidData(what));
    let mut z = Decompress::new(!config.no_headers);
    let mut out = Vec::with_capacity(deflated.len().saturating_mul(2).min(config.max_inflated));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= config.max_inflated {
                return Err(bad(format!(
                    "deflated data inflates past the limit of {} bytes (DeflateConfig::max_inflated)",
                    config.max_inflated
                )));
            }
            let more = out.len().max(CHUNK).min(config.max_inflated - out.len());
            out.reserve_exact(more);
        }
        let before = z.total_in() as usize;
        let status = z
            .decompress_vec(&deflated[before..], &mut out, FlushDecompress::Finish)
            .map_err(|e| bad(format!("malformed deflate data: {e}")))?;
        match status {
            Status::StreamEnd => return Ok(out),
            // Output space ran out: grow (above) and go on.
            _ if out.len() == out.capacity() => {}
            _ => return Err(bad("truncated deflate data".into())),
        }
    }
}
