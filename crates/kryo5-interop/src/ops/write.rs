//! [`WriteOp`]: one `Output` call with its values.

use kryo5::io::output::{var_int_length, var_long_length};

use super::{Array, ArrayKind, ReadOp};
use crate::value::Value;

/// One `Output` call. Floats and doubles are raw bits so NaN payloads
/// survive the trip to Java.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteOp {
    /// `writeByte(byte)` / `write_byte`.
    Byte(i8),
    /// `writeBoolean` / `write_boolean`.
    Boolean(bool),
    /// `writeShort` / `write_short`.
    Short(i16),
    /// `writeChar` / `write_char`.
    Char(u16),
    /// `writeInt(int)` / `write_int`.
    Int(i32),
    /// `writeLong(long)` / `write_long`.
    Long(i64),
    /// `writeFloat` / `write_float`, raw bits.
    Float(u32),
    /// `writeDouble` / `write_double`, raw bits.
    Double(u64),
    /// `writeInt(value, count)` / `write_int_count`, count 0..=4.
    IntCount(i32, u8),
    /// `writeLong(value, count)` / `write_long_count`, count 0..=8.
    LongCount(i64, u8),
    /// `writeVarInt(value, optimizePositive)` / `write_var_int`.
    VarInt(i32, bool),
    /// `writeVarLong` / `write_var_long`.
    VarLong(i64, bool),
    /// `writeVarIntFlag(flag, value, optimizePositive)` / `write_var_int_flag`.
    VarIntFlag(bool, i32, bool),
    /// `writeInt(value, optimizePositive)` / `write_int_var_or_fixed`.
    IntOpt(i32, bool),
    /// `writeLong(value, optimizePositive)` / `write_long_var_or_fixed`.
    LongOpt(i64, bool),
    /// `writeVarFloat(value, precision, optimizePositive)`, raw bits.
    VarFloat(u32, u32, bool),
    /// `writeVarDouble(value, precision, optimizePositive)`, raw bits.
    VarDouble(u64, u64, bool),
    /// `writeString` via kryo5's `write_string` (Rust text).
    StringUtf8(Option<String>),
    /// `writeString` via kryo5's `write_string_utf16` (any Java string,
    /// lone surrogates included).
    StringUtf16(Option<Vec<u16>>),
    /// `writeAscii` / `write_ascii` (ASCII text only).
    Ascii(Option<String>),
    /// A bulk array method.
    Array(Array),
    /// `intLength(value, optimizePositive)` / `int_length`: writes nothing,
    /// returns the length.
    IntLength(i32, bool),
    /// `longLength(int value, optimizePositive)` / `long_length` (Java takes
    /// an `int` here).
    LongLength(i32, bool),
    /// `Output.varIntLength` / `output::var_int_length`.
    VarIntLength(i32, bool),
    /// `Output.varLongLength` / `output::var_long_length`.
    VarLongLength(i64, bool),
    /// `flush()`.
    Flush,
    /// `OutputChunked.endChunk()` (chunked outputs only).
    EndChunk,
    /// Starts a nested chunked output of this buffer size writing into the
    /// current one (Java `new OutputChunked(current, n)`, kryo5
    /// `Output::chunked(&mut current, n)`). End its data with
    /// [`WriteOp::EndChunk`] before the matching [`WriteOp::Pop`].
    Push(usize),
    /// Ends the innermost nested chunked output (it is dropped, unflushed).
    Pop,
}

impl WriteOp {
    /// An array op of `kind` with `items`.
    #[must_use]
    pub fn array(kind: ArrayKind, items: Vec<Value>) -> Self {
        WriteOp::Array(Array { kind, items })
    }

