//! Kryo 5's `Output` and `Input`, byte-exact with Java Kryo 5.6.
//!
//! The bottom layer of kryo5: every primitive Kryo writes (fixed-width
//! little-endian numbers, varints, varint-flags, strings, bulk arrays,
//! chunked encoding), over in-memory buffers and `std::io` streams, in the
//! safe and the native ("unsafe") flavour, with zero-copy reads from
//! slices. Method names are Kryo's in snake case; each documents the Java
//! method it matches and shows its bytes.
//!
//! ```
//! use kryo5_io::{Input, Output};
//! let mut out = Output::new();
//! out.write_var_int(-1, false)?;
//! out.write_string(Some("kryo"))?;
//! out.write_doubles(&[0.5, 2.0])?;
//! let bytes = out.into_vec();
//!
//! let mut input = Input::new(&bytes);
//! assert_eq!(input.read_var_int(false)?, -1);
//! assert_eq!(input.read_string()?.as_deref(), Some("kryo"));
//! assert_eq!(input.read_doubles(2)?, [0.5, 2.0]);
//! # Ok::<(), kryo5_io::Error>(())
//! ```
//!
//! Bad input never panics: reads return [`Error`] with an [`ErrorKind`] and
//! the byte offset, and never allocate more than the input can back.

#![forbid(unsafe_code)]

mod error;
mod flavour;
pub mod input;
mod java_string;
pub mod output;

pub use error::{Error, ErrorKind, Result};
pub use flavour::{Flavour, Native, Safe};
pub use input::{Input, InputBuffer, InputChunked, NativeInput, StrRef, StreamInput, source};
pub use java_string::JavaString;
pub use output::{NativeOutput, Output, OutputBuffer, OutputChunked, sink};
