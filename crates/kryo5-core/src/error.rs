//! Errors of the object layer: what went wrong, the byte offset, and the
//! path through the graph (Kryo's "serialization trace").

use std::fmt;

/// Result alias of the object layer.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failed write or read of an object graph.
///
/// Carries the [`ErrorKind`], the byte offset in the stream where the
/// failing value started (when known), and the path through the graph to
/// it, innermost last, like Kryo's serialization trace:
///
/// ```
/// use kryo5_core::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::UnknownClassId(42))
///     .at(17)
///     .in_field("images", "com.example.MediaContent");
/// assert_eq!(
///     e.to_string(),
///     "unknown class id 42 at byte 17 (trace: com.example.MediaContent.images)"
/// );
/// ```
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    offset: Option<u64>,
    trace: Vec<String>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The buffer layer failed: truncated or malformed input, overflow, I/O.
    #[error("{0}")]
    Buffer(kryo5_io::ErrorKind),
    /// A class id with no registration (Kryo's "Encountered unregistered
    /// class ID").
    #[error("unknown class id {0}")]
    UnknownClassId(i32),
    /// A class written by name that this Kryo does not know.
    #[error("unknown class name {0:?}")]
    UnknownClassName(String),
    /// Registration is required and the class is not registered.
    #[error("class is not registered: {0}")]
    NotRegistered(String),
    /// A back-reference to an id that was never assigned, or to an object
    /// not yet complete (a cycle through a value that is only bound after
    /// it is read).
    #[error("unable to resolve reference id {0}")]
    BadReference(u32),
    /// The data holds a value of another type than the one asked for.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the reader asked for.
        expected: String,
        /// What the data holds.
        found: String,
    },
    /// Java `null` where the Rust type cannot hold it (use `Option<T>`).
    #[error("null where {0} is required")]
    UnexpectedNull(&'static str),
    /// An enum ordinal with no constant.
    #[error("invalid ordinal {ordinal} for enum {class}")]
    BadOrdinal {
        /// The enum's Java class.
        class: &'static str,
        /// The ordinal read.
        ordinal: u32,
    },
    /// Nesting deeper than [`Kryo::set_max_depth`](crate::Kryo::set_max_depth).
    #[error("max depth exceeded: {0}")]
    MaxDepth(u32),
    /// Nesting that used more stack than [`Kryo::set_max_stack`](crate::Kryo::set_max_stack)
    /// allows, at the given depth (deep graphs of large types, in debug
    /// builds above all, reach it before the depth limit).
    #[error("max stack exceeded at depth {depth}: more than {bytes} bytes")]
    MaxStack {
        /// The nesting depth reached.
        depth: u32,
        /// The limit, in bytes.
        bytes: usize,
    },
    /// A value that is not valid for its Java type (a size beyond the
    /// input, an impossible date, ...).
    #[error("invalid data: {0}")]
    InvalidData(String),
    /// An operation the type or its serializer does not implement (copying
    /// a type without [`KryoType::copy`](crate::KryoType::copy)).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// A call Kryo does not allow (for example `write_object` of Java
    /// `null`).
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// A value read into a type that borrows from the input
    /// ([`BorrowType`](crate::borrow::BorrowType)) that cannot borrow it: a
    /// string Kryo wrote in its ASCII form or with surrogate pairs read as
    /// `&str`, or any borrowed read from a stream input. `StrRef` and
    /// `Cow<str>` fields accept every string.
    #[error("cannot borrow {0} from the input")]
    Borrow(&'static str),
}

impl Error {
    /// An error of `kind`, with no offset or trace yet.
    #[cold]
    #[must_use]
    pub fn new(kind: ErrorKind) -> Self {
        Error(Box::new(Inner {
            kind,
            offset: None,
            trace: Vec::new(),
        }))
    }

    /// Sets the byte offset where the failing value started, if not set.
    #[must_use]
    pub fn at(mut self, offset: u64) -> Self {
        self.0.offset.get_or_insert(offset);
        self
    }

    /// Adds a step of the graph path: the failure happened in `field` of a
    /// `class` object.
    #[cold]
    #[must_use]
    pub fn in_field(mut self, field: &str, class: &str) -> Self {
        self.0.trace.push(format!("{class}.{field}"));
        self
    }

    /// Adds a step of the graph path: the failure happened in element
    /// `index` of a collection, array or map.
    #[cold]
    #[must_use]
    pub fn in_element(mut self, index: usize) -> Self {
        self.0.trace.push(format!("[{index}]"));
        self
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Byte offset where the failing value started, when known.
    #[must_use]
    pub fn offset(&self) -> Option<u64> {
        self.0.offset
    }

    /// The path through the graph, outermost first.
    pub fn trace(&self) -> impl Iterator<Item = &str> {
        self.0.trace.iter().rev().map(String::as_str)
    }
}

impl From<kryo5_io::Error> for Error {
    #[cold]
    fn from(e: kryo5_io::Error) -> Self {
        let offset = e.offset();
        Error::new(ErrorKind::Buffer(e.into_kind())).at(offset)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("offset", &self.0.offset)
            .field("trace", &self.0.trace)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.kind)?;
        if let Some(offset) = self.0.offset {
            write!(f, " at byte {offset}")?;
        }
        if !self.0.trace.is_empty() {
            let path: Vec<&str> = self.trace().collect();
            write!(f, " (trace: {})", path.join(" > "))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_stays_one_pointer() {
        assert_eq!(size_of::<Error>(), size_of::<usize>());
    }

    #[test]
    fn trace_reads_outermost_first() {
        let e = Error::new(ErrorKind::MaxDepth(3))
            .in_element(2)
            .in_field("images", "Media");
        assert_eq!(e.trace().collect::<Vec<_>>(), ["Media.images", "[2]"]);
    }
}
