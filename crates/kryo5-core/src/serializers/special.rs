//! `java.util.Collections`' empty and singleton collections (format spec
//! 8.16). Their serializers do not accept `null` (a field of these types
//! gets Kryo's `00`/`01` marker) and pass no generic information on.
//!
//! | Java | Rust | payload |
//! |---|---|---|
//! | `Collections.emptyList()` (`Collections$EmptyList`) | [`EmptyList`] | nothing |
//! | `Collections.emptySet()` | [`EmptySet`] | nothing |
//! | `Collections.emptyMap()` | [`EmptyMap`] | nothing |
//! | `Collections.singletonList(x)` | [`SingletonList<T>`] | `writeClassAndObject(x)` |
//! | `Collections.singleton(x)` | [`SingletonSet<T>`] | `writeClassAndObject(x)` |
//! | `Collections.singletonMap(k, v)` | [`SingletonMap<K, V>`] | `writeClassAndObject(k)` `writeClassAndObject(v)` |
//!
//! `Arrays.asList` is [`ArraysAsList`](super::list::ArraysAsList). The
//! `Collections.unmodifiable*` and `synchronized*` wrappers have no
//! serializer of their own in Kryo 5.6 and Java cannot read them back, so
//! kryo5 does not map them.
//!
//! ```
//! use kryo5_core::serializers::special::{SingletonMap, SingletonList};
//! use kryo5_core::Kryo;
//! use kryo5_io::Output;
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<SingletonList<String>>();
//! kryo.register::<SingletonMap<String, i32>>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &SingletonList("a".to_string()))?;
//! kryo.write_object(&mut out, &SingletonMap { key: "k".to_string(), value: 1i32 })?;
//! assert_eq!(out.as_slice(), &[0x03, 0x82, b'a', 0x03, 0x82, b'k', 0x02, 0x02]);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use crate::error::Result;
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::java_hash::{JavaHash, hash_all};
use crate::types::{KryoType, Shared};

/// Writes `value` with its class (no generic information).
fn write_any<T: Element, O: Out + ?Sized>(kryo: &mut Kryo, out: &mut O, value: &T) -> Result<()> {
    kryo.write_class_and_object(out, value.value())
}

/// Reads a value written by [`write_any`].
fn read_any<'de, T: Element, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I) -> Result<T> {
    let at = input.total();
    T::from_value(kryo.read_class_and_object_as(input)?, at)
}

/// An empty collection class: no payload.
macro_rules! empty {
    ($(#[$doc:meta])* $name:ident, $class:literal, $hash:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;

        impl KryoType for $name {
            fn java_class() -> Cow<'static, str> {
                Cow::Borrowed($class)
            }
            const FINAL: bool = false;
            const IMMUTABLE: bool = true;
            fn write<O: Out + ?Sized>(&self, _: &mut Kryo, _: &mut O, _: bool) -> Result<()> {
                Ok(())
            }
            fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, _: &mut I, _: bool) -> Result<Self> {
                Ok($name)
            }
            fn share(&self) -> Option<Shared> {
                Some(Arc::new(*self))
            }
            fn from_shared(_: &Shared) -> Result<Self> {
                Ok($name)
            }
            fn copy(&self, _: &mut Kryo) -> Result<Self> {
                Ok(*self)
            }
        }

        impl JavaHash for $name {
            fn java_hash(&self) -> Option<i32> {
                Some($hash)
            }
        }
    };
}

empty!(
    /// `Collections.emptyList()`.
    ///
    /// ```
    /// use kryo5_core::serializers::java_hash::JavaHash;
    /// assert_eq!(kryo5_core::serializers::special::EmptyList.java_hash(), Some(1));
    /// ```
    EmptyList, "java.util.Collections$EmptyList", 1
);
empty!(
    /// `Collections.emptySet()`.
    ///
    /// ```
    /// let _ = kryo5_core::serializers::special::EmptySet;
    /// ```
    EmptySet, "java.util.Collections$EmptySet", 0
);
empty!(
    /// `Collections.emptyMap()`.
    ///
    /// ```
    /// let _ = kryo5_core::serializers::special::EmptyMap;
    /// ```
    EmptyMap, "java.util.Collections$EmptyMap", 0
);

