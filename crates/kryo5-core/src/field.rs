//! Field encodings of Kryo's `FieldSerializer` (format spec 9.3), as small
//! functions the derive's generated code calls: one place for the rules.

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm, Object};

/// How an object field is declared, which decides its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's concrete type is known (declared final, or a value
    /// class): no class descriptor.
    pub known: bool,
    /// Kryo's `canBeNull` (default true): a `00`/`01` marker (or the
    /// serializer's own null) for known types.
    pub can_be_null: bool,
    /// The declared type carries type arguments (Kryo's generics).
    pub args: bool,
    /// The field is declared `String` and its class writes String fields
    /// directly (references were off when it was registered, format spec
    /// 7.5): a value of a type standing for `java.lang.String`
    /// ([`is_java_string`]: `Arc<String>`, `JavaString`) is written as a
    /// bare `str` (null `80`), without markers. Default off.
    pub direct_strings: bool,
}

impl Field {
    /// A field declared with the final type `T` or an open type (`known`),
    /// nullable, with type arguments when `args`.
    #[must_use]
    pub const fn new(known: bool, can_be_null: bool, args: bool) -> Self {
        Field {
            known,
            can_be_null,
            args,
            direct_strings: false,
        }
    }

    /// The field with [`Field::direct_strings`] set to `direct`.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use kryo5_core::{Kryo, field::{self, Field}};
    /// use kryo5_io::Output;
    ///
    /// let mut kryo = Kryo::new();
    /// kryo.set_references(true);
    /// let s = Arc::new(String::from("a"));
    /// let f = Field::new(true, true, false);
    /// let mut out = Output::new();
    /// field::write(&mut kryo, &mut out, Some(&s), f.with_direct_strings(true))?;
    /// field::write(&mut kryo, &mut out, Some(&s), f)?;
    /// assert_eq!(out.as_slice(), &[0x82, 0x61, 0x01, 0x82, 0x61]); // bare, then marked
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_direct_strings(mut self, direct: bool) -> Self {
        self.direct_strings = direct;
        self
    }

    /// Whether a `T` in this field is written as a bare string.
    #[inline]
    fn direct<T: KryoType>(self) -> bool {
        self.direct_strings && self.known && is_java_string::<T>()
    }
}

/// Writes an object field holding `value` (`None` is Java `null`).
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] for `null` in a field that cannot be null;
/// as [`Kryo::write_object`].
#[inline]
pub fn write<T: KryoType, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&T>,
    f: Field,
) -> Result<()> {
    let args = f.args && kryo.optimized_generics();
    if !f.known {
        return kryo.write_class_and_object_args(out, value, args);
    }
    if f.direct::<T>() {
        return match value {
            Some(v) => v.write(kryo, out, false),
            None => Ok(out.write_string(None)?),
        };
    }
    if f.can_be_null {
        return kryo.write_object_or_null_args(out, value, args);
    }
    match value {
        Some(v) => kryo.write_object_args(out, v, args),
        None => Err(null_field()),
    }
}

/// Java `null` written to a field that cannot be null.
#[cold]
pub(crate) fn null_field() -> Error {
    Error::new(ErrorKind::InvalidArgument(
        "field value cannot be null when canBeNull is false".into(),
    ))
}

/// Reads an object field written by [`write()`]: `None` for Java `null`.
///
/// # Errors
/// As [`Kryo::read_object`]; [`ErrorKind::WrongType`] for a class other
/// than `T`'s.
#[inline]
pub fn read<'de, T: KryoType, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    f: Field,
) -> Result<Option<T>> {
    let args = f.args && kryo.optimized_generics();
    if !f.known {
        return kryo.read_class_and_object_as_args(input, args);
    }
    if f.direct::<T>() {
        return T::read_nullable(kryo, input, false);
    }
    if f.can_be_null {
        return kryo.read_object_or_null_args(input, args);
    }
    kryo.read_object_args(input, args).map(Some)
}

/// Reads a field that must not be `null` in Rust.
///
/// # Errors
/// [`ErrorKind::UnexpectedNull`] for Java `null`; as [`read()`].
#[inline]
pub fn read_required<'de, T: KryoType, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    f: Field,
) -> Result<T> {
    let at = input.total();
    read(kryo, input, f)?.ok_or_else(|| null_in(at))
}

#[cold]
pub(crate) fn null_in(at: u64) -> Error {
    Error::new(ErrorKind::UnexpectedNull("a non-Option field")).at(at)
}

/// Whether `T` stands for `java.lang.String` (`String`, `Arc<String>`,
/// `JavaString`, ...): the types a field declared `String` may hold.
///
/// ```
/// use std::sync::Arc;
/// use kryo5_core::field::is_java_string;
/// assert!(is_java_string::<Arc<String>>() && is_java_string::<kryo5_io::JavaString>());
/// assert!(!is_java_string::<i32>());
/// ```
#[inline]
#[must_use]
pub fn is_java_string<T: KryoType>() -> bool {
    T::NULL == Some(NullForm::String) && T::java_class() == "java.lang.String"
}

