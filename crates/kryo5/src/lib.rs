//! kryo5: Kryo 5 serialization in Rust, byte-compatible with Java Kryo 5.6.
//!
//! A Rust service can read and write the exact bytes that JVM systems using
//! Kryo produce, and Rust-only services get Kryo's compact format fast.
//!
//! This crate is the facade: it re-exports the layers.
//!
//! - [`io`]: the buffer layer, Kryo's `Output` and `Input` with every
//!   primitive byte-exact, over memory and `std::io` streams, safe and
//!   native flavours, chunked encoding, zero-copy reads.
//! - [`Kryo`](struct@Kryo) and [`KryoType`]: the object-graph layer (work in progress):
//!   registrations, class descriptors, `null` and reference markers.
//! - [`pool`]: Kryo's `Pool`, reusable `Kryo`s, outputs or any objects
//!   shared between threads.
//!
//! # Quick start
//!
//! ```
//! use kryo5::io::{Input, Output};
//!
//! let mut out = Output::new();
//! out.write_int(42)?;
//! out.write_var_long(-7, false)?;
//! out.write_string(Some("héllo 😀"))?;
//! out.write_ints_var_or_fixed(&[1, 2, 300], true)?;
//! let bytes = out.into_vec();
//!
//! let mut input = Input::new(&bytes);
//! assert_eq!(input.read_int()?, 42);
//! assert_eq!(input.read_var_long(false)?, -7);
//! assert_eq!(input.read_string()?.as_deref(), Some("héllo 😀"));
//! assert_eq!(input.read_ints_var_or_fixed(3, true)?, [1, 2, 300]);
//! # Ok::<(), kryo5::io::Error>(())
//! ```

/// The buffer layer: Kryo's `Output`/`Input` and their variants (see
/// [`kryo5_io`]).
pub mod io {
    pub use kryo5_io::*;
}

pub use kryo5_core::field;
#[doc(hidden)]
pub use kryo5_core::inherit;
pub use kryo5_core::pool;
pub use kryo5_derive::Kryo;

pub use kryo5_core::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_STACK, DefaultSerializer, Error, ErrorKind, In, Kryo, KryoType,
    NullForm, Object, Out, Result, Serializer, Shared, downcast, serializers,
};