/// A singleton collection class holding one element.
macro_rules! singleton {
    ($(#[$doc:meta])* $name:ident, $class:literal, |$v:ident| $hash:expr) => {
        $(#[$doc])*
        ///
        /// The element: `T`, `Option<T>` for `null`, or `Box<dyn Object>`.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name<T>(pub T);

        impl<T: Element + 'static> KryoType for $name<T> {
            fn java_class() -> Cow<'static, str> {
                Cow::Borrowed($class)
            }
            const FINAL: bool = false;
            fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
                write_any(kryo, out, &self.0)
            }
            fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
                read_any(kryo, input).map($name)
            }
            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                self.0.copy_element(kryo).map($name)
            }
        }

        impl<T: JavaHash> JavaHash for $name<T> {
            fn java_hash(&self) -> Option<i32> {
                let $v = self.0.java_hash()?;
                Some($hash)
            }
        }
    };
}

singleton!(
    /// `Collections.singletonList(x)`.
    ///
    /// ```
    /// let list = kryo5_core::serializers::special::SingletonList(Some(1i32));
    /// assert_eq!(list.0, Some(1));
    /// ```
    SingletonList, "java.util.Collections$SingletonList", |h| hash_all([h])
);
singleton!(
    /// `Collections.singleton(x)`.
    ///
    /// ```
    /// let set = kryo5_core::serializers::special::SingletonSet(1i32);
    /// assert_eq!(set.0, 1);
    /// ```
    SingletonSet, "java.util.Collections$SingletonSet", |h| h
);

/// `Collections.singletonMap(k, v)`.
///
/// ```
/// let map = kryo5_core::serializers::special::SingletonMap { key: "k".to_string(), value: None::<i32> };
/// assert_eq!(map.key, "k");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SingletonMap<K, V> {
    /// The key: `K`, `Option<K>` for `null`, or `Box<dyn Object>`.
    pub key: K,
    /// The value: `V`, `Option<V>` for `null`, or `Box<dyn Object>`.
    pub value: V,
}

impl<K: Element + 'static, V: Element + 'static> KryoType for SingletonMap<K, V> {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.util.Collections$SingletonMap")
    }
    const FINAL: bool = false;
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        write_any(kryo, out, &self.key)?;
        write_any(kryo, out, &self.value)
    }
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        let key = read_any(kryo, input)?;
        Ok(SingletonMap {
            key,
            value: read_any(kryo, input)?,
        })
    }
    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        Ok(SingletonMap {
            key: self.key.copy_element(kryo)?,
            value: self.value.copy_element(kryo)?,
        })
    }
}

impl<K: JavaHash, V: JavaHash> JavaHash for SingletonMap<K, V> {
    fn java_hash(&self) -> Option<i32> {
        Some(self.key.java_hash()? ^ self.value.java_hash()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors_and_markers() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        kryo.write_object(&mut out, &EmptyList).unwrap();
        assert!(out.as_slice().is_empty());
        kryo.write_object(&mut out, &SingletonSet(1i32)).unwrap();
        assert_eq!(out.as_slice(), [0x02, 0x02]);
        // Not accepting null: a nullable position gets 01 / 00.
        let mut out = Output::new();
        kryo.write_object_or_null(&mut out, Some(&EmptyMap))
            .unwrap();
        kryo.write_object_or_null::<EmptyMap, _>(&mut out, None)
            .unwrap();
        assert_eq!(out.as_slice(), [0x01, 0x00]);
        let back: SingletonList<Option<String>> =
            kryo.read_object(&mut Input::new(&[0x00])).unwrap();
        assert_eq!(back, SingletonList(None));
    }
}
