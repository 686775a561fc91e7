//! Kryo's `CollectionSerializer` layout (format spec 8.13), shared by every
//! collection class: [`write_collection`] and [`read_collection`].
//!
//! ```text
//! null                          00
//! empty                         01 header
//! element serializer known      vflag(anyNull, size+1) header elements      (elements can be null)
//!   (args and a final class)    uvarint(size+1) header elements             (they cannot)
//! otherwise, one class E        vflag(true, size+1) header class(E) [bool(anyNull)] elements
//!            all null           vflag(true, size+1) header 00
//!            mixed classes      vflag(false, size+1) header (class + element)*
//! ```
//!
//! The element serializer is known when the position declared the
//! collection's type arguments (`args`, format spec 9.4) and the element
//! class is final (`String`, the boxed primitives, final user classes): a
//! field declared `List<String>` writes no class per element, a raw `List`
//! or a top-level list does.
//!
//! Use these functions for your own classes that Kryo writes with
//! `CollectionSerializer` (any class extending `ArrayList`, `HashSet`, ...):
//!
//! ```
//! use std::borrow::Cow;
//! use kryo5_core::serializers::collection::{read_collection, write_collection, CollectionLayout};
//! use kryo5_core::{In, Kryo, KryoType, NullForm, Out, Result};
//! use kryo5_io::{Input, Output};
//!
//! /// `class Tags extends ArrayList<String>`.
//! #[derive(Clone, Debug, PartialEq)]
//! struct Tags(Vec<String>);
//!
//! impl KryoType for Tags {
//!     fn java_class() -> Cow<'static, str> { Cow::Borrowed("com.example.Tags") }
//!     const FINAL: bool = false;
//!     const NULL: Option<NullForm> = Some(NullForm::Zero);
//!     fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
//!         let layout = CollectionLayout::DEFAULT;
//!         write_collection(kryo, out, self.0.iter(), self.0.len(), args, layout, |_, _| Ok(()))
//!     }
//!     fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
//!         let read = read_collection(kryo, input, args, CollectionLayout::DEFAULT, |_, _| Ok(()))?;
//!         Ok(Tags(read.map(|((), v)| v).unwrap_or_default()))
//!     }
//! }
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<Tags>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &Tags(vec!["a".into(), "b".into()]))?;
//! // Same class String (03), no nulls (00): format spec 8.13.
//! assert_eq!(out.as_slice(), &[0x83, 0x03, 0x00, 0x82, b'a', 0x82, b'b']);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::any::{Any, TypeId};

use crate::error::{Error, ErrorKind, Result};
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, Object};

/// `CollectionSerializer`'s settings that change the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CollectionLayout {
    /// `elementsCanBeNull` (default true): false for collections that
    /// cannot hold `null` (Java 9's `List.of`, `Set.of`), which drops the
    /// null flag from the header and the null markers from elements.
    pub elements_can_be_null: bool,
}

impl CollectionLayout {
    /// The default: elements can be null.
    pub const DEFAULT: Self = CollectionLayout {
        elements_can_be_null: true,
    };
    /// `setElementsCanBeNull(false)`.
    pub const NO_NULLS: Self = CollectionLayout {
        elements_can_be_null: false,
    };
}

/// What [`read_collection`] and [`read_map`](super::map::read_map) return:
/// `None` for Java `null`, else the header and the elements in order.
pub type Read<H, E> = Option<(H, Vec<E>)>;

/// How many elements of a collection (or entries of a map) may take no
/// input bytes (all-null collections, fieldless objects): beyond this the
/// data is refused rather than filling memory from a few bytes of input.
pub const MAX_FREE_ELEMENTS: usize = 1 << 20;

/// The value as a dynamic object, if the element type is `Box<dyn Object>`.
pub(crate) fn as_object<V: Any>(value: &V) -> Option<&dyn Object> {
    (value as &dyn Any)
        .downcast_ref::<Box<dyn Object>>()
        .map(|b| &**b)
}

