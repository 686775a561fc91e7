//! `EnumNameSerializer` (format spec 8.7): an enum constant as its Java
//! name instead of its ordinal, so constants can be reordered or added
//! without breaking stored data. Not a default: register it per enum.
//!
//! ```
//! use kryo5::serializers::enum_name::EnumNameSerializer;
//! use kryo5::io::{Input, Output};
//! use kryo5::Kryo;
//!
//! #[derive(Kryo, Clone, Copy, Debug, PartialEq)]
//! enum Color {
//!     Red,
//!     DarkBlue,
//! }
//!
//! let mut kryo = Kryo::new();
//! kryo.register_with_serializer::<Color, _>(EnumNameSerializer::new());
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &Color::DarkBlue)?;
//! assert_eq!(out.as_slice(), b"DARK_BLU\xc5"); // Java's name, ASCII form
//! assert_eq!(kryo.read_object::<Color, _>(&mut Input::new(out.as_slice()))?, Color::DarkBlue);
//! # Ok::<(), kryo5::Error>(())
//! ```

use std::marker::PhantomData;

use super::enum_set::JavaEnum;
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;

/// Java's `EnumNameSerializer` for an enum `E` (`#[derive(Kryo)]` enums
/// name their constants in Java's style, `DarkBlue` as `DARK_BLUE`;
/// `#[kryo(rename = "...")]` on a variant says otherwise). `null` takes
/// Kryo's marker, as in Java.
pub struct EnumNameSerializer<E> {
    _enum: PhantomData<fn() -> E>,
}

impl<E> EnumNameSerializer<E> {
    /// The serializer.
    #[must_use]
    pub fn new() -> Self {
        EnumNameSerializer { _enum: PhantomData }
    }
}

impl<E> Default for EnumNameSerializer<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: JavaEnum> Serializer<E> for EnumNameSerializer<E> {
    fn write(&self, _: &mut Kryo, out: &mut dyn Out, value: &E) -> Result<()> {
        Ok(out.write_string(Some(value.name()))?)
    }

    fn read<'de>(&self, _: &mut Kryo, input: &mut dyn In<'de>) -> Result<E> {
        let at = input.total();
        let name = input.read_string()?;
        name.as_deref().and_then(E::from_name).ok_or_else(|| {
            Error::new(ErrorKind::InvalidData(format!(
                "no constant of {} is named {name:?}",
                E::java_class()
            )))
            .at(at)
        })
    }

    fn is_immutable(&self) -> bool {
        true
    }
}
