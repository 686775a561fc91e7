//! What the library's value types share: a payload codec ([`Value`]), and
//! macros for the [`KryoType`](crate::KryoType) methods every value type
//! writes alike: values are shared by clone (so back-references to them
//! materialize, format spec 7.2) and copied by clone.

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};

/// The payload of a value type that needs nothing from [`Kryo`](crate::Kryo):
/// dates, times, numbers, strings of a fixed meaning.
pub(crate) trait Value: Sized {
    /// Writes the payload.
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()>;
    /// Reads and validates a payload.
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self>;
}

/// A [`Value`] whose serializer writes Java `null` itself (`NULL_FORM`).
pub(crate) trait Nullable: Value {
    /// The Java class, for errors.
    const CLASS: &'static str;
    /// How `null` is written.
    const NULL_FORM: crate::types::NullForm;
    /// Reads the `null` form (`None`) or a payload.
    fn read_or_null<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<Self>>;
}

/// [`Value::read_value`] of a [`Nullable`] type: `null` is an error.
pub(crate) fn read_required<'de, T: Nullable, I: In<'de> + ?Sized>(input: &mut I) -> Result<T> {
    let at = input.total();
    T::read_or_null(input)?.ok_or_else(|| null_at(T::CLASS, at))
}

/// `share` and `from_shared` of a `Clone` type: the reference table keeps
/// a clone.
macro_rules! shared_by_clone {
    () => {
        fn share(&self) -> Option<$crate::types::Shared> {
            Some(::std::sync::Arc::new(::std::clone::Clone::clone(self)))
        }
        fn from_shared(shared: &$crate::types::Shared) -> $crate::error::Result<Self> {
            $crate::serializers::value::from_shared(shared)
        }
    };
}

/// [`shared_by_clone!`] and a `copy` that clones: a value with no shared
/// parts.
macro_rules! cloned_value {
    () => {
        $crate::serializers::value::shared_by_clone!();
        fn copy(&self, _: &mut $crate::kryo::Kryo) -> $crate::error::Result<Self> {
            Ok(::std::clone::Clone::clone(self))
        }
    };
}

/// `read` of a type with a null form: `read_nullable`, with `null` an
/// error naming `$class`.
macro_rules! read_non_null {
    ($class:expr) => {
        fn read<'de, I: $crate::io::In<'de> + ?Sized>(
            kryo: &mut $crate::kryo::Kryo,
            input: &mut I,
            args: bool,
        ) -> $crate::error::Result<Self> {
            let at = input.total();
            Self::read_nullable(kryo, input, args)?
                .ok_or_else(|| $crate::serializers::value::null_at($class, at))
        }
    };
}

/// `impl KryoType` for a [`Value`] type: `value_type!(Type, "java.Class",
/// final: bool, immutable: bool)`, with `nullable` for [`Nullable`] types
/// and `per_value` for types whose Java class varies per value
/// ([`PerValueClass`]).
macro_rules! value_type {
    ($ty:ty, $class:expr, final: $final:expr, immutable: $imm:expr $(, $flag:ident)*) => {
        impl $crate::types::KryoType for $ty {
            fn java_class() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($class)
            }
            const FINAL: bool = $final;
            const IMMUTABLE: bool = $imm;
            fn write<O: $crate::io::Out + ?Sized>(
                &self,
                _: &mut $crate::kryo::Kryo,
                out: &mut O,
                _: bool,
            ) -> $crate::error::Result<()> {
                $crate::serializers::value::Value::write_value(self, out)
            }
            fn read<'de, I: $crate::io::In<'de> + ?Sized>(
                _: &mut $crate::kryo::Kryo,
                input: &mut I,
                _: bool,
            ) -> $crate::error::Result<Self> {
                <Self as $crate::serializers::value::Value>::read_value(input)
            }
            $crate::serializers::value::cloned_value!();
            $($crate::serializers::value::value_flag!($flag);)*
        }
    };
}

/// The optional parts of a [`value_type!`].
macro_rules! value_flag {
    (nullable) => {
        const NULL: Option<$crate::types::NullForm> =
            Some(<Self as $crate::serializers::value::Nullable>::NULL_FORM);
        fn read_nullable<'de, I: $crate::io::In<'de> + ?Sized>(
            _: &mut $crate::kryo::Kryo,
            input: &mut I,
            _: bool,
        ) -> $crate::error::Result<Option<Self>> {
            <Self as $crate::serializers::value::Nullable>::read_or_null(input)
        }
    };
    (per_value) => {
        fn class_name(&self) -> ::std::borrow::Cow<'static, str> {
            ::std::borrow::Cow::Borrowed($crate::serializers::value::PerValueClass::value_class(
                self,
            ))
        }
        fn write_with_class<O: $crate::io::Out + ?Sized>(
            &self,
            kryo: &mut $crate::kryo::Kryo,
            out: &mut O,
            _: bool,
        ) -> $crate::error::Result<()> {
            kryo.write_class_and_object_dyn(out, Some(self))
        }
        fn read_with_class<'de, I: $crate::io::In<'de> + ?Sized>(
            kryo: &mut $crate::kryo::Kryo,
            input: &mut I,
            _: bool,
        ) -> $crate::error::Result<Option<Self>> {
            $crate::serializers::value::read_any_class(kryo, input)
        }
    };
}

