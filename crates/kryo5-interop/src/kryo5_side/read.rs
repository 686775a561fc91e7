//! Read ops on kryo5 inputs.

use kryo5::io::source::{Fill, Reader, SliceSource, Source};
use kryo5::io::{Flavour, Input, InputBuffer, InputChunked, JavaString, NativeInput, Result};

use super::block_end;
use crate::config::{InputClass, InputSource, ReadConfig};
use crate::ops::{ArrayApi, ArrayKind, ReadOp, StrApi};
use crate::outcome::{ReadRun, Step};
use crate::value::{Failure, Value};

/// Runs `ops` on the kryo5 input matching `cfg` over `bytes`.
///
/// ```
/// use kryo5_interop::{kryo5_read, InputClass, InputSource, ReadConfig, ReadOp, Step, Value};
/// let cfg = ReadConfig { class: InputClass::Input, var_len: true, source: InputSource::Array };
/// let run = kryo5_read(&cfg, &[0xac, 0x02], &[ReadOp::VarInt(true), ReadOp::Byte]);
/// assert_eq!(run.steps[0], Step::Value { value: Value::Int(300), total: 2 });
/// assert!(run.failed());
/// ```
///
/// # Panics
/// On a configuration the Java driver rejects too (an array
/// `InputChunked`), or `NextChunk`/`Push`/`Pop` outside a chunked input.
#[must_use]
pub fn kryo5_read(cfg: &ReadConfig, bytes: &[u8], ops: &[ReadOp]) -> ReadRun {
    let mut steps = Vec::with_capacity(ops.len());
    let native = cfg.class.native();
    let end_total = match (cfg.class, cfg.source) {
        (InputClass::InputChunked, InputSource::Stream { buffer_size }) => {
            let mut input = Input::chunked(Reader::new(bytes), buffer_size);
            input.set_variable_length_encoding(cfg.var_len);
            run_chunked(&mut input, ops, &mut steps);
            input.total()
        }
        (InputClass::InputChunked, InputSource::Array) => {
            panic!("InputChunked needs a stream source")
        }
        (_, InputSource::Array) if native => run_all(
            NativeInput::new(bytes),
            cfg.var_len,
            ops,
            &mut steps,
            read_op_slice,
        ),
        (_, InputSource::Array) => run_all(
            Input::new(bytes),
            cfg.var_len,
            ops,
            &mut steps,
            read_op_slice,
        ),
        (_, InputSource::Stream { buffer_size }) if native => run_all(
            NativeInput::from_reader_capacity(bytes, buffer_size),
            cfg.var_len,
            ops,
            &mut steps,
            read_op,
        ),
        (_, InputSource::Stream { buffer_size }) => run_all(
            Input::from_reader_capacity(bytes, buffer_size),
            cfg.var_len,
            ops,
            &mut steps,
            read_op,
        ),
    };
    ReadRun { steps, end_total }
}

/// A read op on one kind of input.
type ReadFn<I> = fn(&mut I, &ReadOp) -> Result<Value>;

fn run_all<'de, S: Source, F: Flavour>(
    mut input: InputBuffer<'de, S, F>,
    var_len: bool,
    ops: &[ReadOp],
    steps: &mut Vec<Step>,
    read: ReadFn<InputBuffer<'de, S, F>>,
) -> u64 {
    input.set_variable_length_encoding(var_len);
    run_ops(&mut input, ops, steps, read);
    input.total()
}

/// Runs `ops` with `read` until one fails; `false` then.
fn run_ops<'de, S: Source, F: Flavour>(
    input: &mut InputBuffer<'de, S, F>,
    ops: &[ReadOp],
    steps: &mut Vec<Step>,
    read: ReadFn<InputBuffer<'de, S, F>>,
) -> bool {
    ops.iter().all(|op| match read(input, op) {
        Ok(value) => {
            steps.push(Step::Value {
                value,
                total: input.total(),
            });
            true
        }
        Err(e) => {
            steps.push(Step::Error(Failure::from_kryo5(&e)));
            false
        }
    })
}

/// Runs ops on a chunked input, with one level of nested chunked inputs
/// (`Push` .. `Pop`).
fn run_chunked<R: Fill>(input: &mut InputChunked<R>, ops: &[ReadOp], steps: &mut Vec<Step>) {
    let mut i = 0;
    while i < ops.len() {
        let ReadOp::Push(size) = ops[i] else {
            if !run_ops(input, &ops[i..=i], steps, read_op_chunked) {
                return;
            }
            i += 1;
            continue;
        };
        let end = block_end(
            ops,
            i,
            |op| matches!(op, ReadOp::Push(_)),
            |op| matches!(op, ReadOp::Pop),
        );
        let mut inner = Input::chunked(&mut *input, size);
        steps.push(Step::Value {
            value: Value::Unit,
            total: inner.total(),
        });
        if !run_ops(&mut inner, &ops[i + 1..end], steps, read_op_chunked) {
            return;
        }
        drop(inner);
        steps.push(Step::Value {
            value: Value::Unit,
            total: input.total(),
        });
        i = end + 1;
    }
}

