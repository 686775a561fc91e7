//! `--many`: a file of consecutive graphs, each written by its own
//! top-level Kryo call, to JSON lines (one graph per line) and back, in
//! constant memory.
//!
//! Decoding slides a fixed window over the file (`Window`): each graph is
//! read from the window's slice; a graph that runs past the window's end
//! fails with a truncation error, so the window moves up to the graph's
//! start, refills (growing, up to `--max-graph`, only for a graph larger
//! than the window), and the graph is read again. Memory is the window plus
//! one graph's values, whatever the file's size.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use kryo5::dynamic::json;
use kryo5::io::{Input, Output};
use kryo5::{Error, ErrorKind};

use crate::codec::{READ_HINT, RootArgs, describe, encode_one, open, sink};
use crate::progress::Progress;

/// Bytes read ahead of the graph being decoded.
const WINDOW: usize = 1 << 20;

/// A window over a byte stream: `buf[start..]` are the bytes not yet
/// consumed, `base` the stream offset of `buf[0]`.
struct Window<R> {
    reader: R,
    buf: Vec<u8>,
    start: usize,
    base: u64,
    /// The window's size; grows for graphs larger than it.
    cap: usize,
    max: usize,
    eof: bool,
}

/// Why a graph could not be read from the stream.
enum StreamError {
    Io(std::io::Error),
    /// The codec failed on complete data (or on `max` bytes).
    Codec(Error, u64),
    /// The graph needs more than `max` bytes.
    TooLarge(u64, usize),
}

impl<R: Read> Window<R> {
    fn new(reader: R, cap: usize, max: usize) -> Self {
        Window {
            reader,
            buf: Vec::with_capacity(cap),
            start: 0,
            base: 0,
            cap: cap.min(max),
            max,
            eof: false,
        }
    }

    /// Stream offset of the next unconsumed byte.
    fn offset(&self) -> u64 {
        self.base + self.start as u64
    }

    /// Drops the consumed bytes and reads until the window is full or the
    /// stream ends.
    fn fill(&mut self) -> std::io::Result<()> {
        self.buf.drain(..self.start);
        self.base += self.start as u64;
        self.start = 0;
        let mut len = self.buf.len();
        self.buf.resize(self.cap, 0);
        while len < self.cap {
            match self.reader.read(&mut self.buf[len..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => len += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.buf.truncate(len);
        Ok(())
    }

    /// Whether the stream has no bytes left.
    fn at_end(&mut self) -> std::io::Result<bool> {
        if self.start == self.buf.len() && !self.eof {
            self.fill()?;
        }
        Ok(self.start == self.buf.len())
    }

    /// Reads one graph with `read`, which returns the value and how many
    /// bytes of the slice it used.
    fn next<T>(
        &mut self,
        mut read: impl FnMut(&[u8]) -> Result<(T, usize), Error>,
    ) -> Result<T, StreamError> {
        loop {
            match read(&self.buf[self.start..]) {
                Ok((v, used)) => {
                    self.start += used;
                    return Ok(v);
                }
                Err(e) if !self.eof && may_need_more(&e) => {
                    if self.start == 0 && self.buf.len() >= self.cap {
                        if self.cap >= self.max {
                            return Err(StreamError::TooLarge(self.offset(), self.max));
                        }
                        self.cap = (self.cap * 2).min(self.max);
                    }
                    self.fill().map_err(StreamError::Io)?;
                }
                Err(e) => return Err(StreamError::Codec(e, self.offset())),
            }
        }
    }
}

/// Errors that more bytes could cure: the slice ended, or it cannot back a
/// declared size.
fn may_need_more(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. }) | ErrorKind::InvalidData(_)
    )
}

