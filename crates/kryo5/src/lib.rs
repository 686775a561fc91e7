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
//! - [`Kryo`](struct@Kryo), [`KryoType`] and `#[derive(Kryo)]`: the
//!   object-graph layer: registrations, class descriptors, `null` and
//!   reference markers, Java's default serializers ([`serializers`]: the
//!   Rust type of each Java class), FieldSerializer's layout for derived
//!   structs, and the compatible, tagged, version, record, enum-name and
//!   deflate serializers.
//! - [`pool`]: Kryo's `Pool`, reusable `Kryo`s, outputs or any objects
//!   shared between threads.
//!
//! # Objects
//!
//! A Java class is a Rust struct deriving [`Kryo`](derive@Kryo), registered
//! in the order (and so with the ids) the Java side registers it:
//!
//! ```
//! use kryo5::io::{Input, Output};
//! use kryo5::serializers::list::ArrayList;
//! use kryo5::{Kryo, Object};
//!
//! /// Java: `package media; public class Image { String uri; int width, height; List<String> tags; }`
//! #[derive(Kryo, Clone, Debug, Default, PartialEq)]
//! #[kryo(class = "media.Image")]
//! struct Image {
//!     uri: Option<String>,
//!     width: i32,
//!     height: i32,
//!     #[kryo(list)] // a java.util.ArrayList, not a String[]
//!     tags: Option<Vec<String>>,
//! }
//!
//! let mut kryo = Kryo::new();
//! // Java: kryo.register(ArrayList.class); kryo.register(Image.class);
//! kryo.register::<ArrayList<Option<Box<dyn Object>>>>(); // id 9
//! kryo.register::<Image>(); // id 10
//! let image = Image {
//!     uri: Some("a.jpg".into()),
//!     width: 640,
//!     height: 480,
//!     tags: Some(vec!["x".into()]),
//! };
//! let mut out = Output::new();
//! kryo.write_class_and_object(&mut out, Some(&image))?;
//! let back = kryo.read_class_and_object(&mut Input::new(out.as_slice()))?.unwrap();
//! assert_eq!(back.downcast_ref::<Image>(), Some(&image));
//! # Ok::<(), kryo5::Error>(())
//! ```
//!
//! # Buffers
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

/// The schema-driven dynamic codec: Kryo bytes to and from
/// [`Value`](kryo5_dynamic::Value) graphs and JSON without Rust types (see
/// [`kryo5_dynamic`]).
///
/// ```
/// use kryo5::dynamic::{Codec, Root, Schema, Value};
/// let mut codec = Codec::new(Schema::from_toml("", "empty.toml")?);
/// let v = codec.read(&mut kryo5::io::Input::new(&[0x02, 0x0a]), &Root::ClassAndObject)?;
/// assert_eq!(v, Value::Int(5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod dynamic {
    pub use kryo5_dynamic::*;
}
pub use kryo5_core::borrow;
pub use kryo5_core::field;
#[doc(hidden)]
pub use kryo5_core::inherit;
pub use kryo5_core::pool;
#[doc(hidden)]
pub use kryo5_core::type_slot_fn;
pub use kryo5_derive::Kryo;

pub use kryo5_core::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_STACK, DefaultSerializer, Error, ErrorKind, In, Kryo, KryoType,
    NullForm, Object, Out, Result, Serializer, Shared, downcast, serializers,
};
