//! Zero-copy reads: types that borrow strings and byte arrays from the
//! input they are read from ([`BorrowType`]).
//!
//! A struct with a lifetime parameter deriving `Kryo` reads its borrowing
//! fields through [`BorrowType`] and every other field as its owned
//! [`KryoType`](crate::KryoType): the same bytes, the same
//! `FieldSerializer` layout. What a field may borrow:
//!
//! | Rust | Java | borrows |
//! |---|---|---|
//! | [`StrRef<'de>`] | `String` | UTF-8-form strings without supplementary characters; short ASCII-form strings are copied inline (no allocation); never fails |
//! | `Cow<'de, str>` | `String` | as `StrRef`, ASCII-form strings are owned |
//! | `&'de str` | `String` | only UTF-8-form strings without supplementary characters: anything else is an [`ErrorKind::Borrow`] error |
//! | `&'de [u8]` | `byte[]` | always (slice inputs) |
//! | `Vec<T>`, `Vec<Option<T>>` of the above or of borrowed structs | arrays, `#[kryo(list)]` lists | elements as above |
//!
//! Java Kryo writes every ASCII string of 2 to 32 characters in its ASCII
//! form, whose last byte carries a flag: such a string is not in the input
//! as text, so `&'de str` cannot hold it. Use [`StrRef`] (or `Cow<str>`)
//! for strings Java wrote.
//!
//! Borrowing needs an input that outlives the value: a slice
//! ([`kryo5_io::Input::new`]). On a stream input, [`StrRef`] and
//! `Cow<str>` fall back to owned strings; `&str` and `&[u8]` fail with
//! [`ErrorKind::Borrow`].
//!
//! With references on, a back-reference to a string read from a slice
//! reads the same bytes again, borrowed as the first read was (the
//! reference table keeps where they are, not a copy).
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_io::{Input, Output, StrRef};
//!
//! let mut out = Output::new();
//! out.write_string(Some("a string longer than thirty-two characters"))?;
//! out.write_string(Some("short"))?;
//! let bytes = out.into_vec();
//! let mut kryo = Kryo::new();
//! let mut input = Input::new(&bytes);
//! let long: &str = kryo.read_object_borrowed(&mut input)?;
//! let short: StrRef<'_> = kryo.read_object_borrowed(&mut input)?;
//! assert_eq!((long.len(), &*short), (42, "short"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

pub use kryo5_io::StrRef;

use crate::error::{Error, ErrorKind, Result};
use crate::field::Field;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::array::{read_len, write_byte_array, write_len};
use crate::serializers::class::is_array_class;
use crate::serializers::collection::{
    FreeElements, bounded_vec, declared_size, null_not_allowed, read_each, size_plus_one,
};
use crate::serializers::value::null_at;
use crate::types::{NullForm, Shared};