    /// The driver script line.
    ///
    /// ```
    /// use kryo5_interop::WriteOp;
    /// assert_eq!(WriteOp::VarInt(300, true).java(), "writeVarInt 300 true");
    /// assert_eq!(WriteOp::Float(0x7fc0_0001).java(), "writeFloat f7fc00001");
    /// assert_eq!(WriteOp::StringUtf8(Some("ab".into())).java(), "writeString S00610062");
    /// ```
    #[must_use]
    pub fn java(&self) -> String {
        match self {
            WriteOp::Byte(v) => format!("writeByte {v}"),
            WriteOp::Boolean(v) => format!("writeBoolean {v}"),
            WriteOp::Short(v) => format!("writeShort {v}"),
            WriteOp::Char(v) => format!("writeChar {v}"),
            WriteOp::Int(v) => format!("writeInt {v}"),
            WriteOp::Long(v) => format!("writeLong {v}"),
            WriteOp::Float(b) => format!("writeFloat {}", Value::F32(*b)),
            WriteOp::Double(b) => format!("writeDouble {}", Value::F64(*b)),
            WriteOp::IntCount(v, c) => format!("writeIntCount {v} {c}"),
            WriteOp::LongCount(v, c) => format!("writeLongCount {v} {c}"),
            WriteOp::VarInt(v, o) => format!("writeVarInt {v} {o}"),
            WriteOp::VarLong(v, o) => format!("writeVarLong {v} {o}"),
            WriteOp::VarIntFlag(f, v, o) => format!("writeVarIntFlag {f} {v} {o}"),
            WriteOp::IntOpt(v, o) => format!("writeIntOpt {v} {o}"),
            WriteOp::LongOpt(v, o) => format!("writeLongOpt {v} {o}"),
            WriteOp::VarFloat(v, p, o) => {
                format!("writeVarFloat {} {} {o}", Value::F32(*v), Value::F32(*p))
            }
            WriteOp::VarDouble(v, p, o) => {
                format!("writeVarDouble {} {} {o}", Value::F64(*v), Value::F64(*p))
            }
            WriteOp::StringUtf8(s) => format!("writeString {}", Value::str(s.as_deref())),
            WriteOp::StringUtf16(s) => format!("writeString {}", Value::Str(s.clone())),
            WriteOp::Ascii(s) => format!("writeAscii {}", Value::str(s.as_deref())),
            WriteOp::Array(a) => match a.kind.optimize_positive() {
                Some(o) => format!("write{} {} {o}", a.kind.java_name(), a.java_arg()),
                None => format!("write{} {}", a.kind.java_name(), a.java_arg()),
            },
            WriteOp::IntLength(v, o) => format!("intLength {v} {o}"),
            WriteOp::LongLength(v, o) => format!("longLength {v} {o}"),
            WriteOp::VarIntLength(v, o) => format!("varIntLength {v} {o}"),
            WriteOp::VarLongLength(v, o) => format!("varLongLength {v} {o}"),
            WriteOp::Flush => "flush".to_owned(),
            WriteOp::EndChunk => "endChunk".to_owned(),
            WriteOp::Push(n) => format!("push {n}"),
            WriteOp::Pop => "pop".to_owned(),
        }
    }

    /// Whether the Java method returns a byte count (and kryo5's a
    /// `usize`): the var-length writes and the length queries.
    #[must_use]
    pub fn returns_length(&self) -> bool {
        matches!(
            self,
            WriteOp::VarInt(..)
                | WriteOp::VarLong(..)
                | WriteOp::VarIntFlag(..)
                | WriteOp::IntOpt(..)
                | WriteOp::LongOpt(..)
                | WriteOp::VarFloat(..)
                | WriteOp::VarDouble(..)
                | WriteOp::IntLength(..)
                | WriteOp::LongLength(..)
                | WriteOp::VarIntLength(..)
                | WriteOp::VarLongLength(..)
        )
    }

