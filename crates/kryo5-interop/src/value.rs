//! Values and failures as both sides report them, in the driver's text form.
//!
//! Every argument the Rust side sends and every result the Java driver
//! prints uses one self-describing text form ([`Value`]'s `Display` and
//! `FromStr`), so a result line is parsed without knowing which op made it
//! and a mismatch prints readably.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use kryo5::io::{Error, ErrorKind};

/// A value read or written, in the form both sides can print.
///
/// | variant | text |
/// |---|---|
/// | `Unit` | `-` |
/// | `Bool` | `true`, `false` |
/// | `Int` | `-5` (every integer width, chars as their code unit) |
/// | `F32` / `F64` | `f7fc00001` / `d7ff8000000000001` (raw IEEE bits) |
/// | `Str(None)` / `Str(Some(units))` | `N` / `S0061` (hex UTF-16 units) |
/// | `Bytes` | `x0a0b` |
/// | `List` | `[1,2,3]` |
///
/// ```
/// use kryo5_interop::Value;
/// let v: Value = "[1,-2,f3f800000]".parse().unwrap();
/// assert_eq!(v, Value::List(vec![Value::Int(1), Value::Int(-2), Value::F32(0x3f80_0000)]));
/// assert_eq!(v.to_string(), "[1,-2,f3f800000]");
/// assert_eq!(Value::Str(Some(vec![0xd800])).to_string(), "Sd800");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An op without a result (`skip`, `nextChunk`, ...).
    Unit,
    /// A boolean.
    Bool(bool),
    /// Any integer.
    Int(i64),
    /// A float's raw bits.
    F32(u32),
    /// A double's raw bits.
    F64(u64),
    /// A Java string as UTF-16 units; `None` is `null`.
    Str(Option<Vec<u16>>),
    /// Raw bytes.
    Bytes(Vec<u8>),
    /// An array of scalar values.
    List(Vec<Value>),
}

impl Value {
    /// A string value from Rust text.
    #[must_use]
    pub fn str(s: Option<&str>) -> Self {
        Value::Str(s.map(|s| s.encode_utf16().collect()))
    }

    /// A list of integers.
    pub fn ints<T: Into<i64>>(v: impl IntoIterator<Item = T>) -> Self {
        Value::List(v.into_iter().map(|x| Value::Int(x.into())).collect())
    }

    /// This value with every NaN replaced by Java's canonical NaN, as the
    /// safe outputs write floats (`floatToIntBits`).
    #[must_use]
    pub fn canonical_nan(self) -> Self {
        match self {
            Value::F32(b) if f32::from_bits(b).is_nan() => Value::F32(0x7fc0_0000),
            Value::F64(b) if f64::from_bits(b).is_nan() => Value::F64(0x7ff8_0000_0000_0000),
            Value::List(v) => Value::List(v.into_iter().map(Value::canonical_nan).collect()),
            other => other,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unit => f.write_char('-'),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(v) => write!(f, "{v}"),
            Value::F32(b) => write!(f, "f{b:08x}"),
            Value::F64(b) => write!(f, "d{b:016x}"),
            Value::Str(None) => f.write_char('N'),
            Value::Str(Some(units)) => {
                f.write_char('S')?;
                units.iter().try_for_each(|u| write!(f, "{u:04x}"))
            }
            Value::Bytes(b) => write!(f, "x{}", hex(b)),
            Value::List(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
        }
    }
}

/// A text form that does not parse as a [`Value`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadValue(pub String);

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a value: {:?}", self.0)
    }
}

impl std::error::Error for BadValue {}

impl FromStr for Value {
    type Err = BadValue;

    fn from_str(s: &str) -> Result<Self, BadValue> {
        let bad = || BadValue(s.to_owned());
        let hex_num = |digits: &str, width: usize| {
            (digits.len() == width)
                .then(|| u64::from_str_radix(digits, 16).ok())
                .flatten()
                .ok_or_else(bad)
        };
        Ok(match s {
            "-" => Value::Unit,
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "N" => Value::Str(None),
            _ if s.starts_with('[') && s.ends_with(']') && s.len() >= 2 => {
                let inner = &s[1..s.len() - 1];
                if inner.is_empty() {
                    Value::List(Vec::new())
                } else {
                    Value::List(inner.split(',').map(str::parse).collect::<Result<_, _>>()?)
                }
            }
            _ => match s.split_at_checked(1) {
                Some(("f", d)) => Value::F32(hex_num(d, 8)? as u32),
                Some(("d", d)) => Value::F64(hex_num(d, 16)?),
                Some(("x", d)) => Value::Bytes(unhex(d).ok_or_else(bad)?),
                Some(("S", d)) if d.len() % 4 == 0 => Value::Str(Some(
                    d.as_bytes()
                        .chunks(4)
                        .map(|c| {
                            std::str::from_utf8(c)
                                .ok()
                                .and_then(|c| u16::from_str_radix(c, 16).ok())
                        })
                        .collect::<Option<_>>()
                        .ok_or_else(bad)?,
                )),
                _ => Value::Int(s.parse().map_err(|_| bad())?),
            },
        })
    }
}

/// Lowercase hex of `bytes`.
///
/// ```
/// assert_eq!(kryo5_interop::value::hex(&[0x0a, 0xff]), "0aff");
/// ```
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Bytes of a hex string, `None` if it is not one.
///
/// ```
/// assert_eq!(kryo5_interop::value::unhex("0aFF"), Some(vec![0x0a, 0xff]));
/// assert_eq!(kryo5_interop::value::unhex("0"), None);
/// ```
#[must_use]
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    s.as_bytes()
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

