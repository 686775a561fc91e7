//! Java 9's immutable collections, `List.of`, `Set.of`, `Map.of` (and
//! `copyOf`): Kryo's `JdkImmutable*Serializer`s (format spec 8.20), the
//! collection and map layouts with `null` not allowed (a known element
//! serializer writes a plain `uvarint(size+1)` and no markers; without one
//! the one-class path has no has-null byte).
//!
//! The JDK picks the class by size, and the class is what a class
//! descriptor names: `List12` for one or two elements, `ListN` otherwise
//! (`SubList` for `subList` views, read as a list); `Set12` / `SetN`;
//! `Map1` / `MapN`. Each Rust type stands for all of its classes; register
//! them all with [`register_immutable_collections`], as Kryo's
//! `ImmutableCollectionsSerializers.registerSerializers` does in Java. With
//! registration not required (classes written by name), make them known
//! by name with [`Kryo::add_class`] (each type under all of its class
//! names), e.g. `kryo.add_class::<ImmutableList<Box<dyn Object>>>()`.
//!
//! Order: a list keeps its order. `Set.of` and `Map.of` iterate in an order
//! the JVM randomises at start-up (its `SALT`), so Java itself writes the
//! same set differently from one run to the next: these types write their
//! elements in the stored order (as read, or as given), which Java reads
//! back as an equal set or map.
//!
//! ```
//! use kryo5_core::serializers::immutable::ImmutableList;
//! use kryo5_core::{Kryo, Object};
//! use kryo5_io::Output;
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<ImmutableList<Box<dyn Object>>>(); // ImmutableCollections$ListN
//! let list: ImmutableList<Box<dyn Object>> =
//!     ImmutableList(vec![Box::new("a".to_string()), Box::new(1i32), Box::new(2i32), Box::new(3i32)]);
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &list)?;
//! // Format spec 8.20: List.of("a", 1, 2, 3), mixed classes.
//! assert_eq!(out.as_slice(), &[0x05, 0x03, 0x82, b'a', 0x02, 0x02, 0x02, 0x04, 0x02, 0x06]);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};

use crate::error::Result;
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::collection::{CollectionLayout, copy_elements, write_collection};
use crate::serializers::java_hash::JavaHash;
use crate::serializers::list::collection_type;
use crate::serializers::map::{MapLayout, copy_entries, map_type, write_map};
use crate::types::{KryoType, NullForm, Object};

const LIST_N: &str = "java.util.ImmutableCollections$ListN";
const LIST_12: &str = "java.util.ImmutableCollections$List12";
const SUB_LIST: &str = "java.util.ImmutableCollections$SubList";
const SET_N: &str = "java.util.ImmutableCollections$SetN";
const SET_12: &str = "java.util.ImmutableCollections$Set12";
const MAP_N: &str = "java.util.ImmutableCollections$MapN";
const MAP_1: &str = "java.util.ImmutableCollections$Map1";

/// Registers the immutable collection classes in the order of Kryo's
/// `ImmutableCollectionsSerializers.registerSerializers(kryo)`: `ListN`,
/// `List12`, `SubList`, `MapN`, `Map1`, `SetN`, `Set12` (ids 9 to 15 on a
/// fresh Kryo). Values read as `Object` come back with `Box<dyn Object>`
/// elements.
///
/// ```
/// let mut kryo = kryo5_core::Kryo::new();
/// kryo5_core::serializers::immutable::register_immutable_collections(&mut kryo);
/// assert_eq!(kryo.next_registration_id(), 16);
/// ```
pub fn register_immutable_collections(kryo: &mut Kryo) {
    type L = ImmutableList<Box<dyn Object>>;
    type S = ImmutableSet<Box<dyn Object>>;
    type M = ImmutableMap<Box<dyn Object>, Box<dyn Object>>;
    kryo.register::<L>();
    kryo.register_class_as::<L>(LIST_12);
    kryo.register_class_as::<L>(SUB_LIST);
    kryo.register::<M>();
    kryo.register_class_as::<M>(MAP_1);
    kryo.register::<S>();
    kryo.register_class_as::<S>(SET_12);
}