/// A Rust type read from Kryo bytes, possibly borrowing from them (`'de`
/// is the lifetime of the input's bytes): the read side of
/// [`KryoType`](crate::KryoType) for types that are not `'static`.
///
/// Implemented for [`StrRef`], `Cow<str>`, `&str`, `&[u8]`, `Vec`s of
/// borrowing elements, and by `#[derive(Kryo)]` for structs with a
/// lifetime parameter. The associated items mean what
/// [`KryoType`](crate::KryoType)'s do; a user
/// [`Serializer`](crate::Serializer) registered for the owned twin is not
/// used.
///
/// ```
/// use kryo5_core::borrow::BorrowType;
/// assert_eq!(<&str as BorrowType<'_>>::java_class(), "java.lang.String");
/// assert_eq!(<Vec<&str> as BorrowType<'_>>::java_class(), "[Ljava.lang.String;");
/// ```
pub trait BorrowType<'de>: Sized {
    /// A `'static` type standing for the same Java class (the owned twin,
    /// or the type with `'static` lifetimes): its `TypeId` caches the
    /// class's registration.
    type Key: 'static;

    /// Java's `Class.getName()` of the class.
    fn java_class() -> Cow<'static, str>;

    /// Whether the Java class is final.
    const FINAL: bool;

    /// Whether Kryo tracks references for the class.
    const REFERENCES: bool = true;

    /// Whether the serializer writes Java `null` itself, and how.
    const NULL: Option<NullForm> = None;

    /// Whether every Kryo registers the class (`String`): no registration
    /// check is needed.
    const DEFAULT_REGISTERED: bool = false;

    /// The type's slot, for finding its registration in a vector (see
    /// [`KryoType::type_slot`](crate::KryoType::type_slot)); `#[derive(Kryo)]`
    /// gives one to borrowed structs.
    fn type_slot() -> Option<&'static crate::slot::TypeSlot> {
        None
    }

    /// Writes the payload: the bytes the owned twin writes.
    ///
    /// # Errors
    /// Buffer overflow or I/O; values the Java type cannot hold.
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()>;

    /// Reads a payload.
    ///
    /// # Errors
    /// Truncated or malformed input; [`ErrorKind::Borrow`] for a value
    /// that cannot be borrowed.
    fn read<I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self>;

    /// For serializers that accept `null` ([`BorrowType::NULL`] is set): reads
    /// either their `null` form (`None`) or a payload.
    ///
    /// # Errors
    /// As [`BorrowType::read`].
    fn read_nullable<I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        Self::read(kryo, input, args).map(Some)
    }

    /// What the reference table keeps of this value, so that a later
    /// back-reference can stand for it: nothing by default (a
    /// back-reference to it is an error).
    fn keep(&self) -> Keep<'_> {
        Keep::Nothing
    }

    /// The value a back-reference stands for, from what was kept.
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] by default; [`ErrorKind::Borrow`] where
    /// the kept value cannot be borrowed.
    fn from_kept(kept: Kept<'_, 'de>) -> Result<Self> {
        let _ = kept;
        Err(Error::new(ErrorKind::WrongType {
            expected: Self::java_class().into_owned(),
            found: "a back-reference (read a shared object as an owned Arc<T>)".into(),
        }))
    }
}

/// What the reference table keeps of a value read borrowed (see
/// [`BorrowType::keep`]).
///
/// ```
/// use kryo5_core::borrow::{Keep, BorrowType, StrRef};
/// assert!(matches!(StrRef::Borrowed("ab").keep(), Keep::Text("ab")));
/// ```
#[derive(Debug)]
pub enum Keep<'a> {
    /// Nothing: a back-reference to the value is an error.
    Nothing,
    /// A string: from a slice input the table keeps where its bytes are
    /// (a back-reference reads them again, borrowed), from a stream a copy
    /// of its text.
    Text(&'a str),
}

/// What a back-reference stands for (see [`BorrowType::from_kept`]).
///
/// ```
/// use kryo5_core::borrow::{Kept, BorrowType};
/// use kryo5_core::borrow::StrRef;
/// assert_eq!(<&str as BorrowType<'_>>::from_kept(Kept::Wire(StrRef::Borrowed("ab")))?, "ab");
/// assert!(<&str as BorrowType<'_>>::from_kept(Kept::Text("ab")).is_err());
/// # Ok::<(), kryo5_core::Error>(())
/// ```
#[derive(Debug)]
pub enum Kept<'a, 'de> {
    /// A string's text, copied (from a stream input).
    Text(&'a str),
    /// A string read again from its bytes in the input.
    Wire(StrRef<'de>),
    /// An object an owned reader shared ([`KryoType::share`](crate::KryoType::share)).
    Shared(&'a Shared),
}

impl<'de> Kept<'_, 'de> {
    /// The string kept, if it is one.
    fn into_str(self) -> Option<StrRef<'de>> {
        match self {
            Kept::Wire(s) => Some(s),
            Kept::Text(s) => Some(StrRef::Owned(s.to_owned())),
            Kept::Shared(s) => s.downcast_ref::<String>().map(|s| StrRef::Owned(s.clone())),
        }
    }
}

#[cold]
fn cannot_borrow(what: &'static str, at: u64) -> Error {
    Error::new(ErrorKind::Borrow(what)).at(at)
}

/// [`BorrowType::read`] for types whose `null` is their own
/// ([`BorrowType::NULL`]): a payload through `read_nullable`, `null`
/// refused.
macro_rules! read_non_null {
    ($what:expr) => {
        fn read<I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
            let at = input.total();
            Self::read_nullable(kryo, input, args)?.ok_or_else(|| null_at($what, at))
        }
    };
}