/// `a` as a `B`, when `A` and `B` are the same type.
pub(crate) fn cast<A: Any, B: Any>(a: A) -> Option<B> {
    (&mut Some(a) as &mut dyn Any)
        .downcast_mut::<Option<B>>()
        .and_then(Option::take)
}

/// Whether two class names are the same (static names compare by address
/// first: the usual case of one Rust type).
fn same_class(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// `size + 1` as Kryo's int.
pub(crate) fn size_plus_one(len: usize) -> Result<i32> {
    i32::try_from(len)
        .ok()
        .and_then(|n| n.checked_add(1))
        .ok_or_else(|| {
            Error::new(ErrorKind::InvalidArgument(format!(
                "{len} elements: Java collections hold at most 2^31 - 2"
            )))
        })
}

/// A `null` element where the layout does not allow one.
#[cold]
pub(crate) fn null_not_allowed() -> Error {
    Error::new(ErrorKind::InvalidArgument(
        "null element in a collection that cannot hold null".into(),
    ))
}

/// Writes a collection of `len` elements in Kryo's `CollectionSerializer`
/// layout (see the module documentation), with `header` (a sorted
/// collection's comparator) after the size. `args`: the position declared
/// the collection's type arguments; the elements receive it too.
///
/// # Errors
/// `null` elements when the layout forbids them; more than 2^31 - 2
/// elements; errors of the elements (traced with their index).
pub fn write_collection<'a, E, O>(
    kryo: &mut Kryo,
    out: &mut O,
    elements: impl Iterator<Item = &'a E> + Clone,
    len: usize,
    args: bool,
    layout: CollectionLayout,
    header: impl FnOnce(&mut Kryo, &mut O) -> Result<()>,
) -> Result<()>
where
    E: Element + 'a,
    O: Out + ?Sized,
{
    let size = size_plus_one(len)?;
    if len == 0 {
        out.write_byte(1)?;
        return header(kryo, out);
    }
    let can_be_null = layout.elements_can_be_null;
    if args && E::Value::FINAL {
        let any_null = can_be_null && elements.clone().any(|e| e.value().is_none());
        if can_be_null {
            out.write_var_int_flag(any_null, size, true)?;
        } else {
            out.write_var_int(size, true)?;
        }
        header(kryo, out)?;
        for (i, e) in elements.enumerate() {
            let r = match e.value() {
                _ if any_null => kryo.write_object_or_null_args(out, e.value(), args),
                Some(v) => kryo.write_object_args(out, v, args),
                None => Err(null_not_allowed()),
            };
            r.map_err(|err| err.in_element(i))?;
        }
        return Ok(());
    }
    // Unknown element serializer: one class for all elements, or a class
    // per element.
    let mut first: Option<&E::Value> = None;
    let mut has_null = false;
    for e in elements.clone() {
        match (e.value(), first) {
            (None, _) => has_null = true,
            (Some(v), None) => first = Some(v),
            (Some(v), Some(f)) => {
                if !same_class(&v.class_name(), &f.class_name()) {
                    out.write_var_int_flag(false, size, true)?;
                    header(kryo, out)?;
                    for (i, e) in elements.enumerate() {
                        kryo.write_class_and_object_args(out, e.value(), args)
                            .map_err(|err| err.in_element(i))?;
                    }
                    return Ok(());
                }
            }
        }
    }
    out.write_var_int_flag(true, size, true)?;
    header(kryo, out)?;
    let Some(sample) = first else {
        // All null: the null class, nothing more.
        return out.write_byte(0).map_err(Into::into);
    };
    kryo.write_class_of(out, sample)?;
    if can_be_null {
        out.write_boolean(has_null)?;
    } else if has_null {
        return Err(null_not_allowed());
    }
    for (i, e) in elements.enumerate() {
        write_in_class(kryo, out, e.value(), sample, has_null, args)
            .map_err(|err| err.in_element(i))?;
    }
    Ok(())
}

