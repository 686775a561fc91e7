//! `java.util.HashMap`, `java.util.HashSet` and
//! `java.util.concurrent.ConcurrentHashMap`, written in Java's hash
//! iteration order.
//!
//! Kryo writes a map's entries in its iteration order, and a Java `HashMap`
//! iterates by bucket. To write the bytes Java would write, [`HashMap`] and
//! [`HashSet`] keep their entries in a `Vec` (insertion order) and, when
//! written, order them as a Java `HashMap` built by `new HashMap<>()` and
//! `put`s in that order iterates them: Java's `hashCode()` of each key
//! ([`JavaHash`]), buckets, resizes, treeified bins and all (see
//! [`hash_order`](super::hash_order)). A default-constructed map filled by
//! `put` is also how most Java code builds its maps.
//!
//! A map **read** from Kryo data keeps the order it was read in and is
//! written back in that order, so reading Java's bytes and writing them
//! again gives the same bytes, whatever the history of the Java map (a map
//! Java itself read back has another capacity, so Java's own re-write may
//! differ). Inserting a new key makes it a map in insertion order again.
//!
//! When Java's order cannot be known, the stored order is written: keys
//! whose `hashCode()` is an identity hash (enums, classes without
//! `hashCode()`, [`JavaHash::java_hash`] returning `None`), or colliding
//! keys Java orders by identity. Java's own bytes for such maps change from
//! one JVM run to the next.
//!
//! Keys are expected to be distinct: [`HashMap::insert`] replaces the
//! value of an equal key, while vectors you build yourself are written as
//! they are.
//!
//! ```
//! use kryo5_core::serializers::hash::HashMap;
//! use kryo5_core::Kryo;
//! use kryo5_io::{Input, Output};
//!
//! // Java iterates {"b", "a"} as a, b (hash 97 before 98).
//! let map: HashMap<String, i32> = [("b".to_string(), 2), ("a".to_string(), 1)].into_iter().collect();
//! let mut kryo = Kryo::new();
//! kryo.register::<HashMap<String, i32>>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &map)?;
//! assert_eq!(out.as_slice(), &[0x03, 0x03, 0x82, b'a', 0x02, 0x02, 0x03, 0x82, b'b', 0x02, 0x04]);
//!
//! let back: HashMap<String, i32> = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back, map); // equality ignores order
//! assert_eq!(back.entries()[0].0, "a"); // kept in the order read
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::ops::Deref;

use crate::error::Result;
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::collection::{CollectionLayout, copy_elements, write_collection};
use crate::serializers::concurrent_order::concurrent_iteration_order;
use crate::serializers::hash_order::{Capacity, iteration_order};
use crate::serializers::java_hash::JavaHash;
use crate::serializers::list::{collection_class, read_plain, set_hash};
use crate::serializers::map::{MapLayout, copy_entries, map_hash, read_plain_map, write_map};
use crate::types::{KryoType, NullForm};

/// Java's iteration order of a `new HashMap<>()` (or `HashSet`) after
/// putting `keys` in order, as indices into `keys`; `None` when it cannot
/// be known (see the module documentation). Keys are taken as distinct.
///
/// ```
/// use kryo5_core::serializers::hash::java_hash_order;
/// let keys = ["b", "a", "Aa", "BB"].map(String::from);
/// // "a" (97), "b" (98), then "Aa" and "BB" (both 2112, bucket 0 of 16) in insertion order.
/// assert_eq!(java_hash_order(keys.iter()), Some(vec![2, 3, 1, 0]));
/// ```
#[must_use]
pub fn java_hash_order<'a, K: JavaHash + 'a>(
    keys: impl Iterator<Item = &'a K>,
) -> Option<Vec<usize>> {
    let keys: Vec<&K> = keys.collect();
    let hashes = keys
        .iter()
        .map(|k| k.java_hash())
        .collect::<Option<Vec<i32>>>()?;
    let order = iteration_order(
        &hashes,
        |_, _| false,
        |a, b| keys[a].java_compare(keys[b]),
        Capacity::Default,
    )
    .ok()?;
    Some(order.into_iter().map(|(k, _)| k).collect())
}

