//! Java collections whose order is their own (lists, deques, insertion
//! ordered sets), each a newtype over a `Vec` written in its order with
//! Kryo's `CollectionSerializer` (format spec 8.13).
//!
//! | Java class | Rust |
//! |---|---|
//! | `java.util.ArrayList` | [`ArrayList<T>`] |
//! | `java.util.LinkedList` | [`LinkedList<T>`] |
//! | `java.util.ArrayDeque` | [`ArrayDeque<T>`] |
//! | `java.util.Vector` | [`Vector<T>`] |
//! | `java.util.concurrent.CopyOnWriteArrayList` | [`CopyOnWriteArrayList<T>`] |
//! | `java.util.Arrays$ArrayList` (`Arrays.asList`) | [`ArraysAsList<T>`] |
//! | `java.util.LinkedHashSet` | [`LinkedHashSet<T>`] |
//!
//! The element type says what an element may be: `T` (never Java `null`),
//! `Option<T>` (may be `null`), `Box<dyn Object>` for `List<Object>`.
//!
//! ```
//! use kryo5_core::serializers::list::ArrayList;
//! use kryo5_core::Kryo;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<ArrayList<Option<String>>>();
//! let list = ArrayList(vec![Some("a".to_string()), None]);
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &list)?;
//! // Format spec 8.13: one class (String), has null, "a", null.
//! assert_eq!(out.as_slice(), &[0x83, 0x03, 0x01, 0x82, b'a', 0x80]);
//! let back: ArrayList<Option<String>> = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back, list);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};

use crate::error::{Error, ErrorKind, Result};
use crate::field::{Element, Field};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::collection::{
    CollectionLayout, copy_elements, read_collection, write_collection,
};
use crate::serializers::java_hash::{JavaHash, hash_all};
use crate::types::{KryoType, NullForm};

/// A Java `null` read where the Rust type cannot hold it.
#[cold]
pub(crate) fn null_collection(class: &'static str, at: u64) -> Error {
    Error::new(ErrorKind::UnexpectedNull(class)).at(at)
}

/// Reads a plain collection (no header): `None` for Java `null`.
pub(crate) fn read_plain<'de, E: Element, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
    layout: CollectionLayout,
) -> Result<Option<Vec<E>>> {
    Ok(read_collection(kryo, input, args, layout, |_, _| Ok(()))?.map(|((), v)| v))
}

/// Writes a `Vec` field declared `java.util.List` (or `ArrayList`) as a
/// `java.util.ArrayList`, without copying it: what `#[kryo(list)]` on a
/// `Vec<T>` field generates. `f` is the field's description
/// ([`Field::args`]: the declaration gave the element type). Read such a
/// field as an [`ArrayList<T>`] and take its `Vec`.
///
/// ```
/// use kryo5_core::field::Field;
/// use kryo5_core::serializers::list::{write_vec_field, ArrayList};
/// use kryo5_io::{Input, Output};
///
/// let mut kryo = kryo5_core::Kryo::new();
/// kryo.register::<ArrayList<String>>(); // id 9
/// let tags = vec!["a".to_string()];
/// let mut out = Output::new();
/// write_vec_field(&mut kryo, &mut out, Some(&tags[..]), Field::new(false, true, true))?;
/// // ArrayList (9), one element, String known from List<String>: no class.
/// assert_eq!(out.as_slice(), &[0x0b, 0x02, 0x82, b'a']);
/// let back: ArrayList<String> = kryo.read_class_and_object_as_args(&mut Input::new(out.as_slice()), true)?.unwrap();
/// assert_eq!(back.0, tags);
/// # Ok::<(), kryo5_core::Error>(())
/// ```
///
/// # Errors
/// As [`Kryo::write_class_and_object`].
pub fn write_vec_field<E: Element + 'static, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    items: Option<&[E]>,
    f: Field,
) -> Result<()> {
    let args = f.args && kryo.optimized_generics();
    let Some(items) = items else {
        return kryo.write_class_and_object_args::<ArrayList<E>, O>(out, None, args);
    };
    kryo.write_class_and_payload::<ArrayList<E>, O>(out, |k, o| {
        let layout = CollectionLayout::DEFAULT;
        write_collection(k, o, items.iter(), items.len(), args, layout, |_, _| Ok(()))
    })
}

