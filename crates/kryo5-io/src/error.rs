//! The one error type of the buffer layer: what went wrong, and where.

use std::fmt;

/// Result alias for buffer operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failed read or write: its [`ErrorKind`] and the byte offset at which
/// the operation started (counted from the start of the stream, as Kryo's
/// `total()`).
///
/// Kept to one pointer so `Result<u32, Error>` stays two words on hot paths;
/// the details live behind a box that is only allocated on failure.
///
/// ```
/// use kryo5_io::{ErrorKind, Input};
/// let mut input = Input::new(&[0x80]);
/// let err = input.read_var_int(true).unwrap_err();
/// assert_eq!(err.offset(), 0);
/// assert!(matches!(err.kind(), ErrorKind::UnexpectedEnd { requested: 2, available: 1 }));
/// ```
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    offset: u64,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended before a value was complete, or a declared length
    /// (of a string, an array, bytes) is larger than the input can hold.
    #[error("unexpected end of input: {requested} bytes needed, {available} available")]
    UnexpectedEnd {
        /// Bytes the read needed (at least; for declared lengths, the minimum
        /// the declared element count can take).
        requested: usize,
        /// Bytes that were available.
        available: usize,
    },
    /// Writing would grow the buffer past its maximum size (Kryo's
    /// `KryoBufferOverflowException`). Nothing of the failed value is kept.
    #[error(
        "buffer overflow: {required} bytes needed, {available} left under the maximum size {max}"
    )]
    BufferOverflow {
        /// Bytes the write needed.
        required: usize,
        /// Bytes left before the maximum size.
        available: usize,
        /// The buffer's maximum size.
        max: usize,
    },
    /// A string's bytes are not a form Kryo writes: a lead byte `80..=bf`
    /// or `f0..=ff`, a bad continuation byte, an overlong form. Java reads
    /// these as garbage; kryo5 refuses them.
    #[error("malformed string data")]
    MalformedString,
    /// A string holds a UTF-16 surrogate without its partner, which a Rust
    /// `String` cannot represent. Read it losslessly with
    /// `read_string_utf16`.
    #[error("string holds a lone UTF-16 surrogate")]
    LoneSurrogate,
    /// A chunk header (of chunked encoding) has more than 5 bytes.
    #[error("malformed chunk size")]
    MalformedChunkSize,
    /// A call argument outside what Kryo allows (for example a byte count
    /// of 5 for `write_int_count`).
    #[error("invalid argument: {0}")]
    InvalidArgument(&'static str),
    /// The underlying reader or writer failed.
    #[error("i/o error: {0}")]
    Io(#[source] std::io::Error),
}

impl Error {
    /// An error of `kind` at stream offset `offset`.
    ///
    /// ```
    /// let e = kryo5_io::Error::new(kryo5_io::ErrorKind::MalformedString, 7);
    /// assert_eq!(e.offset(), 7);
    /// ```
    #[cold]
    #[must_use]
    pub fn new(kind: ErrorKind, offset: u64) -> Self {
        Error(Box::new(Inner { kind, offset }))
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Byte offset in the stream where the failed operation started.
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.0.offset
    }

    /// Consumes the error, returning its kind.
    #[must_use]
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// Whether the error is an [`ErrorKind::UnexpectedEnd`].
    #[must_use]
    pub fn is_unexpected_end(&self) -> bool {
        matches!(self.0.kind, ErrorKind::UnexpectedEnd { .. })
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("offset", &self.0.offset)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte offset {}", self.0.kind, self.0.offset)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0.kind)
    }
}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        match e.0.kind {
            ErrorKind::Io(io) => io,
            ErrorKind::UnexpectedEnd { .. } => {
                std::io::Error::new(std::io::ErrorKind::UnexpectedEof, e)
            }
            _ => std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_stays_one_pointer() {
        assert_eq!(size_of::<Error>(), size_of::<usize>());
        assert_eq!(size_of::<Result<u32>>(), 2 * size_of::<usize>());
    }

    #[test]
    fn display_names_kind_and_offset() {
        let e = Error::new(
            ErrorKind::UnexpectedEnd {
                requested: 4,
                available: 1,
            },
            12,
        );
        assert_eq!(
            e.to_string(),
            "unexpected end of input: 4 bytes needed, 1 available at byte offset 12"
        );
    }
}