/// Java's iteration order of a `new ConcurrentHashMap<>()` after putting
/// distinct `keys` in order, as indices into `keys`; `None` when a key's
/// hash code is not reproducible.
///
/// ```
/// use kryo5_core::serializers::hash::concurrent_hash_order;
/// let keys = ["b", "a"].map(String::from);
/// assert_eq!(concurrent_hash_order(keys.iter()), Some(vec![1, 0]));
/// ```
#[must_use]
pub fn concurrent_hash_order<'a, K: JavaHash + 'a>(
    keys: impl Iterator<Item = &'a K>,
) -> Option<Vec<usize>> {
    let hashes = keys
        .map(JavaHash::java_hash)
        .collect::<Option<Vec<i32>>>()?;
    Some(concurrent_iteration_order(&hashes))
}

/// The order to write `items` in: as stored, or the Java class's
/// (`order` of the keys, if known).
fn write_order<'a, T, K: 'a>(
    items: &'a [T],
    stored: bool,
    order: impl FnOnce(Vec<&'a K>) -> Option<Vec<usize>>,
    key: impl Fn(&'a T) -> &'a K,
) -> Vec<usize> {
    let java = if stored {
        None
    } else {
        order(items.iter().map(key).collect())
    };
    java.unwrap_or_else(|| (0..items.len()).collect())
}

/// Whether `a` and `b` hold the same items in any order.
fn same_items<T>(
    a: &[T],
    b: &[T],
    hash: impl Fn(&T) -> Option<i32>,
    eq: impl Fn(&T, &T) -> bool,
) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut buckets: std::collections::HashMap<Option<i32>, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, x) in b.iter().enumerate() {
        buckets.entry(hash(x)).or_default().push(i);
    }
    a.iter().all(|x| {
        let Some(list) = buckets.get_mut(&hash(x)) else {
            return false;
        };
        match list.iter().position(|&j| eq(x, &b[j])) {
            Some(p) => {
                list.swap_remove(p);
                true
            }
            None => false,
        }
    })
}