/// `AbstractList.hashCode`: [`hash_all`] over the elements.
pub(crate) fn list_hash<'a, T: JavaHash + 'a>(items: impl Iterator<Item = &'a T>) -> Option<i32> {
    items
        .map(JavaHash::java_hash)
        .collect::<Option<Vec<_>>>()
        .map(hash_all)
}

/// `AbstractSet.hashCode`: the sum of the element hashes.
pub(crate) fn set_hash<'a, T: JavaHash + 'a>(
    mut items: impl Iterator<Item = &'a T>,
) -> Option<i32> {
    items.try_fold(0i32, |h, e| Some(h.wrapping_add(e.java_hash()?)))
}

/// The standard traits of a newtype over `Vec<$item>` (`$item` is `T`, or
/// `(K, V)` for maps): `Deref`/`DerefMut` to the `Vec`, `Default`, `From`
/// both ways, `FromIterator`, `Extend`, `IntoIterator`.
macro_rules! vec_newtype {
    ($name:ident [$($g:ident),*] $item:ty) => {
        impl<$($g),*> Deref for $name<$($g),*> {
            type Target = Vec<$item>;
            fn deref(&self) -> &Vec<$item> {
                &self.0
            }
        }

        impl<$($g),*> DerefMut for $name<$($g),*> {
            fn deref_mut(&mut self) -> &mut Vec<$item> {
                &mut self.0
            }
        }

        impl<$($g),*> Default for $name<$($g),*> {
            fn default() -> Self {
                $name(Vec::new())
            }
        }

        impl<$($g),*> From<Vec<$item>> for $name<$($g),*> {
            fn from(v: Vec<$item>) -> Self {
                $name(v)
            }
        }

        impl<$($g),*> From<$name<$($g),*>> for Vec<$item> {
            fn from(v: $name<$($g),*>) -> Self {
                v.0
            }
        }

        impl<$($g),*> FromIterator<$item> for $name<$($g),*> {
            fn from_iter<It: IntoIterator<Item = $item>>(iter: It) -> Self {
                $name(iter.into_iter().collect())
            }
        }

        impl<$($g),*> Extend<$item> for $name<$($g),*> {
            fn extend<It: IntoIterator<Item = $item>>(&mut self, iter: It) {
                self.0.extend(iter);
            }
        }

        impl<$($g),*> IntoIterator for $name<$($g),*> {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;
            fn into_iter(self) -> Self::IntoIter {
                self.0.into_iter()
            }
        }

        impl<'a, $($g),*> IntoIterator for &'a $name<$($g),*> {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;
            fn into_iter(self) -> Self::IntoIter {
                self.0.iter()
            }
        }
    };
}
pub(crate) use vec_newtype;

/// The `KryoType` items every collection and map class shares: its Java
/// class (not final), the serializer's own null (`00`), and `read` /
/// `read_nullable` from one expression reading `Option<Self>`.
macro_rules! collection_class {
    ($class:expr, |$kryo:ident, $input:ident, $args:ident| $read:expr) => {
        fn java_class() -> Cow<'static, str> {
            Cow::Borrowed($class)
        }
        const FINAL: bool = false;
        const NULL: Option<NullForm> = Some(NullForm::Zero);

        fn read<'de, I: In<'de> + ?Sized>(
            kryo: &mut Kryo,
            input: &mut I,
            args: bool,
        ) -> Result<Self> {
            let at = input.total();
            Self::read_nullable(kryo, input, args)?
                .ok_or_else(|| $crate::serializers::list::null_collection($class, at))
        }

        fn read_nullable<'de, I: In<'de> + ?Sized>(
            $kryo: &mut Kryo,
            $input: &mut I,
            $args: bool,
        ) -> Result<Option<Self>> {
            $read
        }
    };
}
pub(crate) use collection_class;

/// A Java collection class written with `CollectionSerializer` in the
/// order of its `Vec`: `$class` (or `$small` for one or two elements),
/// also reading `$other` classes.
macro_rules! collection_type {
    (
        $(#[$doc:meta])* $name:ident, $class:expr, $layout:expr, $hash:ident
        $(, small = $small:expr, other = [$($other:expr),*])?
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name<T>(pub Vec<T>);

        $crate::serializers::list::vec_newtype!($name [T] T);

        impl<T: Element + 'static> KryoType for $name<T> {
            $crate::serializers::list::collection_class!($class, |kryo, input, args| {
                Ok($crate::serializers::list::read_plain(kryo, input, args, $layout)?.map($name))
            });
            $(
                const OTHER_CLASSES: &'static [&'static str] = &[$($other),*];

                fn class_name(&self) -> Cow<'static, str> {
                    Cow::Borrowed(if matches!(self.0.len(), 1 | 2) { $small } else { $class })
                }
            )?

            fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
                write_collection(kryo, out, self.0.iter(), self.0.len(), args, $layout, |_, _| Ok(()))
            }

            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                copy_elements(kryo, self.0.iter()).map($name)
            }
        }

        impl<T: JavaHash> JavaHash for $name<T> {
            fn java_hash(&self) -> Option<i32> {
                $crate::serializers::list::$hash(self.0.iter())
            }
        }
    };
}
pub(crate) use collection_type;

