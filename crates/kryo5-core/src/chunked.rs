//! Chunked encoding inside a graph (format spec 5 and 10.1): a chunked
//! output or input layered over the [`Out`]/[`In`] a serializer was given,
//! as Java's `OutputChunked(output)`/`InputChunked(input)` wrap an `Output`
//! or `Input`.
//!
//! The chunked output flushes into the outer one and flushes it in turn,
//! so nested chunked serializers give Java's chunk boundaries; the chunked
//! input takes from the outer input exactly the bytes of its run of chunks.

use kryo5_io::sink::Sink;
use kryo5_io::source::Fill;
use kryo5_io::{Input, InputChunked, Output, OutputChunked};

use crate::io::{In, Out};

/// An [`Out`] as the destination of a chunked output.
pub(crate) struct OutSink<'a>(&'a mut dyn Out);

impl Sink for OutSink<'_> {
    const STREAM: bool = true;

    fn write(&mut self, bytes: &[u8]) -> kryo5_io::Result<()> {
        self.0.write_bytes(bytes)
    }

    fn flush(&mut self) -> kryo5_io::Result<()> {
        self.0.flush()
    }

    fn offset(&self) -> u64 {
        self.0.total()
    }
}

/// An [`In`] as the stream of a chunked input: hands out what the outer
/// input has buffered, never reading ahead of what is asked; its end is
/// an `UnexpectedEnd` error (truncated data), not the end of a run.
pub(crate) struct InFill<'a, 'de>(&'a mut dyn In<'de>);

impl Fill for InFill<'_, '_> {
    fn fill(&mut self, dst: &mut [u8]) -> kryo5_io::Result<usize> {
        if dst.is_empty() {
            return Ok(0);
        }
        let n = dst.len().min(self.0.available());
        if n > 0 {
            self.0.read_bytes_into(&mut dst[..n])?;
            return Ok(n);
        }
        // Nothing buffered: a stream may hold more. The end of the outer
        // input is an error here, never the end of the run: a run ends
        // with its `00` marker.
        dst[0] = self.0.read_byte()?;
        Ok(1)
    }

    fn offset(&self) -> u64 {
        self.0.total()
    }
}

/// Java's `new OutputChunked(out, chunk_size)`.
pub(crate) fn output(out: &mut dyn Out, chunk_size: usize) -> OutputChunked<OutSink<'_>> {
    Output::chunked(OutSink(out), chunk_size.max(1))
}

/// Java's `new InputChunked(input, chunk_size)`.
pub(crate) fn input<'a, 'de>(
    input: &'a mut dyn In<'de>,
    chunk_size: usize,
) -> InputChunked<InFill<'a, 'de>> {
    Input::chunked(InFill(input), chunk_size.max(1))
}