/// Writes a `String` field: directly (`str`, null as `80`) when `direct`
/// (references were off when the class was registered, format spec 7.5),
/// else as an object field of the final type `String`.
///
/// # Errors
/// As [`write()`].
#[inline(always)]
pub fn write_string<O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&String>,
    direct: bool,
    can_be_null: bool,
) -> Result<()> {
    if direct {
        out.write_string(value.map(String::as_str))?;
        return Ok(());
    }
    write_string_object(kryo, out, value, can_be_null)
}

/// [`write_string`] as an object field (references apply).
#[inline(never)]
fn write_string_object<O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&String>,
    can_be_null: bool,
) -> Result<()> {
    write(kryo, out, value, Field::new(true, can_be_null, false))
}

/// Reads a `String` field written by [`write_string`] into `dst`; `false`
/// for Java `null`.
///
/// # Errors
/// As [`read()`].
#[inline]
pub fn read_string_into<'de, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    dst: &mut String,
    direct: bool,
    can_be_null: bool,
) -> Result<bool> {
    if direct {
        return Ok(input.read_string_into(dst)?);
    }
    match read::<String, I>(kryo, input, Field::new(true, can_be_null, false))? {
        Some(s) => {
            *dst = s;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Reads a `String` field that must not be `null` in Rust.
///
/// # Errors
/// [`ErrorKind::UnexpectedNull`]; as [`read()`].
#[inline]
pub fn read_string_required<'de, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    dst: &mut String,
    direct: bool,
    can_be_null: bool,
) -> Result<()> {
    let at = input.total();
    if read_string_into(kryo, input, dst, direct, can_be_null)? {
        Ok(())
    } else {
        Err(null_in(at))
    }
}

/// Writes a field declared `Object` (any class): its class, then its
/// payload (Kryo's `writeClassAndObject`).
///
/// # Errors
/// As [`Kryo::write_object`].
#[inline]
pub fn write_any<O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&dyn Object>,
) -> Result<()> {
    kryo.write_class_and_object_dyn(out, value)
}

/// Reads a field declared `Object`.
///
/// # Errors
/// As [`Kryo::read_class_and_object`].
#[inline]
pub fn read_any<'de, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
) -> Result<Option<Box<dyn Object>>> {
    kryo.read_class_and_object(input)
}

/// A value in an element position (arrays, collections, maps): `T` itself
/// when Java `null` cannot occur there, or `Option<T>` when it can.
///
/// Element serializers write through [`Element::value`] with [`write()`]
/// and rebuild elements with [`Element::from_value`] from [`read()`].
///
/// ```
/// use kryo5_core::field::Element;
/// assert_eq!(Some(3i32).value(), Some(&3));
/// assert_eq!(<Option<i32>>::from_value(None, 0).unwrap(), None);
/// assert!(<i32>::from_value(None, 0).is_err()); // null where i32 is required
/// ```
pub trait Element: Sized {
    /// The element's type when present.
    type Value: KryoType;
    /// Whether the element type itself can hold Java `null`.
    const NULLABLE: bool;
    /// The value, `None` for Java `null`.
    fn value(&self) -> Option<&Self::Value>;
    /// An element from a value read at byte `at`.
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedNull`] for `null` where `Self` cannot hold it.
    fn from_value(value: Option<Self::Value>, at: u64) -> Result<Self>;
    /// A deep copy (see [`Kryo::copy_nested`]).
    ///
    /// # Errors
    /// As [`KryoType::copy`].
    fn copy_element(&self, kryo: &mut Kryo) -> Result<Self>;
}

impl<T: KryoType> Element for T {
    type Value = T;
    const NULLABLE: bool = false;
    #[inline]
    fn value(&self) -> Option<&T> {
        Some(self)
    }
    #[inline]
    fn from_value(value: Option<T>, at: u64) -> Result<Self> {
        value.ok_or_else(|| null_element(at))
    }
    fn copy_element(&self, kryo: &mut Kryo) -> Result<Self> {
        kryo.copy_nested(self)
    }
}

impl<T: KryoType> Element for Option<T> {
    type Value = T;
    const NULLABLE: bool = true;
    #[inline]
    fn value(&self) -> Option<&T> {
        self.as_ref()
    }
    #[inline]
    fn from_value(value: Option<T>, _: u64) -> Result<Self> {
        Ok(value)
    }
    fn copy_element(&self, kryo: &mut Kryo) -> Result<Self> {
        self.as_ref().map(|v| kryo.copy_nested(v)).transpose()
    }
}

#[cold]
fn null_element(at: u64) -> Error {
    Error::new(ErrorKind::UnexpectedNull(
        "a non-Option element (declare the element type as Option<T>)",
    ))
    .at(at)
}