/// Why an op failed, in terms both sides share.
///
/// Java's exceptions and kryo5's [`ErrorKind`]s map onto these classes so
/// "Java threw" and "kryo5 returned an error" can be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Not enough input: Java's `KryoBufferUnderflowException` or "Buffer
    /// too small" `KryoException`; kryo5's [`ErrorKind::UnexpectedEnd`].
    Underflow,
    /// Past the maximum buffer size: `KryoBufferOverflowException`;
    /// [`ErrorKind::BufferOverflow`].
    Overflow,
    /// A bad argument: `IllegalArgumentException` or
    /// `IllegalStateException`; [`ErrorKind::InvalidArgument`].
    InvalidArgument,
    /// kryo5 only: string bytes Kryo never writes
    /// ([`ErrorKind::MalformedString`]); Java reads garbage instead.
    MalformedString,
    /// kryo5 only: a lone surrogate read into a Rust `String`
    /// ([`ErrorKind::LoneSurrogate`]).
    LoneSurrogate,
    /// A chunk header of more than 5 bytes: Java's "Unable to read chunk
    /// size" `KryoException`; [`ErrorKind::MalformedChunkSize`].
    MalformedChunk,
    /// Java only: a declared length Java allocates before reading and
    /// cannot (`OutOfMemoryError`, `NegativeArraySizeException`) or indexes
    /// with when negative (`StringIndexOutOfBoundsException`). kryo5 checks
    /// lengths against the input and reports [`ErrorKind::UnexpectedEnd`]
    /// (format spec section 12).
    BadLength,
    /// Anything else, with the class (or kind) and message.
    Other(String),
}

impl Failure {
    /// Classifies a Java exception by its simple class name and message.
    ///
    /// ```
    /// use kryo5_interop::Failure;
    /// assert_eq!(Failure::from_java("KryoException", "Buffer too small: capacity: 2, required: 4"), Failure::Underflow);
    /// assert_eq!(Failure::from_java("KryoBufferOverflowException", "x"), Failure::Overflow);
    /// ```
    #[must_use]
    pub fn from_java(class: &str, message: &str) -> Self {
        match class {
            "KryoBufferUnderflowException" => Failure::Underflow,
            "KryoBufferOverflowException" => Failure::Overflow,
            "IllegalArgumentException" | "IllegalStateException" => Failure::InvalidArgument,
            "KryoException" if message.starts_with("Buffer too small") => Failure::Underflow,
            "OutOfMemoryError"
            | "NegativeArraySizeException"
            | "StringIndexOutOfBoundsException"
            | "ArrayIndexOutOfBoundsException"
            | "IndexOutOfBoundsException" => Failure::BadLength,
            "KryoException" if message.starts_with("Unable to read chunk size") => {
                Failure::MalformedChunk
            }
            _ => Failure::Other(format!("{class}: {message}")),
        }
    }

    /// Classifies a kryo5 error.
    ///
    /// ```
    /// use kryo5_interop::Failure;
    /// let e = kryo5::io::Input::new(&[]).read_byte().unwrap_err();
    /// assert_eq!(Failure::from_kryo5(&e), Failure::Underflow);
    /// ```
    #[must_use]
    pub fn from_kryo5(e: &Error) -> Self {
        match e.kind() {
            ErrorKind::UnexpectedEnd { .. } => Failure::Underflow,
            ErrorKind::BufferOverflow { .. } => Failure::Overflow,
            ErrorKind::InvalidArgument(_) => Failure::InvalidArgument,
            ErrorKind::MalformedString => Failure::MalformedString,
            ErrorKind::LoneSurrogate => Failure::LoneSurrogate,
            ErrorKind::MalformedChunkSize => Failure::MalformedChunk,
            other => Failure::Other(other.to_string()),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Other(s) => write!(f, "error ({s})"),
            other => write!(f, "error {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips() {
        let values = [
            Value::Unit,
            Value::Bool(false),
            Value::Int(i64::MIN),
            Value::F32(0xffc0_0000),
            Value::F64(1),
            Value::Str(None),
            Value::Str(Some(vec![])),
            Value::Str(Some(vec![0x61, 0xdfff])),
            Value::Bytes(vec![]),
            Value::Bytes(vec![0, 0xff]),
            Value::List(vec![]),
            Value::List(vec![Value::Bool(true), Value::Int(-1)]),
        ];
        for v in values {
            assert_eq!(v.to_string().parse::<Value>(), Ok(v.clone()), "{v}");
        }
    }

    #[test]
    fn rejects_malformed_text() {
        for s in ["", "f123", "S123", "x1", "[1,", "1.5", "dzz00000000000000"] {
            assert!(s.parse::<Value>().is_err(), "{s:?}");
        }
    }

    #[test]
    fn canonicalises_nan_in_lists() {
        let v = Value::List(vec![
            Value::F32(0x7f80_0001),
            Value::F64(0xfff0_0000_0000_0001),
        ]);
        assert_eq!(
            v.canonical_nan(),
            Value::List(vec![
                Value::F32(0x7fc0_0000),
                Value::F64(0x7ff8_0000_0000_0000)
            ])
        );
    }
}