/// `BorrowType` for a borrowed string type: the facts of
/// `java.lang.String`, and everything else through `$from`, which makes
/// the type from a [`StrRef`] (a string read, or read again for a
/// back-reference).
macro_rules! java_string {
    ($ty:ty, $from:expr) => {
        impl<'de> BorrowType<'de> for $ty {
            type Key = String;
            fn java_class() -> Cow<'static, str> {
                Cow::Borrowed("java.lang.String")
            }
            const FINAL: bool = true;
            const NULL: Option<NullForm> = Some(NullForm::String);
            const DEFAULT_REGISTERED: bool = true;

            fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
                Ok(out.write_string(Some(self))?)
            }

            read_non_null!("java.lang.String");

            #[inline]
            fn read_nullable<I: In<'de> + ?Sized>(
                _: &mut Kryo,
                input: &mut I,
                _: bool,
            ) -> Result<Option<Self>> {
                let at = input.total();
                let from: fn(StrRef<'de>) -> Result<Self> = $from;
                input
                    .read_str()?
                    .map(from)
                    .transpose()
                    .map_err(|e| e.at(at))
            }

            fn keep(&self) -> Keep<'_> {
                Keep::Text(self)
            }

            fn from_kept(kept: Kept<'_, 'de>) -> Result<Self> {
                let from: fn(StrRef<'de>) -> Result<Self> = $from;
                from(kept.into_str().ok_or_else(|| {
                    Error::new(ErrorKind::WrongType {
                        expected: "java.lang.String".into(),
                        found: "a back-reference to another object".into(),
                    })
                })?)
            }
        }
    };
}

// Kryo's `String`, borrowed where the input holds its text (see the module
// documentation for each type).
java_string!(StrRef<'de>, Ok);
java_string!(Cow<'de, str>, |s| Ok(match s {
    StrRef::Borrowed(s) => Cow::Borrowed(s),
    other => Cow::Owned(other.into_owned()),
}));
java_string!(&'de str, |s| match s {
    StrRef::Borrowed(s) => Ok(s),
    _ => Err(Error::new(ErrorKind::Borrow(
        "a string written in Kryo's ASCII form, with supplementary characters or from a stream, \
         as &str (use StrRef or Cow<str>)",
    ))),
});

/// Java `byte[]`, borrowed.
impl<'de> BorrowType<'de> for &'de [u8] {
    type Key = Vec<u8>;
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("[B")
    }
    const FINAL: bool = true;
    const NULL: Option<NullForm> = Some(NullForm::Zero);

    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        write_byte_array(out, self)
    }

    read_non_null!("an array");

    #[inline]
    fn read_nullable<I: In<'de> + ?Sized>(
        _: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        let at = input.total();
        match read_len(input)? {
            None => Ok(None),
            Some(n) => match input.read_lent(n)? {
                Some(bytes) => Ok(Some(bytes)),
                None => Err(cannot_borrow("a byte[] from a stream input", at)),
            },
        }
    }
}

