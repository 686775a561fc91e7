//! The kryo5 object-graph layer: [`Kryo`], registrations, references and
//! serializers, byte-compatible with Java Kryo 5.6 (format spec sections
//! 6 to 9).
//!
//! A Rust type stands for a Java class by implementing [`KryoType`] (the
//! library does for the Java types it maps, `#[derive(Kryo)]` for structs);
//! [`Kryo`] writes and reads it with Java's framing: class descriptors,
//! `null` markers, reference markers.

pub mod borrow;
mod chunked;
mod error;
pub mod field;
#[doc(hidden)]
pub mod inherit;
pub mod io;
mod kryo;
pub mod nesting;
pub mod pool;
mod registry;
mod serializer;
pub mod serializers;
pub mod slot;
mod types;

pub use error::{Error, ErrorKind, Result};
pub use io::{In, Out};
pub use kryo::{ClassRef, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STACK, DefaultSerializer, Kryo};
pub use serializer::Serializer;
pub use types::{KryoType, NullForm, Object, Shared, downcast};
