//! [`ReadOp`]: one `Input` call.

use super::ArrayKind;
use crate::value::Value;

/// Which kryo5 method reads a string (Java always calls `readString`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrApi {
    /// `read_string_utf16`: lossless, lone surrogates included.
    Utf16,
    /// `read_string`: a Rust `String` (a lone surrogate is an error).
    Utf8,
    /// `read_string_into` a reused `String`.
    Into,
    /// `read_str`, zero-copy on a slice input (`read_string` elsewhere).
    View,
}

/// Which kryo5 method reads a bulk array (Java always calls `readXs(n)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayApi {
    /// `read_xs(n)`, returning a `Vec`.
    Vec,
    /// `read_xs_into(&mut [T])`.
    Into,
    /// `read_xs_ref(n)`, a zero-copy view on a slice input, for the kinds
    /// that have one ([`ArrayKind::has_view`]); `read_xs(n)` elsewhere.
    View,
}

/// One `Input` call.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOp {
    /// `readByte()`: signed.
    Byte,
    /// `readByteUnsigned()`.
    ByteUnsigned,
    /// `readBoolean()`.
    Boolean,
    /// `readShort()`.
    Short,
    /// `readShortUnsigned()`.
    ShortUnsigned,
    /// `readChar()`.
    Char,
    /// `readInt()`.
    Int,
    /// `readLong()`.
    Long,
    /// `readFloat()`: raw bits.
    Float,
    /// `readDouble()`: raw bits.
    Double,
    /// `readInt(count)` / `read_int_count`.
    IntCount(u8),
    /// `readLong(count)` / `read_long_count`.
    LongCount(u8),
    /// `readVarInt(optimizePositive)`.
    VarInt(bool),
    /// `readVarLong(optimizePositive)`.
    VarLong(bool),
    /// `readVarIntFlag()`: the flag, without consuming (`peek_var_int_flag`).
    VarIntFlagPeek,
    /// `readVarIntFlag(optimizePositive)`: the value.
    VarIntFlag(bool),
    /// `readInt(optimizePositive)` / `read_int_var_or_fixed`.
    IntOpt(bool),
    /// `readLong(optimizePositive)` / `read_long_var_or_fixed`.
    LongOpt(bool),
    /// `readVarFloat(precision, optimizePositive)`, precision as bits.
    VarFloat(u32, bool),
    /// `readVarDouble(precision, optimizePositive)`, precision as bits.
    VarDouble(u64, bool),
    /// `readString()`.
    String(StrApi),
    /// A bulk array read of `n` elements.
    Array(ArrayKind, usize, ArrayApi),
    /// Passes over `n` varints (kryo5 `skip_var_ints`; Java reads them).
    SkipVarInts(usize),
    /// Passes over `n` varlongs (kryo5 `skip_var_longs`).
    SkipVarLongs(usize),
    /// `canReadVarInt()`.
    CanReadVarInt,
    /// `canReadVarLong()`.
    CanReadVarLong,
    /// `canReadInt()`.
    CanReadInt,
    /// `canReadLong()`.
    CanReadLong,
    /// `skip(n)`.
    Skip(usize),
    /// `end()`.
    End,
    /// `InputChunked.nextChunk()` (chunked inputs only).
    NextChunk,
    /// Starts a nested chunked input of this buffer size reading from the
    /// current one (Java `new InputChunked(current, n)`, kryo5
    /// `Input::chunked(&mut current, n)`).
    Push(usize),
    /// Ends the innermost nested chunked input.
    Pop,
}

impl ReadOp {
    /// The driver script line.
    ///
    /// ```
    /// use kryo5_interop::{ArrayApi, ReadOp, ops::ArrayKind};
    /// assert_eq!(ReadOp::VarInt(false).java(), "readVarInt false");
    /// assert_eq!(ReadOp::Array(ArrayKind::IntsOpt(true), 3, ArrayApi::Vec).java(), "readIntsOpt 3 true");
    /// ```
    #[must_use]
    pub fn java(&self) -> String {
        match self {
            ReadOp::Byte => "readByte".to_owned(),
            ReadOp::ByteUnsigned => "readByteUnsigned".to_owned(),
            ReadOp::Boolean => "readBoolean".to_owned(),
            ReadOp::Short => "readShort".to_owned(),
            ReadOp::ShortUnsigned => "readShortUnsigned".to_owned(),
            ReadOp::Char => "readChar".to_owned(),
            ReadOp::Int => "readInt".to_owned(),
            ReadOp::Long => "readLong".to_owned(),
            ReadOp::Float => "readFloat".to_owned(),
            ReadOp::Double => "readDouble".to_owned(),
            ReadOp::IntCount(c) => format!("readIntCount {c}"),
            ReadOp::LongCount(c) => format!("readLongCount {c}"),
            ReadOp::VarInt(o) => format!("readVarInt {o}"),
            ReadOp::VarLong(o) => format!("readVarLong {o}"),
            ReadOp::VarIntFlagPeek => "readVarIntFlagPeek".to_owned(),
            ReadOp::VarIntFlag(o) => format!("readVarIntFlag {o}"),
            ReadOp::IntOpt(o) => format!("readIntOpt {o}"),
            ReadOp::LongOpt(o) => format!("readLongOpt {o}"),
            ReadOp::VarFloat(p, o) => format!("readVarFloat {} {o}", Value::F32(*p)),
            ReadOp::VarDouble(p, o) => format!("readVarDouble {} {o}", Value::F64(*p)),
            ReadOp::String(_) => "readString".to_owned(),
            ReadOp::Array(kind, n, _) => match kind.optimize_positive() {
                Some(o) => format!("read{} {n} {o}", kind.java_name()),
                None => format!("read{} {n}", kind.java_name()),
            },
            ReadOp::SkipVarInts(n) => format!("skipVarInts {n}"),
            ReadOp::SkipVarLongs(n) => format!("skipVarLongs {n}"),
            ReadOp::CanReadVarInt => "canReadVarInt".to_owned(),
            ReadOp::CanReadVarLong => "canReadVarLong".to_owned(),
            ReadOp::CanReadInt => "canReadInt".to_owned(),
            ReadOp::CanReadLong => "canReadLong".to_owned(),
            ReadOp::Skip(n) => format!("skip {n}"),
            ReadOp::End => "end".to_owned(),
            ReadOp::NextChunk => "nextChunk".to_owned(),
            ReadOp::Push(n) => format!("push {n}"),
            ReadOp::Pop => "pop".to_owned(),
        }
    }

    /// Whether this op reads a string.
    #[must_use]
    pub fn is_string(&self) -> bool {
        matches!(self, ReadOp::String(_))
    }
}
