//! Kryo's `MapSerializer` layout (format spec 8.15), shared by every map
//! class ([`write_map`], [`read_map`]), and [`LinkedHashMap`].
//!
//! ```text
//! null      00
//! empty     01 header
//! entries   uvarint(size+1) header (key value)*
//!   key:    serializer known (args, final class) ? writeObjectOrNull (writeObject if keys cannot be null)
//!                                                : writeClassAndObject
//!   value:  likewise
//! ```
//!
//! Unlike collections the size carries no flag. Keys and values receive the
//! map's `args` (a field declared `Map<String, List<Integer>>` passes
//! `List<Integer>` on to its values).
//!
//! ```
//! use kryo5_core::serializers::map::LinkedHashMap;
//! use kryo5_core::{Kryo, Object};
//! use kryo5_io::Output;
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<LinkedHashMap<Option<i32>, Box<dyn Object>>>();
//! let map: LinkedHashMap<Option<i32>, Box<dyn Object>> =
//!     LinkedHashMap(vec![(Some(1), Box::new("x".to_string())), (None, Box::new(2.0f64))]);
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &map)?;
//! // Format spec 8.15: 2 entries; Integer 1, String "x"; null, Double 2.0.
//! assert_eq!(
//!     out.as_slice(),
//!     &[0x03, 0x02, 0x02, 0x03, 0x82, b'x', 0x00, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0x40]
//! );
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};

use crate::error::Result;
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::collection::{
    FreeElements, Read, bounded_vec, declared_size, null_not_allowed, size_plus_one,
};
use crate::serializers::java_hash::JavaHash;
use crate::types::{KryoType, NullForm};

/// `MapSerializer`'s settings that change the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapLayout {
    /// `keysCanBeNull` (default true).
    pub keys_can_be_null: bool,
    /// `valuesCanBeNull` (default true).
    pub values_can_be_null: bool,
}

impl MapLayout {
    /// The default: keys and values can be null.
    pub const DEFAULT: Self = MapLayout {
        keys_can_be_null: true,
        values_can_be_null: true,
    };
    /// Neither can (Java 9's `Map.of`).
    pub const NO_NULLS: Self = MapLayout {
        keys_can_be_null: false,
        values_can_be_null: false,
    };
}

/// Writes a key or a value.
fn write_one<T: Element, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    v: &T,
    args: bool,
    can_be_null: bool,
) -> Result<()> {
    if !(args && T::Value::FINAL) {
        return kryo.write_class_and_object_args(out, v.value(), args);
    }
    match v.value() {
        _ if can_be_null => kryo.write_object_or_null_args(out, v.value(), args),
        Some(v) => kryo.write_object_args(out, v, args),
        None => Err(null_not_allowed()),
    }
}

/// Reads a key or a value written by [`write_one`].
fn read_one<'de, T: Element, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
    can_be_null: bool,
) -> Result<T> {
    let at = input.total();
    let v = if !(args && T::Value::FINAL) {
        kryo.read_class_and_object_as_args(input, args)?
    } else if can_be_null {
        kryo.read_object_or_null_args(input, args)?
    } else {
        Some(kryo.read_object_args(input, args)?)
    };
    T::from_value(v, at)
}

/// Writes a map of `len` entries in Kryo's `MapSerializer` layout (see the
/// module documentation), with `header` (a sorted map's comparator) after
/// the size.
///
/// # Errors
/// `null` keys or values where the layout forbids them; more than 2^31 - 2
/// entries; errors of keys and values (traced with the entry's index).
pub fn write_map<'a, K, V, O>(
    kryo: &mut Kryo,
    out: &mut O,
    entries: impl Iterator<Item = (&'a K, &'a V)>,
    len: usize,
    args: bool,
    layout: MapLayout,
    header: impl FnOnce(&mut Kryo, &mut O) -> Result<()>,
) -> Result<()>
where
    K: Element + 'a,
    V: Element + 'a,
    O: Out + ?Sized,
{
    out.write_var_int(size_plus_one(len)?, true)?;
    header(kryo, out)?;
    for (i, (k, v)) in entries.enumerate() {
        write_one(kryo, out, k, args, layout.keys_can_be_null)
            .and_then(|()| write_one(kryo, out, v, args, layout.values_can_be_null))
            .map_err(|e| e.in_element(i))?;
    }
    Ok(())
}

/// Reads a map written by [`write_map`] with the same `args` and `layout`:
/// `None` for Java `null`, else the header and the entries in order.
///
/// # Errors
/// Truncated or malformed input; a negative size; keys or values of
/// another class; `null` where the Rust type cannot hold it; more than
/// [`MAX_FREE_ELEMENTS`](super::collection::MAX_FREE_ELEMENTS) entries that
/// take no input.
pub fn read_map<'de, K, V, I, H>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
    layout: MapLayout,
    header: impl FnOnce(&mut Kryo, &mut I) -> Result<H>,
) -> Result<Read<H, (K, V)>>
where
    K: Element,
    V: Element,
    I: In<'de> + ?Sized,
{
    let at = input.total();
    let Some(len) = declared_size(input.read_var_int(true)?, at)? else {
        return Ok(None);
    };
    let header = header(kryo, input)?;
    let mut entries = bounded_vec(len, input);
    let mut free = FreeElements::new();
    for i in 0..len {
        let start = input.total();
        let entry = read_one(kryo, input, args, layout.keys_can_be_null)
            .and_then(|k| Ok((k, read_one(kryo, input, args, layout.values_can_be_null)?)))
            .map_err(|e| e.in_element(i))?;
        free.check(start, input.total(), start)?;
        entries.push(entry);
    }
    Ok(Some((header, entries)))
}