/// An element of the class written once before (`sample`'s class):
/// `writeObjectOrNull` if any element is null, else `writeObject`.
fn write_in_class<V: KryoType, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    value: Option<&V>,
    sample: &V,
    or_null: bool,
    args: bool,
) -> Result<()> {
    if let Some(class) = as_object(sample) {
        // `Object` elements: the serializer of the value's own class.
        return match value.and_then(as_object) {
            Some(v) => v.write_object_dyn(kryo, out.as_dyn(), or_null),
            None => class.write_null_dyn(kryo, out.as_dyn()),
        };
    }
    match value {
        _ if or_null => kryo.write_object_or_null_args(out, value, args),
        Some(v) => kryo.write_object_args(out, v, args),
        None => Err(null_not_allowed()),
    }
}

/// Counts elements that took no input, refusing more than
/// [`MAX_FREE_ELEMENTS`].
pub(crate) struct FreeElements(usize);

impl FreeElements {
    pub(crate) fn new() -> Self {
        FreeElements(0)
    }

    /// Records an element read from `before` to `after`.
    pub(crate) fn check(&mut self, before: u64, after: u64, at: u64) -> Result<()> {
        if before == after {
            self.add(1, at)?;
        }
        Ok(())
    }

    /// Records `n` elements that take no input.
    pub(crate) fn add(&mut self, n: usize, at: u64) -> Result<()> {
        self.0 += n;
        if self.0 > MAX_FREE_ELEMENTS {
            return Err(Error::new(ErrorKind::InvalidData(format!(
                "more than {MAX_FREE_ELEMENTS} elements that take no input bytes"
            )))
            .at(at));
        }
        Ok(())
    }
}

/// Reads a declared size (`size + 1`, 0 for null) read at `at`: `None` for
/// null.
pub(crate) fn declared_size(value: i32, at: u64) -> Result<Option<usize>> {
    match value {
        0 => Ok(None),
        v if v < 0 => Err(Error::new(ErrorKind::InvalidData(format!(
            "collection size {}",
            i64::from(v) - 1
        )))
        .at(at)),
        v => Ok(Some(v as usize - 1)),
    }
}

/// The most elements reserved before they arrive.
const MAX_RESERVE: usize = 4096;

/// A vector for `len` elements, reserving no more than the input can hold
/// and no more than [`MAX_RESERVE`] (format spec 12: a declared size is
/// not trusted, the vector grows as elements really arrive).
pub(crate) fn bounded_vec<'de, T, I: In<'de> + ?Sized>(len: usize, input: &I) -> Vec<T> {
    Vec::with_capacity(len.min(input.available()).min(MAX_RESERVE))
}