/// The storage and common API of [`HashMap`] and [`HashSet`]: items in
/// insertion (or read) order and whether to write them in that order.
macro_rules! hashed_type {
    (
        $(#[$doc:meta])* $name:ident [$($g:ident),*] $item:ty,
        $items:ident, $items_mut:ident, $into:ident, $what:literal
    ) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name<$($g),*> {
            items: Vec<$item>,
            stored_order: bool,
        }

        impl<$($g),*> $name<$($g),*> {
            #[doc = concat!("An empty ", $what, ".")]
            #[must_use]
            pub fn new() -> Self {
                $name { items: Vec::new(), stored_order: false }
            }

            #[doc = concat!("A ", $what, " whose ", stringify!($items), " are in a Java ", $what)]
            /// iteration order already (as read from Kryo data): written in
            /// this order.
            #[must_use]
            pub fn in_stored_order(items: Vec<$item>) -> Self {
                $name { items, stored_order: true }
            }

            /// Whether it is written in its stored order (read from Kryo
            /// data, and nothing added since) rather than Java's hash order.
            #[must_use]
            pub fn keeps_stored_order(&self) -> bool {
                self.stored_order
            }

            /// Chooses between the stored order and Java's hash order for
            /// writing.
            pub fn set_keep_stored_order(&mut self, keep: bool) {
                self.stored_order = keep;
            }

            #[doc = concat!("The ", stringify!($items), " in insertion (or read) order.")]
            #[must_use]
            pub fn $items(&self) -> &[$item] {
                &self.items
            }

            #[doc = concat!("The ", stringify!($items), ", to change: written in Java's order afterwards.")]
            pub fn $items_mut(&mut self) -> &mut Vec<$item> {
                self.stored_order = false;
                &mut self.items
            }

            #[doc = concat!("The ", stringify!($items), " in insertion (or read) order.")]
            #[must_use]
            pub fn $into(self) -> Vec<$item> {
                self.items
            }
        }

        impl<$($g),*> Default for $name<$($g),*> {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<$($g),*> Deref for $name<$($g),*> {
            type Target = [$item];
            fn deref(&self) -> &[$item] {
                &self.items
            }
        }

        impl<$($g),*> From<Vec<$item>> for $name<$($g),*> {
            /// In insertion order, keys distinct.
            fn from(items: Vec<$item>) -> Self {
                $name { items, stored_order: false }
            }
        }

        impl<$($g),*> FromIterator<$item> for $name<$($g),*> {
            /// In insertion order, keys distinct.
            fn from_iter<It: IntoIterator<Item = $item>>(iter: It) -> Self {
                Self::from(iter.into_iter().collect::<Vec<_>>())
            }
        }

        impl<$($g),*> Extend<$item> for $name<$($g),*> {
            /// Appends, keys not there yet.
            fn extend<It: IntoIterator<Item = $item>>(&mut self, iter: It) {
                self.stored_order = false;
                self.items.extend(iter);
            }
        }

        impl<$($g),*> IntoIterator for $name<$($g),*> {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;
            fn into_iter(self) -> Self::IntoIter {
                self.items.into_iter()
            }
        }

        impl<'a, $($g),*> IntoIterator for &'a $name<$($g),*> {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;
            fn into_iter(self) -> Self::IntoIter {
                self.items.iter()
            }
        }
    };
}

/// A Java hash map class: [`hashed_type`]'s storage and API, the map
/// methods, and its `KryoType` written in the order `$order` gives.
macro_rules! hash_map_type {
    ($(#[$doc:meta])* $name:ident, $class:literal, $order:expr) => {
        hashed_type!(
            $(#[$doc])*
            $name [K, V] (K, V), entries, entries_mut, into_entries, "map"
        );

        impl<K, V> $name<K, V> {
            /// Appends an entry without looking for an equal key (keys must be
            /// distinct).
            pub fn push(&mut self, key: K, value: V) {
                self.stored_order = false;
                self.items.push((key, value));
            }

            /// The entries in insertion (or read) order.
            pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
                self.items.iter().map(|(k, v)| (k, v))
            }

            /// The keys in insertion (or read) order.
            pub fn keys(&self) -> impl Iterator<Item = &K> {
                self.items.iter().map(|(k, _)| k)
            }

            /// The values in insertion (or read) order.
            pub fn values(&self) -> impl Iterator<Item = &V> {
                self.items.iter().map(|(_, v)| v)
            }
        }

        impl<K: PartialEq, V> $name<K, V> {
            /// Java's `put`: replaces the value of an equal key, else adds the
            /// entry. Linear in the map's size (use `collect` for many entries with
            /// distinct keys).
            pub fn insert(&mut self, key: K, value: V) -> Option<V> {
                match self.items.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, v)) => Some(std::mem::replace(v, value)),
                    None => {
                        self.push(key, value);
                        None
                    }
                }
            }

            /// The value of `key`. Linear in the map's size.
            pub fn get(&self, key: &K) -> Option<&V> {
                self.items.iter().find(|(k, _)| k == key).map(|(_, v)| v)
            }

            /// Whether `key` is in the map. Linear in the map's size.
            pub fn contains_key(&self, key: &K) -> bool {
                self.get(key).is_some()
            }

            /// Removes `key`, keeping the order of the others.
            pub fn remove(&mut self, key: &K) -> Option<V> {
                let i = self.items.iter().position(|(k, _)| k == key)?;
                Some(self.items.remove(i).1)
            }
        }

        impl<K: JavaHash, V> $name<K, V> {
            /// The entries in the order they are written: stored order for a map
            /// read from Kryo data, else Java's hash order.
            #[must_use]
            pub fn java_order(&self) -> Vec<(&K, &V)> {
                write_order(&self.items, self.stored_order, |keys| $order(keys.into_iter()), |(k, _)| k)
                    .into_iter()
                    .map(|i| (&self.items[i].0, &self.items[i].1))
                    .collect()
            }
        }

        /// Shows the entries in the order they are written (Java's iteration
        /// order).
        impl<K: fmt::Debug + JavaHash, V: fmt::Debug> fmt::Debug for $name<K, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map().entries(self.java_order()).finish()
            }
        }

        /// Equal when they hold the same entries, in any order.
        impl<K: JavaHash + PartialEq, V: PartialEq> PartialEq for $name<K, V> {
            fn eq(&self, other: &Self) -> bool {
                same_items(
                    &self.items,
                    &other.items,
                    |(k, _)| k.java_hash(),
                    |a, b| a == b,
                )
            }
        }

        impl<K, V, S> From<std::collections::HashMap<K, V, S>> for $name<K, V> {
            /// Written in Java's order, whatever order Rust's map had.
            fn from(map: std::collections::HashMap<K, V, S>) -> Self {
                map.into_iter().collect()
            }
        }

        impl<K, V> From<std::collections::BTreeMap<K, V>> for $name<K, V> {
            fn from(map: std::collections::BTreeMap<K, V>) -> Self {
                map.into_iter().collect()
            }
        }

        impl<K: Hash + Eq, V, S: BuildHasher + Default> From<$name<K, V>>
            for std::collections::HashMap<K, V, S>
        {
            fn from(map: $name<K, V>) -> Self {
                map.items.into_iter().collect()
            }
        }

        impl<K: Element + JavaHash + 'static, V: Element + 'static> KryoType for $name<K, V> {
            collection_class!($class, |kryo, input, args| {
                let read = read_plain_map(kryo, input, args, MapLayout::DEFAULT)?;
                Ok(read.map(Self::in_stored_order))
            });

            fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
                let order = write_order(&self.items, self.stored_order, |keys| $order(keys.into_iter()), |(k, _)| k);
                let entries = order.iter().map(|&i| (&self.items[i].0, &self.items[i].1));
                let layout = MapLayout::DEFAULT;
                write_map(kryo, out, entries, order.len(), args, layout, |_, _| Ok(()))
            }

            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                Ok($name {
                    items: copy_entries(kryo, self.iter())?,
                    stored_order: self.stored_order,
                })
            }
        }

        impl<K: JavaHash, V: JavaHash> JavaHash for $name<K, V> {
            fn java_hash(&self) -> Option<i32> {
                map_hash(self.iter())
            }
        }
    };
}