/// A value in an element position read borrowed: `T`, or `Option<T>`
/// where Java `null` may occur (see [`Element`](crate::field::Element)).
///
/// ```
/// use kryo5_core::borrow::BorrowElement;
/// assert_eq!(<Option<&str>>::from_value(None, 0)?, None);
/// assert!(<&str>::from_value(None, 0).is_err());
/// # Ok::<(), kryo5_core::Error>(())
/// ```
pub trait BorrowElement<'de>: Sized {
    /// The element's type when present.
    type Value: BorrowType<'de>;
    /// The value, `None` for Java `null`.
    fn value(&self) -> Option<&Self::Value>;
    /// An element from a value read at byte `at`.
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedNull`] for `null` where `Self` cannot hold it.
    fn from_value(value: Option<Self::Value>, at: u64) -> Result<Self>;
}

impl<'de, T: BorrowType<'de>> BorrowElement<'de> for T {
    type Value = T;
    #[inline]
    fn value(&self) -> Option<&T> {
        Some(self)
    }
    #[inline]
    fn from_value(value: Option<T>, at: u64) -> Result<Self> {
        value.ok_or_else(|| {
            Error::new(ErrorKind::UnexpectedNull(
                "a non-Option element (declare the element type as Option<T>)",
            ))
            .at(at)
        })
    }
}

impl<'de, T: BorrowType<'de>> BorrowElement<'de> for Option<T> {
    type Value = T;
    #[inline]
    fn value(&self) -> Option<&T> {
        self.as_ref()
    }
    #[inline]
    fn from_value(value: Option<T>, _: u64) -> Result<Self> {
        Ok(value)
    }
}

/// A Java object array of borrowing elements (`String[]` as
/// `Vec<StrRef>`), format spec 8.12.
impl<'de, E: BorrowElement<'de>> BorrowType<'de> for Vec<E> {
    type Key = Vec<<E::Value as BorrowType<'de>>::Key>;
    fn java_class() -> Cow<'static, str> {
        let component = E::Value::java_class();
        Cow::Owned(if is_array_class(&component) {
            format!("[{component}")
        } else {
            format!("[L{component};")
        })
    }
    const FINAL: bool = E::Value::FINAL;
    const NULL: Option<NullForm> = Some(NullForm::Zero);

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        write_len(out, self.len())?;
        let f = Field::new(same_type::<E::Value>(), true, false);
        for (i, e) in self.iter().enumerate() {
            write(kryo, out, e.value(), f).map_err(|err| err.in_element(i))?;
        }
        Ok(())
    }

    read_non_null!("an array");

    fn read_nullable<I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        let Some(n) = read_len(input)? else {
            return Ok(None);
        };
        let f = Field::new(same_type::<E::Value>(), true, false);
        let mut v = bounded_vec(n, input);
        read_each(kryo, input, n, &mut v, E::from_value, |k, i| read(k, i, f))?;
        Ok(Some(v))
    }
}

/// A `java.util.ArrayList` of borrowing elements: what a `#[kryo(list)]`
/// field of a borrowed struct reads (Kryo's `CollectionSerializer`,
/// format spec 8.13).
///
/// ```
/// use kryo5_core::borrow::ArrayListRef;
/// use kryo5_core::serializers::list::ArrayList;
/// use kryo5_core::{Kryo, Object};
/// use kryo5_io::{Input, Output, StrRef};
///
/// let mut kryo = Kryo::new();
/// kryo.register::<ArrayList<Option<Box<dyn Object>>>>();
/// let mut out = Output::new();
/// kryo.write_object(&mut out, &ArrayList(vec![String::from("ab"), String::from("cd")]))?;
/// let list: ArrayListRef<StrRef<'_>> = kryo.read_object_borrowed(&mut Input::new(out.as_slice()))?;
/// assert_eq!(list.0, ["ab", "cd"]);
/// # Ok::<(), kryo5_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArrayListRef<E>(pub Vec<E>);