    /// The read ops that read this op's bytes back, with the values they
    /// must return. `native` selects the Unsafe flavour, which keeps NaN
    /// payloads (the safe one writes Java's canonical NaN).
    ///
    /// ```
    /// use kryo5_interop::{ReadOp, Value, WriteOp};
    /// assert_eq!(
    ///     WriteOp::VarIntFlag(true, 5, false).read_back(false),
    ///     [(ReadOp::VarIntFlagPeek, Value::Bool(true)), (ReadOp::VarIntFlag(false), Value::Int(5))]
    /// );
    /// assert_eq!(WriteOp::Float(0x7fc0_0001).read_back(false), [(ReadOp::Float, Value::F32(0x7fc0_0000))]);
    /// assert_eq!(WriteOp::Float(0x7fc0_0001).read_back(true), [(ReadOp::Float, Value::F32(0x7fc0_0001))]);
    /// ```
    #[must_use]
    pub fn read_back(&self, native: bool) -> Vec<(ReadOp, Value)> {
        let nan = |v: Value| if native { v } else { v.canonical_nan() };
        let one = |op: ReadOp, v: Value| vec![(op, v)];
        match self {
            WriteOp::Byte(v) => one(ReadOp::Byte, Value::Int((*v).into())),
            WriteOp::Boolean(v) => one(ReadOp::Boolean, Value::Bool(*v)),
            WriteOp::Short(v) => one(ReadOp::Short, Value::Int((*v).into())),
            WriteOp::Char(v) => one(ReadOp::Char, Value::Int((*v).into())),
            WriteOp::Int(v) => one(ReadOp::Int, Value::Int((*v).into())),
            WriteOp::Long(v) => one(ReadOp::Long, Value::Int(*v)),
            WriteOp::Float(b) => one(ReadOp::Float, nan(Value::F32(*b))),
            WriteOp::Double(b) => one(ReadOp::Double, nan(Value::F64(*b))),
            // A count of 0 writes nothing, and Java cannot read 0 bytes.
            WriteOp::IntCount(_, 0) | WriteOp::LongCount(_, 0) => Vec::new(),
            WriteOp::IntCount(v, c) => one(
                ReadOp::IntCount(*c),
                Value::Int(sign_extend((*v).into(), *c)),
            ),
            WriteOp::LongCount(v, c) => one(ReadOp::LongCount(*c), Value::Int(sign_extend(*v, *c))),
            WriteOp::VarInt(v, o) => one(ReadOp::VarInt(*o), Value::Int((*v).into())),
            WriteOp::VarLong(v, o) => one(ReadOp::VarLong(*o), Value::Int(*v)),
            WriteOp::VarIntFlag(f, v, o) => vec![
                (ReadOp::VarIntFlagPeek, Value::Bool(*f)),
                (ReadOp::VarIntFlag(*o), Value::Int((*v).into())),
            ],
            WriteOp::IntOpt(v, o) => one(ReadOp::IntOpt(*o), Value::Int((*v).into())),
            WriteOp::LongOpt(v, o) => one(ReadOp::LongOpt(*o), Value::Int(*v)),
            WriteOp::VarFloat(v, p, o) => {
                let p = f32::from_bits(*p);
                let stored = (f32::from_bits(*v) * p) as i32;
                one(
                    ReadOp::VarFloat(p.to_bits(), *o),
                    Value::F32((stored as f32 / p).to_bits()),
                )
            }
            WriteOp::VarDouble(v, p, o) => {
                let p = f64::from_bits(*p);
                let stored = (f64::from_bits(*v) * p) as i64;
                one(
                    ReadOp::VarDouble(p.to_bits(), *o),
                    Value::F64((stored as f64 / p).to_bits()),
                )
            }
            WriteOp::StringUtf8(s) | WriteOp::Ascii(s) => one(
                ReadOp::String(super::StrApi::Utf16),
                Value::str(s.as_deref()),
            ),
            WriteOp::StringUtf16(s) => {
                one(ReadOp::String(super::StrApi::Utf16), Value::Str(s.clone()))
            }
            WriteOp::Array(a) => one(
                ReadOp::Array(a.kind, a.len(), super::ArrayApi::Vec),
                nan(a.read_value()),
            ),
            WriteOp::IntLength(..)
            | WriteOp::LongLength(..)
            | WriteOp::VarIntLength(..)
            | WriteOp::VarLongLength(..)
            | WriteOp::Flush => Vec::new(),
            WriteOp::EndChunk => one(ReadOp::NextChunk, Value::Unit),
            WriteOp::Push(n) => one(ReadOp::Push(*n), Value::Unit),
            WriteOp::Pop => one(ReadOp::Pop, Value::Unit),
        }
    }