hash_map_type!(
    /// `java.util.HashMap`: entries in insertion (or read) order, written
    /// in Java's hash order. See the module documentation.
    ///
    /// Keys and values: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>` for any class; keys implement [`JavaHash`].
    ///
    /// ```
    /// use kryo5_core::serializers::hash::HashMap;
    /// let mut map = HashMap::new();
    /// map.insert(3, "three".to_string());
    /// map.insert(1, "one".to_string());
    /// assert_eq!(map.get(&1).map(String::as_str), Some("one"));
    /// // Written in Java's order: Integer keys by value here.
    /// assert_eq!(map.java_order().iter().map(|(k, _)| **k).collect::<Vec<_>>(), [1, 3]);
    /// let read = HashMap::in_stored_order(vec![(2, ()), (1, ())]);
    /// assert_eq!(read.java_order()[0].0, &2);
    /// ```
    HashMap, "java.util.HashMap", java_hash_order
);

hash_map_type!(
    /// `java.util.concurrent.ConcurrentHashMap`: entries in insertion (or
    /// read) order, written in the order a `new ConcurrentHashMap<>()`
    /// filled by `put`s in that order iterates them (see
    /// [`concurrent_order`](super::concurrent_order)). Java's map holds no
    /// `null` keys or values.
    ///
    /// ```
    /// use kryo5_core::serializers::hash::ConcurrentHashMap;
    /// let map: ConcurrentHashMap<String, i32> = vec![("b".to_string(), 2), ("a".to_string(), 1)].into();
    /// assert_eq!(map.java_order()[0].0, "a");
    /// ```
    ConcurrentHashMap, "java.util.concurrent.ConcurrentHashMap", concurrent_hash_order
);

hashed_type!(
    /// `java.util.HashSet`: elements in insertion (or read) order, written
    /// in Java's hash order. See the module documentation.
    ///
    /// Elements: `T`, `Option<T>` where Java may hold `null`, or
    /// `Box<dyn Object>`; they implement [`JavaHash`].
    ///
    /// ```
    /// use kryo5_core::serializers::hash::HashSet;
    /// let set: HashSet<String> = ["b", "a"].map(String::from).into_iter().collect();
    /// assert!(set.contains(&"a".to_string()));
    /// assert_eq!(set.java_order(), [&"a".to_string(), &"b".to_string()]);
    /// ```
    HashSet [T] T, elements, elements_mut, into_elements, "set"
);

impl<T> HashSet<T> {
    /// Appends an element without looking for an equal one.
    pub fn push(&mut self, element: T) {
        self.stored_order = false;
        self.items.push(element);
    }
}

impl<T: PartialEq> HashSet<T> {
    /// Java's `add`: false (and no change) if an equal element is there.
    /// Linear in the set's size.
    pub fn insert(&mut self, element: T) -> bool {
        if self.contains(&element) {
            return false;
        }
        self.push(element);
        true
    }

    /// Removes an element, keeping the order of the others.
    pub fn remove(&mut self, element: &T) -> bool {
        match self.items.iter().position(|e| e == element) {
            Some(i) => {
                self.items.remove(i);
                true
            }
            None => false,
        }
    }
}