impl<'de, E: BorrowElement<'de>> BorrowType<'de> for ArrayListRef<E> {
    type Key = crate::serializers::list::ArrayList<Box<dyn crate::Object>>;
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.util.ArrayList")
    }
    const FINAL: bool = false;
    const NULL: Option<NullForm> = Some(NullForm::Zero);

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        write_list(kryo, out, &self.0, args)
    }

    read_non_null!("a collection");

    fn read_nullable<I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        let at = input.total();
        let known = args && E::Value::FINAL;
        let flag = input.peek_var_int_flag()?;
        let Some(len) = declared_size(input.read_var_int_flag(true)?, at)? else {
            return Ok(None);
        };
        let mut items = bounded_vec(len, input);
        // One class for all elements (or a known one): `readObject`, or
        // `readObjectOrNull` if any is null; else a class per element.
        let (per_element, or_null) = if known {
            (false, flag)
        } else if flag {
            let class_at = input.total();
            let Some(class) = kryo.read_class_ref(input)? else {
                // All null.
                FreeElements::new().add(len, at)?;
                for i in 0..len {
                    items.push(E::from_value(None, class_at).map_err(|e| e.in_element(i))?);
                }
                return Ok(Some(ArrayListRef(items)));
            };
            if !kryo.is_class_of_borrowed::<E::Value>(class) {
                return Err(Error::new(ErrorKind::WrongType {
                    expected: E::Value::java_class().into_owned(),
                    found: kryo.class_ref_name(class).to_owned(),
                })
                .at(class_at));
            }
            (false, input.read_boolean()?)
        } else {
            (true, false)
        };
        read_each(kryo, input, len, &mut items, E::from_value, |k, i| {
            if per_element {
                k.read_class_and_object_borrowed(i, args)
            } else if or_null {
                k.read_object_or_null_borrowed(i, args)
            } else {
                k.read_object_borrowed_args(i, args).map(Some)
            }
        })?;
        Ok(Some(ArrayListRef(items)))
    }
}

/// Reads an object field of a borrowing type, as
/// [`field::read`](crate::field::read) does for owned types: `None` for
/// Java `null`.
///
/// ```
/// use kryo5_core::{Kryo, borrow, field::Field};
/// let bytes = [0x82, b'a'];
/// let s: Option<&str> = borrow::read(&mut Kryo::new(), &mut kryo5_io::Input::new(&bytes), Field::new(true, true, false))?;
/// assert_eq!(s, Some("a"));
/// # Ok::<(), kryo5_core::Error>(())
/// ```
///
/// # Errors
/// As [`Kryo::read_object_borrowed`].
#[inline]
pub fn read<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    f: Field,
) -> Result<Option<T>> {
    let args = f.args && kryo.optimized_generics();
    if !f.known {
        return kryo.read_class_and_object_borrowed(input, args);
    }
    if f.direct_strings && is_java_string::<T>() {
        return T::read_nullable(kryo, input, false);
    }
    if f.can_be_null {
        return kryo.read_object_or_null_borrowed(input, args);
    }
    kryo.read_object_borrowed_args(input, args).map(Some)
}

/// Reads a field of a borrowing type that must not be `null` in Rust.
///
/// ```
/// use kryo5_core::{Kryo, borrow, field::Field};
/// let f = Field::new(true, true, false);
/// let null = borrow::read_required::<&str, _>(&mut Kryo::new(), &mut kryo5_io::Input::new(&[0x00]), f);
/// assert!(null.is_err());
/// ```
///
/// # Errors
/// [`ErrorKind::UnexpectedNull`] for Java `null`; as [`read()`].
#[inline]
pub fn read_required<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    f: Field,
) -> Result<T> {
    let at = input.total();
    read(kryo, input, f)?.ok_or_else(|| crate::field::null_in(at))
}

/// Whether array elements of class `T` are all of that class (no class
/// descriptor per element): final classes and arrays.
fn same_type<'de, T: BorrowType<'de>>() -> bool {
    T::FINAL || is_array_class(&T::java_class())
}

