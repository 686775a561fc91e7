//! The typed op model: every `Output`/`Input` call the rig can make.
//!
//! A [`WriteOp`] carries its values; from it come the Java script line
//! ([`WriteOp::java`]), the matching kryo5 call (see [`crate::kryo5_side`])
//! and the read ops that read it back with the values expected
//! ([`WriteOp::read_back`]). A [`ReadOp`] likewise gives its Java line and
//! its kryo5 call. Tests are tables of ops; the later object-graph layer can
//! add variants without touching the harness.

mod read;
mod write;

pub use read::{ArrayApi, ReadOp, StrApi};
pub use write::WriteOp;

use crate::value::Value;

/// Which bulk array method: the element type and, for the int/long forms
/// that take one, `optimizePositive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    /// `writeBytes(b, 0, n)` / `readBytes(n)`.
    Bytes,
    /// `writeInts(a, 0, n)` / `readInts(n)`: 4 bytes each.
    Ints,
    /// `writeLongs(a, 0, n)` / `readLongs(n)`: 8 bytes each.
    Longs,
    /// `writeFloats` / `readFloats`.
    Floats,
    /// `writeDoubles` / `readDoubles`.
    Doubles,
    /// `writeShorts` / `readShorts`.
    Shorts,
    /// `writeChars` / `readChars`.
    Chars,
    /// `writeBooleans` / `readBooleans`.
    Booleans,
    /// `writeInts(a, 0, n, opt)` / `readInts(n, opt)`: per the
    /// variable-length switch.
    IntsOpt(bool),
    /// `writeLongs(a, 0, n, opt)` / `readLongs(n, opt)`.
    LongsOpt(bool),
    /// One `writeVarInt`/`readVarInt` per element (kryo5's
    /// `write_var_ints`/`read_var_ints_into`, whatever the switch says).
    VarInts(bool),
    /// One `writeVarLong`/`readVarLong` per element.
    VarLongs(bool),
}

impl ArrayKind {
    /// Every kind, both `optimizePositive` values where there is one.
    pub const ALL: [ArrayKind; 16] = [
        ArrayKind::Bytes,
        ArrayKind::Ints,
        ArrayKind::Longs,
        ArrayKind::Floats,
        ArrayKind::Doubles,
        ArrayKind::Shorts,
        ArrayKind::Chars,
        ArrayKind::Booleans,
        ArrayKind::IntsOpt(true),
        ArrayKind::IntsOpt(false),
        ArrayKind::LongsOpt(true),
        ArrayKind::LongsOpt(false),
        ArrayKind::VarInts(true),
        ArrayKind::VarInts(false),
        ArrayKind::VarLongs(true),
        ArrayKind::VarLongs(false),
    ];

    /// The driver's name after `write`/`read` (`Ints`, `IntsOpt`, ...).
    #[must_use]
    pub fn java_name(self) -> &'static str {
        match self {
            ArrayKind::Bytes => "Bytes",
            ArrayKind::Ints => "Ints",
            ArrayKind::Longs => "Longs",
            ArrayKind::Floats => "Floats",
            ArrayKind::Doubles => "Doubles",
            ArrayKind::Shorts => "Shorts",
            ArrayKind::Chars => "Chars",
            ArrayKind::Booleans => "Booleans",
            ArrayKind::IntsOpt(_) => "IntsOpt",
            ArrayKind::LongsOpt(_) => "LongsOpt",
            ArrayKind::VarInts(_) => "VarInts",
            ArrayKind::VarLongs(_) => "VarLongs",
        }
    }

    /// The `optimizePositive` argument, for the kinds that take one.
    #[must_use]
    pub fn optimize_positive(self) -> Option<bool> {
        match self {
            ArrayKind::IntsOpt(o)
            | ArrayKind::LongsOpt(o)
            | ArrayKind::VarInts(o)
            | ArrayKind::VarLongs(o) => Some(o),
            _ => None,
        }
    }

    /// Whether kryo5 has a zero-copy view for this kind on a slice input.
    #[must_use]
    pub fn has_view(self) -> bool {
        matches!(
            self,
            ArrayKind::Bytes
                | ArrayKind::Ints
                | ArrayKind::Longs
                | ArrayKind::Floats
                | ArrayKind::Doubles
                | ArrayKind::Shorts
                | ArrayKind::Chars
        )
    }
}

/// An array to write: its kind and elements. Floats and doubles are raw
/// bits (NaN payloads included).
#[derive(Clone, Debug, PartialEq)]
pub struct Array {
    /// Which method.
    pub kind: ArrayKind,
    /// The elements as values: `Int` for bytes, integers and chars, `F32`/`F64`
    /// bits, `Bool`.
    pub items: Vec<Value>,
}

impl Array {
    /// Number of elements.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no elements.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The driver's argument text: `x..` for bytes, a list otherwise.
    fn java_arg(&self) -> String {
        match self.kind {
            ArrayKind::Bytes => Value::Bytes(self.bytes()).to_string(),
            _ => Value::List(self.items.clone()).to_string(),
        }
    }

    /// The value a reader returns for this array (bytes as `Bytes`).
    fn read_value(&self) -> Value {
        match self.kind {
            ArrayKind::Bytes => Value::Bytes(self.bytes()),
            _ => Value::List(self.items.clone()),
        }
    }

    /// The elements as integers of type `T` (panics on a non-integer item,
    /// which the constructors never produce).
    pub(crate) fn ints<T: TryFrom<i64>>(&self) -> Vec<T> {
        self.items
            .iter()
            .map(|v| match v {
                Value::Int(x) => T::try_from(*x).ok().expect("array item out of range"),
                other => panic!("not an integer array item: {other}"),
            })
            .collect()
    }

    /// The elements as bytes.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        self.items
            .iter()
            .map(|v| match v {
                Value::Int(x) => *x as u8,
                other => panic!("not a byte: {other}"),
            })
            .collect()
    }

    /// The elements as floats.
    pub(crate) fn f32s(&self) -> Vec<f32> {
        self.items
            .iter()
            .map(|v| match v {
                Value::F32(b) => f32::from_bits(*b),
                other => panic!("not a float: {other}"),
            })
            .collect()
    }

    /// The elements as doubles.
    pub(crate) fn f64s(&self) -> Vec<f64> {
        self.items
            .iter()
            .map(|v| match v {
                Value::F64(b) => f64::from_bits(*b),
                other => panic!("not a double: {other}"),
            })
            .collect()
    }

    /// The elements as booleans.
    pub(crate) fn bools(&self) -> Vec<bool> {
        self.items
            .iter()
            .map(|v| match v {
                Value::Bool(b) => *b,
                other => panic!("not a boolean: {other}"),
            })
            .collect()
    }
}