impl<T: JavaHash> HashSet<T> {
    /// The elements in the order they are written: stored order for a set
    /// read from Kryo data, else Java's hash order.
    #[must_use]
    pub fn java_order(&self) -> Vec<&T> {
        write_order(
            &self.items,
            self.stored_order,
            |keys| java_hash_order(keys.into_iter()),
            |e| e,
        )
        .into_iter()
        .map(|i| &self.items[i])
        .collect()
    }
}

/// Shows the elements in the order they are written (Java's iteration
/// order).
impl<T: fmt::Debug + JavaHash> fmt::Debug for HashSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.java_order()).finish()
    }
}

/// Equal when they hold the same elements, in any order.
impl<T: JavaHash + PartialEq> PartialEq for HashSet<T> {
    fn eq(&self, other: &Self) -> bool {
        same_items(&self.items, &other.items, JavaHash::java_hash, |a, b| {
            a == b
        })
    }
}

impl<T, S> From<std::collections::HashSet<T, S>> for HashSet<T> {
    /// Written in Java's order, whatever order Rust's set had.
    fn from(set: std::collections::HashSet<T, S>) -> Self {
        set.into_iter().collect()
    }
}

impl<T> From<std::collections::BTreeSet<T>> for HashSet<T> {
    fn from(set: std::collections::BTreeSet<T>) -> Self {
        set.into_iter().collect()
    }
}

impl<T: Hash + Eq, S: BuildHasher + Default> From<HashSet<T>> for std::collections::HashSet<T, S> {
    fn from(set: HashSet<T>) -> Self {
        set.items.into_iter().collect()
    }
}

impl<T: Element + JavaHash + 'static> KryoType for HashSet<T> {
    collection_class!("java.util.HashSet", |kryo, input, args| {
        let read = read_plain(kryo, input, args, CollectionLayout::DEFAULT)?;
        Ok(read.map(Self::in_stored_order))
    });

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        let order = write_order(
            &self.items,
            self.stored_order,
            |keys| java_hash_order(keys.into_iter()),
            |e| e,
        );
        let elements = order.iter().map(|&i| &self.items[i]);
        let layout = CollectionLayout::DEFAULT;
        write_collection(
            kryo,
            out,
            elements,
            order.len(),
            args,
            layout,
            |_, _| Ok(()),
        )
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        Ok(HashSet {
            items: copy_elements(kryo, self.items.iter())?,
            stored_order: self.stored_order,
        })
    }
}

impl<T: JavaHash> JavaHash for HashSet<T> {
    fn java_hash(&self) -> Option<i32> {
        set_hash(self.items.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::{Input, Output};

    fn bytes<T: KryoType>(v: &T) -> Vec<u8> {
        let mut out = Output::new();
        crate::serializers::value::testing::lenient()
            .write_object(&mut out, v)
            .unwrap();
        out.into_vec()
    }

    #[test]
    fn spec_vectors() {
        let map: HashMap<String, Option<i32>> =
            vec![("b".to_string(), None), ("a".to_string(), Some(1))].into();
        assert_eq!(
            bytes(&map),
            [0x03, 0x03, 0x82, 0x61, 0x02, 0x02, 0x03, 0x82, 0x62, 0x00]
        );
        assert_eq!(bytes(&HashMap::<String, i32>::new()), [0x01]);
        let set: HashSet<String> = vec!["a".to_string()].into();
        assert_eq!(bytes(&set), [0x82, 0x03, 0x00, 0x82, 0x61]);
    }

    #[test]
    fn read_order_is_written_back() {
        // "b" before "a": not Java's order for a fresh map, but kept.
        let data = [
            0x03, 0x03, 0x82, 0x62, 0x02, 0x04, 0x03, 0x82, 0x61, 0x02, 0x02,
        ];
        let mut kryo = crate::serializers::value::testing::lenient();
        let map: HashMap<String, i32> = kryo.read_object(&mut Input::new(&data)).unwrap();
        assert!(map.keeps_stored_order());
        assert_eq!(bytes(&map), data);
        let mut changed = map.clone();
        changed.insert("c".to_string(), 3);
        assert_eq!(
            changed
                .java_order()
                .iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(map, kryo.copy(&map).unwrap());
    }

    #[test]
    fn equality_ignores_order() {
        let a: HashSet<i32> = vec![1, 2, 3].into();
        let b: HashSet<i32> = vec![3, 1, 2].into();
        let c: HashSet<i32> = vec![3, 1, 1].into();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