/// Deep copies of map entries.
///
/// # Errors
/// Errors of the copies, traced with the entry's index.
pub fn copy_entries<'a, K: Element + 'a, V: Element + 'a>(
    kryo: &mut Kryo,
    entries: impl Iterator<Item = (&'a K, &'a V)>,
) -> Result<Vec<(K, V)>> {
    entries
        .enumerate()
        .map(|(i, (k, v))| {
            Ok((k.copy_element(kryo)?, v.copy_element(kryo)?))
                .map_err(|e: crate::Error| e.in_element(i))
        })
        .collect()
}

/// Reads a plain map (no header): `None` for Java `null`.
pub(crate) fn read_plain_map<'de, K: Element, V: Element, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
    layout: MapLayout,
) -> Result<Option<Vec<(K, V)>>> {
    Ok(read_map(kryo, input, args, layout, |_, _| Ok(()))?.map(|((), v)| v))
}

/// `AbstractMap.hashCode`: the sum over entries of `key hash ^ value hash`.
pub(crate) fn map_hash<'a, K: JavaHash + 'a, V: JavaHash + 'a>(
    mut entries: impl Iterator<Item = (&'a K, &'a V)>,
) -> Option<i32> {
    entries.try_fold(0i32, |h, (k, v)| {
        Some(h.wrapping_add(k.java_hash()? ^ v.java_hash()?))
    })
}

/// A Java map class written with `MapSerializer` in the order of its `Vec`:
/// `$class` (or `$small` for one entry), also reading `$other` classes.
macro_rules! map_type {
    (
        $(#[$doc:meta])* $name:ident, $class:expr, $layout:expr
        $(, small = $small:expr, other = [$($other:expr),*])?
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name<K, V>(pub Vec<(K, V)>);

        $crate::serializers::list::vec_newtype!($name [K, V] (K, V));

        impl<K: Element + 'static, V: Element + 'static> KryoType for $name<K, V> {
            $crate::serializers::list::collection_class!($class, |kryo, input, args| {
                Ok($crate::serializers::map::read_plain_map(kryo, input, args, $layout)?.map($name))
            });
            $(
                const OTHER_CLASSES: &'static [&'static str] = &[$($other),*];

                fn class_name(&self) -> Cow<'static, str> {
                    Cow::Borrowed(if self.0.len() == 1 { $small } else { $class })
                }
            )?

            fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
                let entries = self.0.iter().map(|(k, v)| (k, v));
                write_map(kryo, out, entries, self.0.len(), args, $layout, |_, _| Ok(()))
            }

            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                copy_entries(kryo, self.0.iter().map(|(k, v)| (k, v))).map($name)
            }
        }

        impl<K: JavaHash, V: JavaHash> JavaHash for $name<K, V> {
            fn java_hash(&self) -> Option<i32> {
                $crate::serializers::map::map_hash(self.0.iter().map(|(k, v)| (k, v)))
            }
        }
    };
}
pub(crate) use map_type;

map_type!(
    /// `java.util.LinkedHashMap`: entries in insertion order, the order of
    /// the `Vec` (keys are expected to be distinct; Java keeps the last
    /// value of equal keys when it reads them).
    ///
    /// Keys and values: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for any class.
    ///
    /// ```
    /// use kryo5_core::serializers::map::LinkedHashMap;
    /// let mut map = LinkedHashMap::default();
    /// map.insert("b".to_string(), 1);
    /// map.insert("a".to_string(), 2);
    /// assert_eq!(map.insert("b".to_string(), 3), Some(1));
    /// assert_eq!(map.get(&"b".to_string()), Some(&3));
    /// assert_eq!(map[0].0, "b"); // insertion order
    /// ```
    LinkedHashMap, "java.util.LinkedHashMap", MapLayout::DEFAULT
);

impl<K: PartialEq, V> LinkedHashMap<K, V> {
    /// Java's `put`: replaces the value of an equal key (keeping its
    /// place), else appends. Linear in the map's size.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    /// The value of `key`. Linear in the map's size.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::{Input, Output};

    #[test]
    fn generic_map_field_layout() {
        // A field declared Map<String, Integer> holding {x=1} (spec 8.15).
        let mut kryo = crate::serializers::value::testing::lenient();
        let map = LinkedHashMap(vec![("x".to_string(), 1i32)]);
        let mut out = Output::new();
        kryo.write_object_args(&mut out, &map, true).unwrap();
        assert_eq!(out.as_slice(), [0x02, 0x82, 0x78, 0x01, 0x02]);
        let back: LinkedHashMap<String, i32> = kryo
            .read_object_args(&mut Input::new(out.as_slice()), true)
            .unwrap();
        assert_eq!(back, map);
        // Map<String, Integer> {null=null} (spec 9.6 G2.m).
        let map: LinkedHashMap<Option<String>, Option<i32>> = LinkedHashMap(vec![(None, None)]);
        let mut out = Output::new();
        kryo.write_object_args(&mut out, &map, true).unwrap();
        assert_eq!(out.as_slice(), [0x02, 0x80, 0x00]);
    }

    #[test]
    fn truncation_never_panics() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let map = LinkedHashMap(vec![("key".to_string(), 2i32), ("k2".to_string(), 300)]);
        let mut out = Output::new();
        kryo.write_object(&mut out, &map).unwrap();
        let bytes = out.into_vec();
        for end in 0..bytes.len() {
            assert!(
                kryo.read_object::<LinkedHashMap<String, i32>, _>(&mut Input::new(&bytes[..end]))
                    .is_err()
            );
        }
    }
}
