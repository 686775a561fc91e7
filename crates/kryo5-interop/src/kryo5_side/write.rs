//! Write ops on kryo5 outputs.

use kryo5::io::output::sink::{ChunkSink, Memory, Sink, Writer};
use kryo5::io::output::{var_int_length, var_long_length};
use kryo5::io::{Flavour, NativeOutput, Output, OutputBuffer, OutputChunked, Result};

use super::block_end;
use crate::config::{OutputClass, OutputSink, WriteConfig};
use crate::ops::{Array, ArrayKind, WriteOp};
use crate::outcome::{WriteFailure, WriteRun};
use crate::value::Failure;

/// Runs `ops` on the kryo5 output matching `cfg` and reports what it wrote.
///
/// ```
/// use kryo5_interop::{kryo5_write, OutputClass, OutputSink, WriteConfig, WriteOp};
/// let cfg = WriteConfig { class: OutputClass::Output, var_len: true, sink: OutputSink::Stream { buffer_size: 16 } };
/// let run = kryo5_write(&cfg, &[WriteOp::VarInt(300, true), WriteOp::Int(-1)]);
/// assert_eq!(run.bytes, [0xac, 0x02, 0xff, 0xff, 0xff, 0xff]);
/// assert_eq!(run.lengths, [2]);
/// ```
///
/// # Panics
/// On a configuration the Java driver rejects too (an in-memory
/// `OutputChunked`), or `EndChunk`/`Push`/`Pop` outside a chunked output.
#[must_use]
pub fn kryo5_write(cfg: &WriteConfig, ops: &[WriteOp]) -> WriteRun {
    let mut rec = Recorder::default();
    let native = cfg.class.native();
    match (cfg.class, cfg.sink) {
        (OutputClass::OutputChunked, OutputSink::Stream { buffer_size }) => {
            let mut out = Output::chunked(Writer::new(Vec::new()), buffer_size);
            out.set_variable_length_encoding(cfg.var_len);
            run_chunked(&mut out, ops, &mut rec);
            finish_stream(out, rec, |s: &ChunkSink<Writer<Vec<u8>>>| {
                s.get_ref().get_ref()
            })
        }
        (OutputClass::OutputChunked, OutputSink::Memory { .. }) => {
            panic!("OutputChunked needs a stream sink")
        }
        (_, OutputSink::Memory { buffer_size, max }) if native => {
            let out = match max {
                Some(max) => NativeOutput::bounded(buffer_size, max),
                None => NativeOutput::with_capacity(buffer_size),
            };
            run_memory(out, cfg.var_len, ops, rec)
        }
        (_, OutputSink::Memory { buffer_size, max }) => {
            let out = match max {
                Some(max) => Output::bounded(buffer_size, max),
                None => Output::with_capacity(buffer_size),
            };
            run_memory(out, cfg.var_len, ops, rec)
        }
        (_, OutputSink::Stream { buffer_size }) if native => {
            let out = NativeOutput::with_writer_capacity(Vec::new(), buffer_size);
            run_writer(out, cfg.var_len, ops, rec)
        }
        (_, OutputSink::Stream { buffer_size }) => {
            let out = Output::with_writer_capacity(Vec::new(), buffer_size);
            run_writer(out, cfg.var_len, ops, rec)
        }
    }
}

/// Collects per-op results of a write case.
#[derive(Default)]
struct Recorder {
    lengths: Vec<i64>,
    op_totals: Vec<u64>,
    failure: Option<WriteFailure>,
}

impl Recorder {
    /// Records op `index`'s result; `false` once it failed.
    fn record(
        &mut self,
        index: usize,
        before: u64,
        result: Result<Option<usize>>,
        after: u64,
    ) -> bool {
        match result {
            Ok(length) => {
                self.lengths.extend(length.map(|n| n as i64));
                self.op_totals.push(after);
                true
            }
            Err(e) => {
                self.failure = Some(WriteFailure {
                    op: index,
                    total_before: before,
                    failure: Failure::from_kryo5(&e),
                });
                false
            }
        }
    }

