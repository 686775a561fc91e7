//! The dynamic half of kryo5: read and write Kryo 5 bytes without Rust
//! types, driven by a schema file (`docs/schema-format.md`).
//!
//! A [`Schema`] (TOML) describes a Java Kryo configuration and its classes;
//! a [`Codec`] reads its bytes into [`Value`] graphs and writes them back,
//! byte for byte as Java Kryo 5.6 does; [`json`] converts values to and from
//! the schema spec's JSON form. Classes use Kryo's `FieldSerializer` or,
//! as the schema says, the compatible, tagged, version, record or
//! enum-name serializers, optionally deflated or encrypted
//! ([`ClassSerializer`], [`Wrapper`]).
//!
//! ```
//! use kryo5_dynamic::{Codec, Root, Schema, json};
//! use kryo5_io::Input;
//!
//! let schema = Schema::from_toml(r#"
//! [[class]]
//! name = "com.example.Point"
//! fields = [{ name = "x", type = "int" }, { name = "label", type = "String" }]
//! "#, "point.toml")?;
//! let mut codec = Codec::new(schema);
//! let root = Root::ClassAndObject;
//! let bytes = [0x0b, 0x82, 0x61, 0x0a]; // Point id 9: label "a", x 5
//! let v = codec.read(&mut Input::new(&bytes), &root)?;
//! let text = json::to_json(&codec, &v, &root)?.to_string();
//! assert_eq!(text, r#"{"@class":"com.example.Point","label":"a","x":5}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod cache;
mod codec;
mod evolve;
mod jdk;
pub mod json;
mod jtype;
mod read;
mod schema;
mod serializer;
mod value;
mod wrap;
mod write;

// Where each part of a graph lies in the bytes (`Codec::record`).
mod trace;
pub use trace::{Brief, Span, What};

pub use codec::{Codec, Root};
pub use jtype::{JType, Prim};
pub use schema::{ClassDef, FieldDef, Schema, SchemaError};
pub use serializer::{ClassSerializer, FieldConfig, Wrapper};
pub use value::{JString, Value};