/// A read op on a chunked input: `NextChunk` is its own.
fn read_op_chunked<R: Fill>(input: &mut InputChunked<R>, op: &ReadOp) -> Result<Value> {
    match op {
        ReadOp::NextChunk => input.next_chunk().map(|()| Value::Unit),
        _ => read_op(input, op),
    }
}

/// A read op on a slice input: the zero-copy APIs are its own.
fn read_op_slice<'de, F: Flavour>(
    input: &mut InputBuffer<'de, SliceSource<'de>, F>,
    op: &ReadOp,
) -> Result<Value> {
    match op {
        ReadOp::String(StrApi::View) => Ok(Value::str(input.read_str()?.as_deref())),
        ReadOp::Array(kind, n, ArrayApi::View) if kind.has_view() => read_view(input, *kind, *n),
        _ => read_op(input, op),
    }
}

fn read_view<'de, F: Flavour>(
    input: &mut InputBuffer<'de, SliceSource<'de>, F>,
    kind: ArrayKind,
    n: usize,
) -> Result<Value> {
    Ok(match kind {
        ArrayKind::Bytes => Value::Bytes(input.read_bytes_ref(n)?.to_vec()),
        ArrayKind::Ints => Value::ints(input.read_ints_ref(n)?.iter().map(|v| v.get())),
        ArrayKind::Longs => Value::ints(input.read_longs_ref(n)?.iter().map(|v| v.get())),
        ArrayKind::Shorts => Value::ints(input.read_shorts_ref(n)?.iter().map(|v| v.get())),
        ArrayKind::Chars => Value::ints(input.read_chars_ref(n)?.iter().map(|v| v.get())),
        ArrayKind::Floats => Value::List(
            input
                .read_floats_ref(n)?
                .iter()
                .map(|v| Value::F32(v.get().to_bits()))
                .collect(),
        ),
        ArrayKind::Doubles => Value::List(
            input
                .read_doubles_ref(n)?
                .iter()
                .map(|v| Value::F64(v.get().to_bits()))
                .collect(),
        ),
        other => unreachable!("{other:?} has no view"),
    })
}

/// One read op: the kryo5 call matching the Java method.
fn read_op<S: Source, F: Flavour>(input: &mut InputBuffer<'_, S, F>, op: &ReadOp) -> Result<Value> {
    let int = |v: i64| Value::Int(v);
    Ok(match op {
        ReadOp::Byte => int((input.read_byte()? as i8).into()),
        ReadOp::ByteUnsigned => int(input.read_byte()?.into()),
        ReadOp::Boolean => Value::Bool(input.read_boolean()?),
        ReadOp::Short => int(input.read_short()?.into()),
        ReadOp::ShortUnsigned => int(input.read_short_unsigned()?.into()),
        ReadOp::Char => int(input.read_char()?.into()),
        ReadOp::Int => int(input.read_int()?.into()),
        ReadOp::Long => int(input.read_long()?),
        ReadOp::Float => Value::F32(input.read_float()?.to_bits()),
        ReadOp::Double => Value::F64(input.read_double()?.to_bits()),
        ReadOp::IntCount(c) => int(input.read_int_count(usize::from(*c))?.into()),
        ReadOp::LongCount(c) => int(input.read_long_count(usize::from(*c))?),
        ReadOp::VarInt(o) => int(input.read_var_int(*o)?.into()),
        ReadOp::VarLong(o) => int(input.read_var_long(*o)?),
        ReadOp::VarIntFlagPeek => Value::Bool(input.peek_var_int_flag()?),
        ReadOp::VarIntFlag(o) => int(input.read_var_int_flag(*o)?.into()),
        ReadOp::IntOpt(o) => int(input.read_int_var_or_fixed(*o)?.into()),
        ReadOp::LongOpt(o) => int(input.read_long_var_or_fixed(*o)?),
        ReadOp::VarFloat(p, o) => {
            Value::F32(input.read_var_float(f32::from_bits(*p), *o)?.to_bits())
        }
        ReadOp::VarDouble(p, o) => {
            Value::F64(input.read_var_double(f64::from_bits(*p), *o)?.to_bits())
        }
        ReadOp::String(api) => read_string(input, *api)?,
        ReadOp::Array(kind, n, api) => read_array(input, *kind, *n, *api == ArrayApi::Into)?,
        ReadOp::SkipVarInts(n) => input.skip_var_ints(*n).map(|()| Value::Unit)?,
        ReadOp::SkipVarLongs(n) => input.skip_var_longs(*n).map(|()| Value::Unit)?,
        ReadOp::CanReadVarInt => Value::Bool(input.can_read_var_int()?),
        ReadOp::CanReadVarLong => Value::Bool(input.can_read_var_long()?),
        ReadOp::CanReadInt => Value::Bool(input.can_read_int()?),
        ReadOp::CanReadLong => Value::Bool(input.can_read_long()?),
        ReadOp::Skip(n) => input.skip(*n).map(|()| Value::Unit)?,
        ReadOp::End => Value::Bool(input.end()?),
        ReadOp::NextChunk | ReadOp::Push(_) | ReadOp::Pop => {
            panic!("{op:?} needs a chunked input (nested one level deep at most)")
        }
    })
}