collection_type!(
    /// `java.util.ArrayList`.
    ///
    /// ```
    /// use kryo5_core::serializers::list::ArrayList;
    /// let list: ArrayList<i32> = (1..=3).collect();
    /// assert_eq!(list.len(), 3);
    /// assert_eq!(Vec::from(list), [1, 2, 3]);
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    ArrayList, "java.util.ArrayList", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.LinkedList`.
    ///
    /// ```
    /// let list = kryo5_core::serializers::list::LinkedList(vec![1, 2]);
    /// assert_eq!(list[1], 2);
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    LinkedList, "java.util.LinkedList", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.ArrayDeque`, head first (Java's deque cannot hold
    /// `null`).
    ///
    /// ```
    /// let deque = kryo5_core::serializers::list::ArrayDeque(vec!["head".to_string()]);
    /// assert_eq!(deque.first().map(String::as_str), Some("head"));
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    ArrayDeque, "java.util.ArrayDeque", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.Vector`.
    ///
    /// ```
    /// let v = kryo5_core::serializers::list::Vector(vec![1.5f64]);
    /// assert_eq!(v.len(), 1);
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    Vector, "java.util.Vector", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.concurrent.CopyOnWriteArrayList`.
    ///
    /// ```
    /// let v = kryo5_core::serializers::list::CopyOnWriteArrayList(vec![1i64]);
    /// assert_eq!(v[0], 1);
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    CopyOnWriteArrayList, "java.util.concurrent.CopyOnWriteArrayList", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.Arrays$ArrayList`, what `Arrays.asList` returns (Kryo
    /// reads it back as a fixed-size list).
    ///
    /// ```
    /// let v = kryo5_core::serializers::list::ArraysAsList(vec!["a".to_string(), "b".to_string()]);
    /// assert_eq!(v.len(), 2);
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    ArraysAsList, "java.util.Arrays$ArrayList", CollectionLayout::DEFAULT, list_hash
);
collection_type!(
    /// `java.util.LinkedHashSet`: a set iterated in insertion order, which
    /// is the order of the `Vec` (elements are expected to be distinct;
    /// Java keeps the first of equal ones when it reads them).
    ///
    /// ```
    /// let set = kryo5_core::serializers::list::LinkedHashSet(vec!["b".to_string(), "a".to_string()]);
    /// assert_eq!(set[0], "b");
    /// ```
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for elements of any class.
    LinkedHashSet, "java.util.LinkedHashSet", CollectionLayout::DEFAULT, set_hash
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Object;
    use kryo5_io::{Input, Output};

    use crate::serializers::collection::written as bytes;

    #[test]
    fn spec_vectors_without_generics() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let s = |v: &str| v.to_string();
        assert_eq!(bytes(&mut kryo, &ArrayList::<String>(vec![])), [0x01]);
        assert_eq!(
            bytes(&mut kryo, &ArrayList(vec![s("a"), s("b")])),
            [0x83, 0x03, 0x00, 0x82, 0x61, 0x82, 0x62]
        );
        assert_eq!(
            bytes(&mut kryo, &ArrayList::<Option<String>>(vec![None, None])),
            [0x83, 0x00]
        );
        let mixed: ArrayList<Box<dyn Object>> = ArrayList(vec![Box::new(1i32), Box::new(s("a"))]);
        assert_eq!(
            bytes(&mut kryo, &mixed),
            [0x03, 0x02, 0x02, 0x03, 0x82, 0x61]
        );
        let with_null: ArrayList<Option<Box<dyn Object>>> =
            ArrayList(vec![Some(Box::new(1i32)), None, Some(Box::new(s("a")))]);
        assert_eq!(
            bytes(&mut kryo, &with_null),
            [0x04, 0x02, 0x02, 0x00, 0x03, 0x82, 0x61]
        );
        assert_eq!(
            bytes(&mut kryo, &LinkedList(vec![1, 2])),
            [0x83, 0x02, 0x00, 0x02, 0x04]
        );
        let back: ArrayList<Option<Box<dyn Object>>> = kryo
            .read_object(&mut Input::new(&[0x04, 0x02, 0x02, 0x00, 0x03, 0x82, 0x61]))
            .unwrap();
        assert_eq!(
            back[0].as_ref().and_then(|o| o.downcast_ref::<i32>()),
            Some(&1)
        );
        assert!(back[1].is_none());
    }

    #[test]
    fn object_elements_of_one_class_use_their_null_form() {
        // ArrayList<Object>["a", null]: String elements need no marker.
        let mut kryo = crate::serializers::value::testing::lenient();
        let list: ArrayList<Option<Box<dyn Object>>> =
            ArrayList(vec![Some(Box::new("a".to_string())), None]);
        let b = bytes(&mut kryo, &list);
        assert_eq!(b, [0x83, 0x03, 0x01, 0x82, 0x61, 0x80]);
        let back: ArrayList<Option<Box<dyn Object>>> =
            kryo.read_object(&mut Input::new(&b)).unwrap();
        assert_eq!(
            back[0]
                .as_ref()
                .and_then(|o| o.downcast_ref::<String>())
                .map(String::as_str),
            Some("a")
        );
        assert!(back[1].is_none());
        // Integers get 00/01 markers.
        let ints: ArrayList<Option<Box<dyn Object>>> = ArrayList(vec![Some(Box::new(5i32)), None]);
        assert_eq!(
            bytes(&mut kryo, &ints),
            [0x83, 0x02, 0x01, 0x01, 0x0a, 0x00]
        );
    }

    #[test]
    fn generics_known_element_class() {
        // A field declared List<String> holding ["a","b"]: no element class.
        let mut kryo = crate::serializers::value::testing::lenient();
        let list = ArrayList(vec!["a".to_string(), "b".to_string()]);
        let mut out = Output::new();
        kryo.write_object_args(&mut out, &list, true).unwrap();
        assert_eq!(out.as_slice(), [0x03, 0x82, 0x61, 0x82, 0x62]);
        let back: ArrayList<String> = kryo
            .read_object_args(&mut Input::new(out.as_slice()), true)
            .unwrap();
        assert_eq!(back, list);
        // With a null: vflag(true, 3), String's own null form.
        let list = ArrayList(vec![Some("a".to_string()), None]);
        let mut out = Output::new();
        kryo.write_object_args(&mut out, &list, true).unwrap();
        assert_eq!(out.as_slice(), [0x83, 0x82, 0x61, 0x80]);
    }

    #[test]
    fn nulls_where_rust_cannot_hold_them_are_errors() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let err = kryo
            .read_object::<ArrayList<String>, _>(&mut Input::new(&[
                0x83, 0x03, 0x01, 0x82, 0x61, 0x80,
            ]))
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnexpectedNull(_)), "{err}");
        assert_eq!(err.trace().collect::<Vec<_>>(), ["[1]"]);
        let err = kryo
            .read_object::<ArrayList<i32>, _>(&mut Input::new(&[0x00]))
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnexpectedNull(_)), "{err}");
    }

    #[test]
    fn huge_declared_sizes_fail_without_allocating() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let header = |flag: bool, size: i32, rest: &[u8]| {
            let mut out = Output::new();
            out.write_var_int_flag(flag, size, true).unwrap();
            out.write_bytes(rest).unwrap();
            out.into_vec()
        };
        // 2^31 - 2 Integers declared, one present.
        let b = header(true, i32::MAX, &[0x02, 0x00, 0x02]);
        let r = kryo.read_object::<ArrayList<i32>, _>(&mut Input::new(&b));
        assert!(matches!(r.unwrap_err().kind(), ErrorKind::Buffer(_)));
        // 2^31 - 2 nulls declared in six bytes: refused.
        let b = header(true, i32::MAX, &[0x00]);
        let r = kryo.read_object::<ArrayList<Option<i32>>, _>(&mut Input::new(&b));
        assert!(matches!(r.unwrap_err().kind(), ErrorKind::InvalidData(_)));
        // A negative size.
        let b = header(false, -5, &[]);
        let r = kryo.read_object::<ArrayList<i32>, _>(&mut Input::new(&b));
        assert!(matches!(r.unwrap_err().kind(), ErrorKind::InvalidData(_)));
    }
}
