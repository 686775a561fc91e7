//! The traits a Rust type implements to be written as a Java object.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;

/// How a serializer that accepts Java `null` writes it (format spec 8.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NullForm {
    /// `00`: arrays, collections, maps, enums, `BigInteger`, `BigDecimal`,
    /// `Class`, the tagged and version serializers.
    Zero,
    /// `80`, the string `null`: `String`, `StringBuilder`, `Currency`.
    String,
}

/// An object kept in the reference table while a graph is read, so that a
/// back-reference to it can be materialized: an `Arc` of the value (see
/// [`KryoType::share`]).
pub type Shared = Arc<dyn Any + Send + Sync>;

/// A Rust type written as a Java class in Kryo data: what Kryo's serializer
/// for that class writes, and the static facts Kryo decides layouts by.
///
/// Implemented by the library for the Java types it maps (see the crate
/// documentation's table) and by `#[derive(Kryo)]` for structs. A position
/// that may hold Java `null` is an `Option<T>`; shared objects are `Arc<T>`
/// (`Arc<Mutex<T>>` or `Arc<RwLock<T>>` where they may form cycles).
///
/// Implementing it by hand is how a type serializes itself (Kryo's
/// `KryoSerializable`): write the payload in `write`, read it back in
/// `read`. To change how an existing type is written, register a
/// [`Serializer`](crate::Serializer) for it instead.
///
/// Implementer notes: [`KryoType::write`] and [`KryoType::read`] handle the
/// payload only; class descriptors, `null` markers and reference markers are
/// written by [`Kryo`]'s entry points. `args` says whether the position the
/// value is in declared its type arguments (Kryo's generics, format spec
/// section 9.4): collection and map serializers then know their element
/// serializers, and generic structs their type variables.
pub trait KryoType: Sized + 'static {
    /// Java's `Class.getName()` of the class, as registrations and by-name
    /// class descriptors spell it (`java.lang.String`, `[I`,
    /// `com.example.Media$Player`).
    fn java_class() -> Cow<'static, str>;

    /// Whether the Java class is final (format spec 6.6): a position whose
    /// declared type is final writes no class descriptor.
    const FINAL: bool;

    /// Whether Kryo tracks references for the class: `false` only for the
    /// eight primitive wrappers and for enums (format spec 7.2).
    const REFERENCES: bool = true;

    /// Whether the serializer writes Java `null` itself, and how.
    const NULL: Option<NullForm> = None;

    /// Kryo's `isImmutable`: a copy of a shared value may be the original
    /// (true for strings and the primitive wrappers).
    const IMMUTABLE: bool = false;

    /// Other Java classes this type stands for, read as this type where a
    /// class descriptor names them (`List.of` is `List12` or `ListN` by
    /// size). [`KryoType::class_name`] says which one a value is written as.
    const OTHER_CLASSES: &'static [&'static str] = &[];

    /// Whether the class is one of Kryo's default registrations (ids 0-8:
    /// `String` and the primitives), registered in every `Kryo`, so that
    /// the registration check has nothing to look up.
    #[doc(hidden)]
    const DEFAULT_REGISTERED: bool = false;

    /// This type's [`TypeSlot`](crate::slot::TypeSlot), if it has one:
    /// `#[derive(Kryo)]` gives one to every derived type (all
    /// instantiations of a generic type share it, as they share their
    /// Java class). Only speeds up registration lookups.
    #[doc(hidden)]
    #[inline]
    fn type_slot() -> Option<&'static crate::slot::TypeSlot> {
        None
    }

    /// How `null` is written under `kryo`'s settings: [`KryoType::NULL`],
    /// except for types whose serializer follows Kryo's default serializer
    /// (derived structs: the tagged and version serializers write `00`).
    fn null_form_in(kryo: &Kryo) -> Option<NullForm> {
        let _ = kryo;
        Self::NULL
    }

    /// Writes the payload.
    ///
    /// # Errors
    /// Buffer overflow or I/O; values the Java type cannot hold.
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()>;

    /// Reads a payload.
    ///
    /// # Errors
    /// Truncated or malformed input, unknown classes, bad references.
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self>;

    /// Reads a payload into an existing value (Kryo's read after `create`):
    /// types that can be part of a cycle (`Arc<Mutex<T>>`) are created
    /// empty and bound to their reference id before their fields are read.
    /// The default reads a new value and assigns it.
    ///
    /// # Errors
    /// As [`KryoType::read`].
    fn read_into<'de, I: In<'de> + ?Sized>(
        &mut self,
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<()> {
        *self = Self::read(kryo, input, args)?;
        Ok(())
    }

    /// For serializers that accept `null` ([`KryoType::NULL`] is set): reads
    /// either their `null` form (`None`) or a payload.
    ///
    /// # Errors
    /// As [`KryoType::read`].
    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        Self::read(kryo, input, args).map(Some)
    }

    /// The object's identity for references: `Some(address)` for shared
    /// pointers (`Arc`), `None` for plain values (always a new object).
    fn identity(&self) -> Option<usize> {
        None
    }

    /// A shared copy to keep in the reference table while reading, so that a
    /// later back-reference to this object can be materialized: value types
    /// (strings, boxed numbers, dates, ...) return a clone, `Arc` itself;
    /// `None` (the default) makes a back-reference to it an error that says
    /// to declare the position as `Arc<T>`.
    fn share(&self) -> Option<Shared> {
        None
    }

    /// The text of a string value, which the reference table keeps as text
    /// instead of calling [`KryoType::share`] (a copy into a reused buffer
    /// rather than an `Arc` per string); a back-reference gets it back
    /// through [`KryoType::from_shared`] of an `Arc<String>`. `None` (the
    /// default) for everything but strings.
    ///
    /// ```
    /// use kryo5_core::KryoType;
    /// assert_eq!(String::from("ab").shared_text(), Some("ab"));
    /// assert_eq!(5i32.shared_text(), None);
    /// ```
    fn shared_text(&self) -> Option<&str> {
        None
    }

    /// The value a back-reference stands for, from what [`KryoType::share`]
    /// kept.
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] if the shared object is of another type.
    fn from_shared(shared: &Shared) -> Result<Self> {
        let _ = shared;
        Err(Error::new(ErrorKind::WrongType {
            expected: Self::java_class().into_owned(),
            found: "an object shared by reference (declare the position as Arc<T>)".into(),
        }))
    }

    /// The Java class of this value: [`KryoType::java_class`], except for
    /// types standing for several classes (`Box<dyn Object>`, enums of
    /// subclasses), which answer per value.
    fn class_name(&self) -> Cow<'static, str> {
        Self::java_class()
    }

    /// Whether Kryo tracks references for this value's class
    /// ([`KryoType::REFERENCES`], per value for types standing for several
    /// classes).
    fn uses_references(&self) -> bool {
        Self::REFERENCES
    }

    /// Kryo's `writeClassAndObject` for a position of this type: the class
    /// descriptor, a reference marker where references apply, the payload.
    /// Types standing for several Java classes override it to write the
    /// value's own class.
    ///
    /// # Errors
    /// As [`Kryo::write_class_and_object`].
    fn write_with_class<O: Out + ?Sized>(
        &self,
        kryo: &mut Kryo,
        out: &mut O,
        args: bool,
    ) -> Result<()> {
        kryo.write_class_then_object(out, self, args)
    }

    /// Kryo's `readClassAndObject` for a position of this type: `None` for
    /// the null class. The default accepts only this type's class; types
    /// standing for several classes override it.
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] for another class; as [`Kryo::read_object`].
    fn read_with_class<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        kryo.read_class_then_object(input, args)
    }

    /// A deep copy (Kryo's `Serializer.copy`): nested values are copied with
    /// [`Kryo::copy_nested`], so shared objects stay shared and cycles stay
    /// cycles in the copy. The default fails with
    /// [`ErrorKind::Unsupported`], as Java's serializers do unless they
    /// implement copying; the library's types and `#[derive(Kryo)]`
    /// implement it.
    ///
    /// # Errors
    /// [`ErrorKind::Unsupported`]; errors of nested copies.
    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        let _ = kryo;
        Err(Error::new(ErrorKind::Unsupported(format!(
            "copying {}",
            Self::java_class()
        ))))
    }
}