    fn finish(self, bytes: Vec<u8>, total: u64) -> WriteRun {
        WriteRun {
            bytes,
            total,
            lengths: self.lengths,
            failure: self.failure,
            op_totals: self.op_totals,
        }
    }
}

fn run_memory<F: Flavour>(
    mut out: OutputBuffer<Memory, F>,
    var_len: bool,
    ops: &[WriteOp],
    mut rec: Recorder,
) -> WriteRun {
    out.set_variable_length_encoding(var_len);
    run_ops(&mut out, ops, 0, &mut rec, write_op);
    let total = out.total();
    rec.finish(out.into_vec(), total)
}

fn run_writer<F: Flavour>(
    mut out: OutputBuffer<Writer<Vec<u8>>, F>,
    var_len: bool,
    ops: &[WriteOp],
    mut rec: Recorder,
) -> WriteRun {
    out.set_variable_length_encoding(var_len);
    run_ops(&mut out, ops, 0, &mut rec, write_op);
    finish_stream(out, rec, Writer::get_ref)
}

/// Flushes a stream output (unless an op failed) and collects its bytes:
/// those in the sink, then those still buffered.
fn finish_stream<S: Sink, F: Flavour>(
    mut out: OutputBuffer<S, F>,
    rec: Recorder,
    sink_bytes: impl FnOnce(&S) -> &Vec<u8>,
) -> WriteRun {
    if rec.failure.is_none() {
        out.flush().expect("flushing into a Vec cannot fail");
    }
    let mut bytes = sink_bytes(out.sink()).clone();
    bytes.extend_from_slice(out.as_slice());
    rec.finish(bytes, out.total())
}

/// Runs `ops` (numbered from `base`) with `apply` until one fails.
fn run_ops<S: Sink, F: Flavour>(
    out: &mut OutputBuffer<S, F>,
    ops: &[WriteOp],
    base: usize,
    rec: &mut Recorder,
    apply: fn(&mut OutputBuffer<S, F>, &WriteOp) -> Result<Option<usize>>,
) -> bool {
    ops.iter().enumerate().all(|(i, op)| {
        let before = out.total();
        let result = apply(out, op);
        rec.record(base + i, before, result, out.total())
    })
}

/// Runs ops on a chunked output, with one level of nested chunked outputs
/// (`Push` .. `Pop`).
fn run_chunked<S: Sink>(out: &mut OutputChunked<S>, ops: &[WriteOp], rec: &mut Recorder) {
    let mut i = 0;
    while i < ops.len() {
        let WriteOp::Push(size) = ops[i] else {
            if !run_ops(out, &ops[i..=i], i, rec, chunked_op) {
                return;
            }
            i += 1;
            continue;
        };
        let end = block_end(
            ops,
            i,
            |op| matches!(op, WriteOp::Push(_)),
            |op| matches!(op, WriteOp::Pop),
        );
        let total = out.total();
        rec.record(i, total, Ok(None), total);
        let mut inner = Output::chunked(&mut *out, size);
        if !run_ops(&mut inner, &ops[i + 1..end], i + 1, rec, chunked_op) {
            return;
        }
        drop(inner);
        let total = out.total();
        rec.record(end, total, Ok(None), total);
        i = end + 1;
    }
}

/// A write op on a chunked output: `EndChunk` is its own; the rest as
/// [`write_op`].
fn chunked_op<S: Sink>(out: &mut OutputChunked<S>, op: &WriteOp) -> Result<Option<usize>> {
    match op {
        WriteOp::EndChunk => out.end_chunk().map(|()| None),
        _ => write_op(out, op),
    }
}