pub(crate) use {cloned_value, read_non_null, shared_by_clone, value_flag, value_type};

/// A type standing for several Java classes, one per value: the value's
/// own class is written, and any class registered for the type is read
/// (see [`Kryo::register_named`](crate::Kryo::register_named)).
pub(crate) trait PerValueClass {
    /// The Java class of this value.
    fn value_class(&self) -> &'static str;
}

/// `readClassAndObject` of a value of any class registered for `T`.
pub(crate) fn read_any_class<'de, T: crate::types::KryoType, I: In<'de> + ?Sized>(
    kryo: &mut crate::kryo::Kryo,
    input: &mut I,
) -> Result<Option<T>> {
    let at = input.total();
    let Some(value) = kryo.read_class_and_object(input)? else {
        return Ok(None);
    };
    crate::types::downcast::<T>(value).map(Some).map_err(|_| {
        Error::new(ErrorKind::WrongType {
            expected: T::java_class().into_owned(),
            found: "a value of another class".to_owned(),
        })
        .at(at)
    })
}

/// A value type whose whole payload is one string (`Currency`,
/// `StringBuilder`, `URL`, `TimeZone`, ...).
pub(crate) trait StringValue: Sized {
    /// The Java class, for errors.
    const CLASS: &'static str;
    /// The value of a string read at byte `at`.
    ///
    /// # Errors
    /// Strings the Java type rejects.
    fn from_str_at(s: String, at: u64) -> Result<Self>;
    /// The string written.
    fn as_java_str(&self) -> &str;
}

impl<T: StringValue> Value for T {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        Ok(out.write_string(Some(self.as_java_str()))?)
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        read_required(input)
    }
}

/// The string null (`80`) is `None`; only types declared `nullable` in
/// [`value_type!`] let it through to Java `null`.
impl<T: StringValue> Nullable for T {
    const CLASS: &'static str = <T as StringValue>::CLASS;
    const NULL_FORM: crate::types::NullForm = crate::types::NullForm::String;
    fn read_or_null<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<Self>> {
        let at = input.total();
        input
            .read_string()?
            .map(|s| Self::from_str_at(s, at))
            .transpose()
    }
}

/// The value a back-reference stands for, from the shared clone.
pub(crate) fn from_shared<T: Clone + 'static>(shared: &crate::types::Shared) -> Result<T> {
    shared.downcast_ref::<T>().cloned().ok_or_else(|| {
        Error::new(ErrorKind::WrongType {
            expected: std::any::type_name::<T>().to_owned(),
            found: "another object shared by reference".to_owned(),
        })
    })
}

/// Java `null` read where the class's serializer cannot produce it.
#[cold]
pub(crate) fn null_at(class: &'static str, at: u64) -> Error {
    Error::new(ErrorKind::UnexpectedNull(class)).at(at)
}

/// A value the Java class rejects on read (Java throws, for example
/// `DateTimeException`), at byte `at`.
#[cold]
pub(crate) fn invalid(at: u64, what: std::fmt::Arguments<'_>) -> Error {
    Error::new(ErrorKind::InvalidData(what.to_string())).at(at)
}

/// Checks shared by the serializers' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::{Kryo, KryoType};
    use kryo5_io::{Input, Output};

    /// A Kryo that does not require registration: unit tests write JDK
    /// classes without the `register` calls a Java program (and Kryo's
    /// `getRegistration`) would need.
    pub(crate) fn lenient() -> Kryo {
        let mut kryo = Kryo::new();
        kryo.set_registration_required(false);
        kryo
    }

    /// `v` is written as `want` (with `write_object`), reads back and
    /// copies as itself, and every truncation of `want` fails to read.
    pub(crate) fn round_trip<T: KryoType + PartialEq + std::fmt::Debug>(v: &T, want: &[u8]) {
        let mut kryo = lenient();
        let mut out = Output::new();
        kryo.write_object(&mut out, v).unwrap();
        assert_eq!(out.as_slice(), want, "{v:?}");
        assert_eq!(&kryo.read_object::<T, _>(&mut Input::new(want)).unwrap(), v);
        assert_eq!(&kryo.copy(v).unwrap(), v);
        for n in 0..want.len() {
            assert!(
                kryo.read_object::<T, _>(&mut Input::new(&want[..n]))
                    .is_err(),
                "{v:?} read from {n} bytes"
            );
        }
    }

    /// The error of reading a `T` from `bytes`.
    pub(crate) fn read_err<T: KryoType + std::fmt::Debug>(bytes: &[u8]) -> crate::Error {
        lenient()
            .read_object::<T, _>(&mut Input::new(bytes))
            .unwrap_err()
    }
}