/// A value whose Java class is known only at run time: an `Object` field,
/// the result of [`Kryo::read_class_and_object`].
///
/// Every [`KryoType`] that is `Clone` and `Debug` is an `Object`; recover the
/// concrete type with `downcast_ref` (on `dyn Object`) or [`downcast`].
pub trait Object: Any + std::fmt::Debug + Send + Sync {
    /// The Java class name of the value.
    fn class_name(&self) -> Cow<'static, str>;
    /// Writes the payload through the object-safe output.
    ///
    /// # Errors
    /// As [`KryoType::write`].
    fn write_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out) -> Result<()>;
    /// `Any` access for downcasting.
    fn as_any(&self) -> &dyn Any;
    /// `Any` access for downcasting by value.
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
    /// A boxed clone.
    fn clone_box(&self) -> Box<dyn Object>;
    /// Whether Kryo tracks references for the value's class.
    fn uses_references(&self) -> bool;
    /// See [`KryoType::identity`].
    fn identity(&self) -> Option<usize>;
    /// A deep copy, see [`KryoType::copy`].
    ///
    /// # Errors
    /// As [`KryoType::copy`].
    fn copy_dyn(&self, kryo: &mut Kryo) -> Result<Box<dyn Object>>;
    /// Kryo's `writeObject` (`writeObjectOrNull` when `or_null`) of this
    /// value with its class's serializer, no class descriptor: for
    /// serializers that wrote the class once before (see
    /// [`Kryo::write_class_of`]).
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    fn write_object_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out, or_null: bool) -> Result<()>;
    /// Kryo's `writeObjectOrNull(null)` for this value's class: the class
    /// serializer's own null form, or Kryo's `00` marker.
    ///
    /// # Errors
    /// Buffer errors.
    fn write_null_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out) -> Result<()>;
}