collection_type!(
    /// `List.of(...)`: `ImmutableCollections$List12` (one or two
    /// elements) or `$ListN`; reads `$SubList` too.
    ///
    /// ```
    /// use kryo5_core::serializers::immutable::ImmutableList;
    /// use kryo5_core::KryoType;
    /// assert_eq!(ImmutableList(vec![1, 2]).class_name(), "java.util.ImmutableCollections$List12");
    /// assert_eq!(ImmutableList(vec![1, 2, 3]).class_name(), "java.util.ImmutableCollections$ListN");
    /// ```
    ///
    /// Elements: `T` (Java's immutable collections hold no `null`), or
    /// `Box<dyn Object>`.
    ImmutableList, LIST_N, CollectionLayout::NO_NULLS, list_hash,
    small = LIST_12, other = [LIST_12, SUB_LIST]
);
collection_type!(
    /// `Set.of(...)`: `ImmutableCollections$Set12` (one or two elements)
    /// or `$SetN`, elements in stored order (see the module documentation).
    ///
    /// ```
    /// use kryo5_core::serializers::immutable::ImmutableSet;
    /// use kryo5_core::KryoType;
    /// assert_eq!(ImmutableSet::<i32>(vec![]).class_name(), "java.util.ImmutableCollections$SetN");
    /// ```
    ///
    /// Elements: `T` (Java's immutable collections hold no `null`), or
    /// `Box<dyn Object>`.
    ImmutableSet, SET_N, CollectionLayout::NO_NULLS, set_hash,
    small = SET_12, other = [SET_12]
);

map_type!(
    /// `Map.of(...)`: `ImmutableCollections$Map1` (one entry) or `$MapN`,
    /// entries in stored order (see the module documentation). Keys and
    /// values cannot be `null`.
    ///
    /// ```
    /// use kryo5_core::serializers::immutable::ImmutableMap;
    /// use kryo5_core::{Kryo, KryoType};
    /// use kryo5_io::Output;
    ///
    /// let map = ImmutableMap(vec![("k".to_string(), 1i32)]);
    /// assert_eq!(map.class_name(), "java.util.ImmutableCollections$Map1");
    /// let mut kryo = Kryo::new();
    /// kryo.register_class_as::<ImmutableMap<String, i32>>("java.util.ImmutableCollections$Map1");
    /// let mut out = Output::new();
    /// kryo.write_object(&mut out, &map)?;
    /// assert_eq!(out.as_slice(), &[0x02, 0x03, 0x82, b'k', 0x02, 0x02]); // spec 8.20
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ImmutableMap, MAP_N, MapLayout::NO_NULLS, small = MAP_1, other = [MAP_1]
);

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut w = |v: &dyn Fn(&mut Kryo, &mut Output)| {
            let mut out = Output::new();
            v(&mut kryo, &mut out);
            out.into_vec()
        };
        assert_eq!(
            w(&|k, o| k.write_object(o, &ImmutableList::<i32>(vec![])).unwrap()),
            [0x01]
        );
        assert_eq!(
            w(&|k, o| k.write_object(o, &ImmutableList(vec![1, 2])).unwrap()),
            [0x83, 0x02, 0x02, 0x04]
        );
        assert_eq!(
            w(&|k, o| k
                .write_object(o, &ImmutableSet(vec!["a".to_string()]))
                .unwrap()),
            [0x82, 0x03, 0x82, 0x61]
        );
        // In a field declared List<String>: plain uvarint(71), then 70 "a".
        let seventy = ImmutableList(vec!["a".to_string(); 70]);
        let b = w(&|k, o| k.write_object_args(o, &seventy, true).unwrap());
        assert_eq!(&b[..3], &[0x47, 0x82, 0x61]);
        assert_eq!(b.len(), 1 + 140);
        let back: ImmutableList<String> = kryo.read_object_args(&mut Input::new(&b), true).unwrap();
        assert_eq!(back, seventy);
    }

    #[test]
    fn class_descriptors_follow_the_size() {
        let mut kryo = crate::serializers::value::testing::lenient();
        register_immutable_collections(&mut kryo);
        let mut out = Output::new();
        kryo.write_class_and_object(&mut out, Some(&ImmutableList(vec![7i32])))
            .unwrap();
        kryo.write_class_and_object(&mut out, Some(&ImmutableList(vec![7i32, 8, 9])))
            .unwrap();
        // List12 = id 10 (0c), ListN = id 9 (0b).
        assert_eq!(
            out.as_slice(),
            [0x0c, 0x82, 0x02, 0x0e, 0x0b, 0x84, 0x02, 0x0e, 0x10, 0x12]
        );
        let mut input = Input::new(out.as_slice());
        let a: Option<ImmutableList<i32>> = kryo.read_class_and_object_as(&mut input).unwrap();
        let b = kryo.read_class_and_object(&mut input).unwrap().unwrap();
        assert_eq!(a, Some(ImmutableList(vec![7])));
        let b = b.downcast_ref::<ImmutableList<Box<dyn Object>>>().unwrap();
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn nulls_are_refused() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        let r = kryo.write_object(&mut out, &ImmutableList(vec![Some(1i32), None]));
        assert!(r.is_err());
    }
}