/// Decodes every graph in `file` to one JSON line each.
pub(crate) fn decode(
    args: &RootArgs,
    file: &Path,
    output: Option<&Path>,
    max_graph_mib: usize,
    stats: bool,
) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let name = file.display();
    let (f, len) = open(file)?;
    let mut out = sink(output)?;
    let mut window = Window::new(f, WINDOW, max_graph_mib.saturating_mul(1 << 20).max(16));
    let progress = Progress::new(len.unwrap_or(0));
    let mut graphs = 0u64;
    let mut line = Vec::new();
    while !window.at_end().map_err(|e| format!("{name}: {e}"))? {
        let value = window
            .next(|bytes| {
                let mut input = Input::new(bytes);
                let v = codec.read(&mut input, &root)?;
                Ok((v, input.position()))
            })
            .map_err(|e| match e {
                StreamError::Io(e) => format!("{name}: {e}"),
                StreamError::Codec(e, base) => format!(
                    "{name}: graph {} (from byte {base}): {}\n{READ_HINT}",
                    graphs + 1,
                    describe(&e, base)
                ),
                StreamError::TooLarge(at, max) => format!(
                    "{name}: graph {} from byte {at} does not end within {} MiB\nhint: raise --max-graph if a graph is that large; otherwise {}",
                    graphs + 1,
                    max >> 20,
                    &READ_HINT["hint: ".len()..]
                ),
            })?;
        // A graph's line is written whole or not at all.
        line.clear();
        json::write_json(&codec, &value, &root, &mut line)
            .map_err(|e| format!("{name}: graph {}: {e}", graphs + 1))?;
        line.push(b'\n');
        out.write_all(&line).map_err(|e| e.to_string())?;
        graphs += 1;
        progress.set(window.offset());
    }
    progress.finish();
    out.flush().map_err(|e| e.to_string())?;
    if stats {
        let peak = peak_rss_kib().map_or("unknown".into(), |k| format!("{k} KiB"));
        eprintln!(
            "kryo5: {graphs} graphs, {} bytes decoded; peak resident memory {peak}",
            window.offset()
        );
    }
    Ok(())
}

/// The process's peak resident set size (`VmHWM`), where /proc has it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Encodes every JSON line of `file` (blank lines skipped) as one graph.
pub(crate) fn encode(args: &RootArgs, file: &Path, output: Option<&Path>) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let name = file.display();
    let (f, len) = open(file)?;
    let progress = Progress::new(len.unwrap_or(0));
    let mut lines = BufReader::with_capacity(1 << 16, f);
    let mut w = sink(output)?;
    let mut out = Output::new();
    let mut line = String::new();
    let (mut number, mut read) = (0u64, 0u64);
    loop {
        line.clear();
        let n = lines
            .read_line(&mut line)
            .map_err(|e| format!("{name}: line {}: {e}", number + 1))?;
        if n == 0 {
            break;
        }
        number += 1;
        read += n as u64;
        if line.trim().is_empty() {
            continue;
        }
        let j: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
            format!("{name}: line {number}: {e}\nhint: --many takes one JSON document per line (JSON lines), as `kryo5 decode --many` prints")
        })?;
        out.reset();
        encode_one(&mut codec, &root, &j, &mut out)
            .map_err(|e| format!("{name}: line {number}: {e}"))?;
        w.write_all(out.as_slice()).map_err(|e| e.to_string())?;
        progress.set(read);
    }
    progress.finish();
    w.flush().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads consecutive "graphs" of the form `len, bytes...`, failing
    /// with a truncation error when the slice ends early.
    fn chunks(data: &[u8], cap: usize, max: usize) -> Result<Vec<Vec<u8>>, StreamError> {
        let mut w = Window::new(data, cap, max);
        let mut all = Vec::new();
        while !w.at_end().map_err(StreamError::Io)? {
            all.push(w.next(|b| {
                let mut input = Input::new(b);
                let n = input.read_byte()? as usize;
                Ok((input.read_bytes(n)?, 1 + n))
            })?);
        }
        Ok(all)
    }

    #[test]
    fn graphs_across_window_ends_are_read_whole() {
        let data: Vec<u8> = (0..50u8).flat_map(|i| [3, i, i, i]).collect();
        for cap in [1, 3, 4, 5, 7, 64] {
            let Ok(all) = chunks(&data, cap, 64) else {
                panic!("cap {cap}");
            };
            assert_eq!(all.len(), 50);
            assert_eq!(all[49], [49, 49, 49]);
        }
    }

    #[test]
    fn a_graph_larger_than_the_limit_is_an_error() {
        let data = [20u8; 21];
        assert!(matches!(
            chunks(&data, 4, 8),
            Err(StreamError::TooLarge(0, 8))
        ));
        assert!(chunks(&data, 4, 32).is_ok());
    }

    #[test]
    fn a_truncated_last_graph_is_a_codec_error_at_its_offset() {
        let data = [1u8, 9, 3, 1];
        match chunks(&data, 2, 64) {
            Err(StreamError::Codec(e, base)) => {
                assert_eq!(base, 2);
                assert!(matches!(
                    e.kind(),
                    ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
                ));
            }
            _ => panic!("expected a codec error"),
        }
    }
}