impl<T: KryoType + Clone + std::fmt::Debug + Send + Sync> Object for T {
    fn class_name(&self) -> Cow<'static, str> {
        KryoType::class_name(self)
    }
    fn write_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out) -> Result<()> {
        kryo.write_payload(out, self, false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
    fn clone_box(&self) -> Box<dyn Object> {
        Box::new(self.clone())
    }
    fn uses_references(&self) -> bool {
        KryoType::uses_references(self)
    }
    fn identity(&self) -> Option<usize> {
        KryoType::identity(self)
    }
    fn copy_dyn(&self, kryo: &mut Kryo) -> Result<Box<dyn Object>> {
        kryo.copy_nested(self)
            .map(|c| Box::new(c) as Box<dyn Object>)
    }
    fn write_object_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out, or_null: bool) -> Result<()> {
        if or_null {
            kryo.write_object_or_null(out, Some(self))
        } else {
            kryo.write_object(out, self)
        }
    }
    fn write_null_dyn(&self, kryo: &mut Kryo, out: &mut dyn Out) -> Result<()> {
        kryo.write_object_or_null::<Self, _>(out, None)
    }
}

impl dyn Object {
    /// The value as `T`, if it is one.
    ///
    /// ```
    /// use kryo5_core::Object;
    /// let o: Box<dyn Object> = Box::new(String::from("a"));
    /// assert_eq!(o.downcast_ref::<String>().map(String::as_str), Some("a"));
    /// ```
    #[must_use]
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.as_any().downcast_ref()
    }
}

impl Clone for Box<dyn Object> {
    fn clone(&self) -> Self {
        // `self.clone_box()` would pick the `Object` impl of the box itself
        // (a `Box<dyn Object>` is an `Object` too) and recurse forever.
        (**self).clone_box()
    }
}

/// Unboxes a dynamic value as `T`.
///
/// # Errors
/// The value (as `Box<dyn Any>`) when it holds another type.
///
/// ```
/// let o: Box<dyn kryo5_core::Object> = Box::new(5i32);
/// assert_eq!(kryo5_core::downcast::<i32>(o).ok(), Some(5));
/// ```
pub fn downcast<T: Any>(value: Box<dyn Object>) -> std::result::Result<T, Box<dyn Any>> {
    value.into_any().downcast::<T>().map(|v| *v)
}

/// The items of [`KryoType`] that make a wrapper (`Box<T>`, `Arc<T>`,
/// `Arc<Mutex<T>>`) the same Java object as `T`: class, finality,
/// references and null form.
macro_rules! same_java_object_as {
    ($t:ident) => {
        fn java_class() -> ::std::borrow::Cow<'static, str> {
            $t::java_class()
        }
        const FINAL: bool = $t::FINAL;
        const REFERENCES: bool = $t::REFERENCES;
        const NULL: Option<$crate::types::NullForm> = $t::NULL;
        const OTHER_CLASSES: &'static [&'static str] = $t::OTHER_CLASSES;
        fn null_form_in(kryo: &$crate::kryo::Kryo) -> Option<$crate::types::NullForm> {
            $t::null_form_in(kryo)
        }
    };
}
pub(crate) use same_java_object_as;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boxed_object_clones_its_value() {
        let o: Box<dyn Object> = Box::new(5i32);
        let c = o.clone();
        assert_eq!(c.downcast_ref::<i32>(), Some(&5));
        let nested: Option<Box<dyn Object>> = Some(Box::new(String::from("s")));
        let c = nested.clone().unwrap();
        assert_eq!(c.downcast_ref::<String>().map(String::as_str), Some("s"));
    }
}