/// Kryo's `CollectionSerializer` payload of `items` (format spec 8.13),
/// as [`write_collection`](crate::serializers::collection::write_collection)
/// writes it for elements of one class.
fn write_list<'de, E: BorrowElement<'de>, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    items: &[E],
    args: bool,
) -> Result<()> {
    let size = size_plus_one(items.len())?;
    if items.is_empty() {
        return Ok(out.write_byte(1)?);
    }
    let has_null = items.iter().any(|e| e.value().is_none());
    out.write_var_int_flag(!(args && E::Value::FINAL) || has_null, size, true)?;
    if !(args && E::Value::FINAL) {
        if items.iter().all(|e| e.value().is_none()) {
            // All null: the null class, nothing more.
            return Ok(out.write_byte(0)?);
        }
        kryo.write_class_borrowed::<E::Value, O>(out)?;
        out.write_boolean(has_null)?;
    }
    for (i, e) in items.iter().enumerate() {
        let r = if has_null {
            kryo.write_object_or_null_borrowed(out, e.value(), args)
        } else {
            e.value().map_or_else(
                || Err(null_not_allowed()),
                |v| kryo.write_object_borrowed_args(out, v, args),
            )
        };
        r.map_err(|err| err.in_element(i))?;
    }
    Ok(())
}

/// Writes a `Vec` field declared `java.util.List` of a borrowed struct as
/// a `java.util.ArrayList` (what `#[kryo(list)]` generates; see
/// [`write_vec_field`](crate::serializers::list::write_vec_field)).
///
/// ```
/// use kryo5_core::serializers::list::ArrayList;
/// use kryo5_core::{Kryo, Object, borrow, field::Field};
///
/// let mut kryo = Kryo::new();
/// kryo.register::<ArrayList<Option<Box<dyn Object>>>>(); // id 9
/// let mut out = kryo5_io::Output::new();
/// let names = ["ab"];
/// borrow::write_list_field(&mut kryo, &mut out, Some(&names[..]), Field::new(false, true, true))?;
/// // ArrayList (9), one element known to be a String from List<String>.
/// assert_eq!(out.as_slice(), &[0x0b, 0x02, 0x61, 0xe2]);
/// # Ok::<(), kryo5_core::Error>(())
/// ```
///
/// # Errors
/// As [`Kryo::write_object_borrowed`].
pub fn write_list_field<'de, E: BorrowElement<'de>, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    items: Option<&[E]>,
    f: Field,
) -> Result<()> {
    let args = f.args && kryo.optimized_generics();
    kryo.write_class_and_payload_borrowed::<ArrayListRef<E>, O>(out, items.is_some(), |k, o| {
        items.map_or(Ok(()), |items| write_list(k, o, items, args))
    })
}

/// Writes an object field of a borrowing type, as
/// [`field::write`](crate::field::write) does for owned types.
///
/// ```
/// use kryo5_core::{Kryo, borrow, field::Field};
/// let mut out = kryo5_io::Output::new();
/// borrow::write(&mut Kryo::new(), &mut out, Some(&"a"), Field::new(true, true, false))?;
/// assert_eq!(out.as_slice(), &[0x82, b'a']);
/// # Ok::<(), kryo5_core::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] for `null` in a field that cannot be
/// null; as [`Kryo::write_object_borrowed`].
#[inline]
pub fn write<'de, T: BorrowType<'de>, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&T>,
    f: Field,
) -> Result<()> {
    let args = f.args && kryo.optimized_generics();
    if !f.known {
        return kryo.write_class_and_object_borrowed(out, value, args);
    }
    if f.direct_strings && is_java_string::<T>() {
        return match value {
            Some(v) => v.write(kryo, out, false),
            None => Ok(out.write_string(None)?),
        };
    }
    if f.can_be_null {
        return kryo.write_object_or_null_borrowed(out, value, args);
    }
    match value {
        Some(v) => kryo.write_object_borrowed_args(out, v, args),
        None => Err(crate::field::null_field()),
    }
}

/// Whether `T` stands for `java.lang.String` (see
/// [`field::is_java_string`](crate::field::is_java_string)).
fn is_java_string<'de, T: BorrowType<'de>>() -> bool {
    T::NULL == Some(NullForm::String) && T::java_class() == "java.lang.String"
}
