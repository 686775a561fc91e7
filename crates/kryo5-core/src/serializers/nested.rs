//! The serializer a wrapping serializer (deflate, Blowfish) applies to the
//! value before transforming its bytes: `T`'s own [`KryoType`]
//! implementation, or another [`Serializer<T>`].

use crate::error::Result;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;
use crate::types::KryoType;

/// `T`'s own serializer (`None`) or another one.
pub(crate) struct Nested<T>(Option<Box<dyn Serializer<T>>>);

impl<T: KryoType> Nested<T> {
    /// `T`'s own [`KryoType`] implementation.
    pub(crate) fn own() -> Self {
        Nested(None)
    }

    /// `inner` instead of `T`'s own implementation.
    pub(crate) fn with(inner: impl Serializer<T>) -> Self {
        Nested(Some(Box::new(inner)))
    }

    pub(crate) fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()> {
        match &self.0 {
            Some(s) => s.write(kryo, out, value),
            None => value.write(kryo, out, false),
        }
    }

    pub(crate) fn read(&self, kryo: &mut Kryo, input: &mut dyn In<'_>) -> Result<T> {
        match &self.0 {
            Some(s) => s.read(kryo, input),
            None => T::read(kryo, input, false),
        }
    }

    pub(crate) fn copy(&self, kryo: &mut Kryo, value: &T) -> Result<T> {
        match &self.0 {
            Some(s) => s.copy(kryo, value),
            None => value.copy(kryo),
        }
    }
}