    /// The most bytes Java's `Output` asks `require` for at once while
    /// writing this op (with the variable-length switch `var_len`). A stream
    /// output whose buffer is smaller throws `KryoBufferOverflowException`
    /// on the op; generators use this to keep small-buffer cases running.
    ///
    /// ```
    /// use kryo5_interop::WriteOp;
    /// assert_eq!(WriteOp::Long(1).widest_unit(true), 8);
    /// assert_eq!(WriteOp::LongOpt(1, true).widest_unit(true), 1);
    /// assert_eq!(WriteOp::LongOpt(1, true).widest_unit(false), 8);
    /// ```
    #[must_use]
    pub fn widest_unit(&self, var_len: bool) -> usize {
        match self {
            WriteOp::Byte(_) | WriteOp::Boolean(_) => 1,
            WriteOp::Short(_) | WriteOp::Char(_) => 2,
            WriteOp::Int(_) | WriteOp::Float(_) => 4,
            WriteOp::Long(_) | WriteOp::Double(_) => 8,
            WriteOp::IntCount(_, c) | WriteOp::LongCount(_, c) => usize::from(*c),
            WriteOp::VarInt(v, o) => var_int_length(*v, *o),
            WriteOp::VarLong(v, o) => var_long_length(*v, *o),
            WriteOp::VarIntFlag(_, v, o) => var_flag_length(*v, *o),
            WriteOp::IntOpt(v, o) if var_len => var_int_length(*v, *o),
            WriteOp::IntOpt(..) => 4,
            WriteOp::LongOpt(v, o) if var_len => var_long_length(*v, *o),
            WriteOp::LongOpt(..) => 8,
            WriteOp::VarFloat(v, p, o) => {
                var_int_length((f32::from_bits(*v) * f32::from_bits(*p)) as i32, *o)
            }
            WriteOp::VarDouble(v, p, o) => {
                var_long_length((f64::from_bits(*v) * f64::from_bits(*p)) as i64, *o)
            }
            WriteOp::StringUtf8(s) => string_unit(
                s.as_ref()
                    .map(|s| s.encode_utf16().collect::<Vec<_>>())
                    .as_deref(),
            ),
            WriteOp::StringUtf16(s) => string_unit(s.as_deref()),
            // One character is written as `82 c` after require(2).
            WriteOp::Ascii(Some(s)) if s.len() == 1 => 2,
            WriteOp::Ascii(_) => 1,
            WriteOp::Array(a) => array_unit(a, var_len),
            WriteOp::IntLength(..)
            | WriteOp::LongLength(..)
            | WriteOp::VarIntLength(..)
            | WriteOp::VarLongLength(..)
            | WriteOp::Flush
            | WriteOp::EndChunk
            | WriteOp::Push(_)
            | WriteOp::Pop => 0,
        }
    }
}

/// The low `count` bytes of `v`, big-endian, read back sign-extended (Java's
/// `readInt(count)`/`readLong(count)`).
fn sign_extend(v: i64, count: u8) -> i64 {
    let shift = 64 - 8 * u32::from(count);
    (v << shift) >> shift
}

/// Bytes of `writeVarIntFlag(_, value, optimizePositive)`.
fn var_flag_length(value: i32, optimize_positive: bool) -> usize {
    let u = if optimize_positive {
        value as u32
    } else {
        ((value << 1) ^ (value >> 31)) as u32
    };
    match u {
        0..0x40 => 1,
        0x40..0x2000 => 2,
        0x2000..0x10_0000 => 3,
        0x10_0000..0x800_0000 => 4,
        _ => 5,
    }
}

/// [`WriteOp::widest_unit`] of `writeString`: the header, and 2 bytes after
/// the first byte of a 3-byte character.
fn string_unit(units: Option<&[u16]>) -> usize {
    let Some(units) = units else { return 1 };
    let ascii = units.iter().all(|&c| c < 0x80);
    if units.is_empty() || (ascii && (2..=32).contains(&units.len())) {
        return 1;
    }
    let header = var_flag_length(units.len() as i32 + 1, true);
    let body = if units.iter().any(|&c| c >= 0x800) {
        2
    } else {
        1
    };
    header.max(body)
}

/// [`WriteOp::widest_unit`] of an array: whole arrays go in one piece only
/// when they fit the buffer, so one element is the widest unit.
fn array_unit(a: &Array, var_len: bool) -> usize {
    let widest_var = |f: &dyn Fn(i64) -> usize| a.ints::<i64>().into_iter().map(f).max();
    let int_var = |o: bool| widest_var(&|v| var_int_length(v as i32, o));
    let long_var = |o: bool| widest_var(&|v| var_long_length(v, o));
    match a.kind {
        ArrayKind::Bytes | ArrayKind::Booleans => 1,
        ArrayKind::Shorts | ArrayKind::Chars => 2,
        ArrayKind::Ints | ArrayKind::Floats | ArrayKind::IntsOpt(_) if !var_len => 4,
        ArrayKind::Ints | ArrayKind::Floats => 4,
        ArrayKind::Longs | ArrayKind::Doubles => 8,
        ArrayKind::LongsOpt(_) if !var_len => 8,
        ArrayKind::IntsOpt(o) | ArrayKind::VarInts(o) => int_var(o).unwrap_or(0),
        ArrayKind::LongsOpt(o) | ArrayKind::VarLongs(o) => long_var(o).unwrap_or(0),
    }
}