fn read_string<S: Source, F: Flavour>(
    input: &mut InputBuffer<'_, S, F>,
    api: StrApi,
) -> Result<Value> {
    Ok(match api {
        StrApi::Utf16 => Value::Str(input.read_string_utf16()?.map(JavaString::into_units)),
        StrApi::Utf8 | StrApi::View => Value::str(input.read_string()?.as_deref()),
        StrApi::Into => {
            let mut s = String::from("stale text the read must clear");
            let present = input.read_string_into(&mut s)?;
            Value::str(present.then_some(s.as_str()))
        }
    })
}

/// `read_xs(n)`, or `read_xs_into` a fresh buffer of `n` when `into`.
macro_rules! vec_or_into {
    ($input:ident, $into:expr, $n:expr, $vec:ident, $fill:ident $(, $arg:expr)?) => {
        if $into {
            let mut v = vec![Default::default(); $n];
            $input.$fill(&mut v $(, $arg)?)?;
            v
        } else {
            $input.$vec($n $(, $arg)?)?
        }
    };
}

fn read_array<S: Source, F: Flavour>(
    input: &mut InputBuffer<'_, S, F>,
    kind: ArrayKind,
    n: usize,
    into: bool,
) -> Result<Value> {
    let floats =
        |v: Vec<f32>| Value::List(v.into_iter().map(|x| Value::F32(x.to_bits())).collect());
    let doubles =
        |v: Vec<f64>| Value::List(v.into_iter().map(|x| Value::F64(x.to_bits())).collect());
    Ok(match kind {
        ArrayKind::Bytes => Value::Bytes(vec_or_into!(input, into, n, read_bytes, read_bytes_into)),
        ArrayKind::Ints => Value::ints(vec_or_into!(input, into, n, read_ints, read_ints_into)),
        ArrayKind::Longs => Value::ints(vec_or_into!(input, into, n, read_longs, read_longs_into)),
        ArrayKind::Shorts => {
            Value::ints(vec_or_into!(input, into, n, read_shorts, read_shorts_into))
        }
        ArrayKind::Chars => Value::ints(vec_or_into!(input, into, n, read_chars, read_chars_into)),
        ArrayKind::Floats => floats(vec_or_into!(input, into, n, read_floats, read_floats_into)),
        ArrayKind::Doubles => doubles(vec_or_into!(
            input,
            into,
            n,
            read_doubles,
            read_doubles_into
        )),
        ArrayKind::Booleans => Value::List(
            vec_or_into!(input, into, n, read_booleans, read_booleans_into)
                .into_iter()
                .map(Value::Bool)
                .collect(),
        ),
        ArrayKind::IntsOpt(o) => Value::ints(vec_or_into!(
            input,
            into,
            n,
            read_ints_var_or_fixed,
            read_ints_var_or_fixed_into,
            o
        )),
        ArrayKind::LongsOpt(o) => Value::ints(vec_or_into!(
            input,
            into,
            n,
            read_longs_var_or_fixed,
            read_longs_var_or_fixed_into,
            o
        )),
        ArrayKind::VarInts(o) => {
            let mut v = vec![0i32; n];
            input.read_var_ints_into(&mut v, o)?;
            Value::ints(v)
        }
        ArrayKind::VarLongs(o) => {
            let mut v = vec![0i64; n];
            input.read_var_longs_into(&mut v, o)?;
            Value::ints(v)
        }
    })
}