/// Reads a collection written by [`write_collection`] with the same `args`
/// and `layout`: `None` for Java `null`, else the header (read by
/// `header`) and the elements in order.
///
/// The vector is reserved for no more elements than the input has bytes
/// left; elements are read through Kryo's entry points (depth limit, class
/// checks).
///
/// # Errors
/// Truncated or malformed input; a negative size; elements of another
/// class than `E`'s; `null` where `E` cannot hold it; more than
/// [`MAX_FREE_ELEMENTS`] elements that take no input bytes.
pub fn read_collection<'de, E, I, H>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
    layout: CollectionLayout,
    header: impl FnOnce(&mut Kryo, &mut I) -> Result<H>,
) -> Result<Read<H, E>>
where
    E: Element,
    I: In<'de> + ?Sized,
{
    let at = input.total();
    let can_be_null = layout.elements_can_be_null;
    let known = args && E::Value::FINAL;
    let (flag, size) = if known && !can_be_null {
        (false, input.read_var_int(true)?)
    } else {
        (input.peek_var_int_flag()?, input.read_var_int_flag(true)?)
    };
    let Some(len) = declared_size(size, at)? else {
        return Ok(None);
    };
    let header = header(kryo, input)?;
    let mut items = bounded_vec(len, input);
    if len == 0 {
        return Ok(Some((header, items)));
    }
    if known {
        let or_null = can_be_null && flag;
        read_elements(kryo, input, len, &mut items, |k, i| {
            read_known(k, i, or_null, args)
        })?;
    } else if flag {
        let class_at = input.total();
        let Some(class) = kryo.read_class_ref(input)? else {
            // All null.
            FreeElements::new().add(len, at)?;
            for i in 0..len {
                items.push(E::from_value(None, class_at).map_err(|err| err.in_element(i))?);
            }
            return Ok(Some((header, items)));
        };
        let dynamic = TypeId::of::<E::Value>() == TypeId::of::<Box<dyn Object>>();
        if !dynamic && !kryo.is_class_of::<E::Value>(class) {
            return Err(Error::new(ErrorKind::WrongType {
                expected: E::Value::java_class().into_owned(),
                found: kryo.class_ref_name(class).to_owned(),
            })
            .at(class_at));
        }
        let or_null = can_be_null && input.read_boolean()?;
        read_elements(kryo, input, len, &mut items, |k, i| {
            if dynamic {
                let v = k.read_object_of_class(i, class, or_null)?;
                Ok(v.and_then(cast::<Box<dyn Object>, E::Value>))
            } else {
                read_known(k, i, or_null, args)
            }
        })?;
    } else {
        read_elements(kryo, input, len, &mut items, |k, i| {
            k.read_class_and_object_as_args(i, args)
        })?;
    }
    Ok(Some((header, items)))
}

/// `readObjectOrNull` (`or_null`) or `readObject` of `V`.
fn read_known<'de, V: KryoType, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    or_null: bool,
    args: bool,
) -> Result<Option<V>> {
    if or_null {
        kryo.read_object_or_null_args(input, args)
    } else {
        kryo.read_object_args(input, args).map(Some)
    }
}

/// Reads `len` elements with `one`, tracing errors with the index and
/// counting elements that take no input.
fn read_elements<'de, E: Element, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    len: usize,
    items: &mut Vec<E>,
    one: impl FnMut(&mut Kryo, &mut I) -> Result<Option<E::Value>>,
) -> Result<()> {
    read_each(kryo, input, len, items, E::from_value, one)
}

/// [`read_elements`] for any element type, made by `from` (a value read
/// at a byte offset, `None` for Java `null`).
pub(crate) fn read_each<'de, E, V, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    len: usize,
    items: &mut Vec<E>,
    from: fn(Option<V>, u64) -> Result<E>,
    mut one: impl FnMut(&mut Kryo, &mut I) -> Result<Option<V>>,
) -> Result<()> {
    let mut free = FreeElements::new();
    for i in 0..len {
        let start = input.total();
        let e = one(kryo, input)
            .and_then(|v| from(v, start))
            .map_err(|err| err.in_element(i))?;
        free.check(start, input.total(), start)?;
        items.push(e);
    }
    Ok(())
}

/// Deep copies of `elements` (Kryo's `CollectionSerializer.copy`).
///
/// # Errors
/// Errors of the elements' copies, traced with their index.
pub fn copy_elements<'a, E: Element + 'a>(
    kryo: &mut Kryo,
    elements: impl Iterator<Item = &'a E>,
) -> Result<Vec<E>> {
    elements
        .enumerate()
        .map(|(i, e)| e.copy_element(kryo).map_err(|err| err.in_element(i)))
        .collect()
}

/// The bytes `kryo.write_object` gives for `v` (for the serializers' unit
/// tests).
#[cfg(test)]
pub(crate) fn written<T: KryoType>(kryo: &mut Kryo, v: &T) -> Vec<u8> {
    let mut out = kryo5_io::Output::new();
    kryo.write_object(&mut out, v).unwrap();
    out.into_vec()
}
