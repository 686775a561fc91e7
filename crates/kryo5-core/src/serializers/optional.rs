//! `java.util.Optional` and its primitive twins (format spec 8.19).
//!
//! A Rust `Option<T>` is a position that may hold Java `null`; a Java
//! `Optional` object is [`JavaOptional<T>`]. Its value is written with its
//! class (`writeClassAndObject`), so `T` is the value's type when it is
//! known, or `Box<dyn Object>`.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::optional::{JavaOptional, OptionalInt};
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<JavaOptional<String>>();
//! kryo.register::<OptionalInt>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &JavaOptional(Some("a".to_string())))?;
//! kryo.write_object(&mut out, &OptionalInt(Some(5)))?;
//! assert_eq!(out.as_slice(), &[0x03, 0x82, 0x61, 0x01, 0x05, 0x00, 0x00, 0x00]);
//!
//! let mut input = Input::new(out.as_slice());
//! let s: JavaOptional<String> = kryo.read_object(&mut input)?;
//! assert_eq!(s.0.as_deref(), Some("a"));
//! assert_eq!(kryo.read_object::<OptionalInt, _>(&mut input)?, OptionalInt(Some(5)));
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;

use super::value::{Value, shared_by_clone, value_type};
use crate::error::Result;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::KryoType;

/// A Java `Optional<T>`: `None` is `Optional.empty()`.
///
/// ```
/// use kryo5_core::serializers::optional::JavaOptional;
/// let empty: JavaOptional<i64> = JavaOptional::default();
/// assert_eq!(empty.0, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JavaOptional<T>(pub Option<T>);

impl<T> From<Option<T>> for JavaOptional<T> {
    fn from(v: Option<T>) -> Self {
        JavaOptional(v)
    }
}

/// `OptionalSerializer`: `writeClassAndObject(value)`, empty as the null
/// class `00`.
impl<T: KryoType + Clone + Send + Sync> KryoType for JavaOptional<T> {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.util.Optional")
    }
    const FINAL: bool = true;

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        kryo.write_class_and_object(out, self.0.as_ref())
    }
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        kryo.read_class_and_object_as(input).map(JavaOptional)
    }
    shared_by_clone!();
    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        let v = self.0.as_ref().map(|v| kryo.copy_nested(v)).transpose()?;
        Ok(JavaOptional(v))
    }
}

/// A primitive optional: `bool(present)`, then the value in fixed width.
macro_rules! primitive_optional {
    ($(#[$doc:meta])* $name:ident($t:ty), $class:literal, $write:ident, $read:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq)]
        pub struct $name(pub Option<$t>);

        impl Value for $name {
            fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
                out.write_boolean(self.0.is_some())?;
                if let Some(v) = self.0 {
                    out.$write(v)?;
                }
                Ok(())
            }
            fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
                Ok($name(if input.read_boolean()? { Some(input.$read()?) } else { None }))
            }
        }

        value_type!($name, $class, final: true, immutable: true);
    };
}

primitive_optional!(
    /// `java.util.OptionalInt`: the value as 4 fixed bytes.
    ///
    /// ```
    /// use kryo5_core::serializers::optional::OptionalInt;
    /// assert_eq!(OptionalInt::default(), OptionalInt(None));
    /// ```
    OptionalInt(i32),
    "java.util.OptionalInt",
    write_int,
    read_int
);
primitive_optional!(
    /// `java.util.OptionalLong`: the value as 8 fixed bytes.
    ///
    /// ```
    /// use kryo5_core::serializers::optional::OptionalLong;
    /// assert_eq!(OptionalLong(Some(5)).0, Some(5));
    /// ```
    OptionalLong(i64),
    "java.util.OptionalLong",
    write_long,
    read_long
);
primitive_optional!(
    /// `java.util.OptionalDouble`: the value as 8 bytes.
    ///
    /// ```
    /// use kryo5_core::serializers::optional::OptionalDouble;
    /// assert_eq!(OptionalDouble(Some(1.0)).0, Some(1.0));
    /// ```
    OptionalDouble(f64),
    "java.util.OptionalDouble",
    write_double,
    read_double
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Object;
    use crate::serializers::value::testing::round_trip;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        round_trip(&JavaOptional(Some("a".to_string())), &[0x03, 0x82, 0x61]);
        round_trip(&JavaOptional::<String>(None), &[0x00]);
        round_trip(&OptionalInt(Some(5)), &[0x01, 0x05, 0, 0, 0]);
        round_trip(&OptionalInt(None), &[0x00]);
        round_trip(&OptionalLong(Some(5)), &[0x01, 0x05, 0, 0, 0, 0, 0, 0, 0]);
        round_trip(
            &OptionalDouble(Some(1.0)),
            &[0x01, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f],
        );
    }

    #[test]
    fn optional_of_any_class() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        let v: JavaOptional<Box<dyn Object>> = JavaOptional(Some(Box::new(7i64)));
        kryo.write_object(&mut out, &v).unwrap();
        assert_eq!(out.as_slice(), [0x09, 0x0e]);
        let back: JavaOptional<Box<dyn Object>> =
            kryo.read_object(&mut Input::new(out.as_slice())).unwrap();
        assert_eq!(back.0.unwrap().downcast_ref::<i64>(), Some(&7));
        // Another class than T's is an error.
        assert!(
            kryo.read_object::<JavaOptional<String>, _>(&mut Input::new(&[0x09, 0x0e]))
                .is_err()
        );
    }
}