/// One write op: the kryo5 call matching the Java method. Returns the byte
/// count for the methods that return one.
fn write_op<S: Sink, F: Flavour>(
    out: &mut OutputBuffer<S, F>,
    op: &WriteOp,
) -> Result<Option<usize>> {
    let unit = |r: Result<()>| r.map(|()| None);
    match op {
        WriteOp::Byte(v) => unit(out.write_byte(*v as u8)),
        WriteOp::Boolean(v) => unit(out.write_boolean(*v)),
        WriteOp::Short(v) => unit(out.write_short(*v)),
        WriteOp::Char(v) => unit(out.write_char(*v)),
        WriteOp::Int(v) => unit(out.write_int(*v)),
        WriteOp::Long(v) => unit(out.write_long(*v)),
        WriteOp::Float(b) => unit(out.write_float(f32::from_bits(*b))),
        WriteOp::Double(b) => unit(out.write_double(f64::from_bits(*b))),
        WriteOp::IntCount(v, c) => unit(out.write_int_count(*v, usize::from(*c))),
        WriteOp::LongCount(v, c) => unit(out.write_long_count(*v, usize::from(*c))),
        WriteOp::VarInt(v, o) => out.write_var_int(*v, *o).map(Some),
        WriteOp::VarLong(v, o) => out.write_var_long(*v, *o).map(Some),
        WriteOp::VarIntFlag(f, v, o) => out.write_var_int_flag(*f, *v, *o).map(Some),
        WriteOp::IntOpt(v, o) => out.write_int_var_or_fixed(*v, *o).map(Some),
        WriteOp::LongOpt(v, o) => out.write_long_var_or_fixed(*v, *o).map(Some),
        WriteOp::VarFloat(v, p, o) => out
            .write_var_float(f32::from_bits(*v), f32::from_bits(*p), *o)
            .map(Some),
        WriteOp::VarDouble(v, p, o) => out
            .write_var_double(f64::from_bits(*v), f64::from_bits(*p), *o)
            .map(Some),
        WriteOp::StringUtf8(s) => unit(out.write_string(s.as_deref())),
        WriteOp::StringUtf16(s) => unit(out.write_string_utf16(s.as_deref())),
        WriteOp::Ascii(s) => unit(out.write_ascii(s.as_deref())),
        WriteOp::Array(a) => unit(write_array(out, a)),
        WriteOp::IntLength(v, o) => Ok(Some(out.int_length(*v, *o))),
        WriteOp::LongLength(v, o) => Ok(Some(out.long_length((*v).into(), *o))),
        WriteOp::VarIntLength(v, o) => Ok(Some(var_int_length(*v, *o))),
        WriteOp::VarLongLength(v, o) => Ok(Some(var_long_length(*v, *o))),
        WriteOp::Flush => unit(out.flush()),
        WriteOp::EndChunk | WriteOp::Push(_) | WriteOp::Pop => {
            panic!("{op:?} needs a chunked output (nested one level deep at most)")
        }
    }
}

fn write_array<S: Sink, F: Flavour>(out: &mut OutputBuffer<S, F>, a: &Array) -> Result<()> {
    match a.kind {
        ArrayKind::Bytes => out.write_bytes(&a.bytes()),
        ArrayKind::Ints => out.write_ints(&a.ints()),
        ArrayKind::Longs => out.write_longs(&a.ints()),
        ArrayKind::Floats => out.write_floats(&a.f32s()),
        ArrayKind::Doubles => out.write_doubles(&a.f64s()),
        ArrayKind::Shorts => out.write_shorts(&a.ints()),
        ArrayKind::Chars => out.write_chars(&a.ints()),
        ArrayKind::Booleans => out.write_booleans(&a.bools()),
        ArrayKind::IntsOpt(o) => out.write_ints_var_or_fixed(&a.ints(), o),
        ArrayKind::LongsOpt(o) => out.write_longs_var_or_fixed(&a.ints(), o),
        ArrayKind::VarInts(o) => out.write_var_ints(&a.ints(), o),
        ArrayKind::VarLongs(o) => out.write_var_longs(&a.ints(), o),
    }
}
