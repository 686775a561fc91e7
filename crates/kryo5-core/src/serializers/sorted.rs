//! Sorted collections: `java.util.TreeMap`, `TreeSet`,
//! `java.util.concurrent.ConcurrentSkipListMap` and `PriorityQueue`
//! (format spec 8.14, 8.15). Kryo writes their comparator first
//! (`writeClassAndObject`, `00` for natural ordering), then the elements in
//! iteration order.
//!
//! [`TreeMap`] and [`TreeSet`] keep their entries in a `Vec` and sort them
//! when written, by [`JavaOrd`] (Java's `compareTo`: strings in UTF-16 code
//! unit order, `-0.0` before `0.0`), reversed for a [`ReverseComparator`];
//! like Java's `put`, of keys that compare equal the first is written with
//! the last value. With another comparator, or keys Java cannot compare,
//! the stored order is written (data read from Kryo is in Java's order
//! already). [`PriorityQueue`] keeps Java's heap array: [`PriorityQueue::push`]
//! and [`PriorityQueue::pop`] move elements as Java's `offer` and `poll`
//! do, and the array is written as it is.
//!
//! ```
//! use kryo5_core::serializers::sorted::TreeMap;
//! use kryo5_core::Kryo;
//! use kryo5_io::Output;
//!
//! let map: TreeMap<String, i32> = [("b".to_string(), 2), ("a".to_string(), 1)].into_iter().collect();
//! let mut kryo = Kryo::new();
//! kryo.register::<TreeMap<String, i32>>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &map)?;
//! // Format spec 8.15: 2 entries, null comparator, a=1, b=2.
//! assert_eq!(out.as_slice(), &[0x03, 0x00, 0x03, 0x82, b'a', 0x02, 0x02, 0x03, 0x82, b'b', 0x02, 0x04]);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::error::Result;
use crate::field::Element;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializers::collection::{
    CollectionLayout, Read, copy_elements, read_collection, write_collection,
};
use crate::serializers::java_hash::{JavaHash, JavaOrd};
use crate::serializers::list::{collection_class, set_hash};
use crate::serializers::map::{MapLayout, copy_entries, map_hash, read_map, write_map};
use crate::types::{KryoType, NullForm, Object, Shared};

/// `java.util.Collections$ReverseComparator`: what
/// `Comparator.reverseOrder()` and `Collections.reverseOrder()` return.
/// Kryo writes it with `FieldSerializer` (no fields); register it on both
/// sides (or let it go by name) to use it.
///
/// ```
/// use kryo5_core::serializers::sorted::{ReverseComparator, TreeSet};
/// let set = TreeSet::with_comparator(vec![1, 3, 2], ReverseComparator);
/// assert_eq!(set.sorted(), [&3, &2, &1]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReverseComparator;

impl KryoType for ReverseComparator {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.util.Collections$ReverseComparator")
    }
    const FINAL: bool = false;
    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, _: &mut O, _: bool) -> Result<()> {
        Ok(())
    }
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, _: &mut I, _: bool) -> Result<Self> {
        Ok(ReverseComparator)
    }
    fn share(&self) -> Option<Shared> {
        Some(std::sync::Arc::new(*self))
    }
    fn from_shared(shared: &Shared) -> Result<Self> {
        let _ = shared;
        Ok(ReverseComparator)
    }
    fn copy(&self, _: &mut Kryo) -> Result<Self> {
        Ok(*self)
    }
}

/// How a comparator orders.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Natural,
    Reverse,
    Unknown,
}

fn direction(comparator: Option<&dyn Object>) -> Direction {
    match comparator {
        None => Direction::Natural,
        Some(c) if c.downcast_ref::<ReverseComparator>().is_some() => Direction::Reverse,
        Some(_) => Direction::Unknown,
    }
}

/// `Debug` of a collection with a comparator: `items` as Java iterates
/// them, then the comparator if not natural ordering.
fn debug_sorted(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    field: &str,
    items: &dyn fmt::Debug,
    comparator: Option<&dyn Object>,
) -> fmt::Result {
    let mut d = f.debug_struct(name);
    d.field(field, items);
    if let Some(c) = comparator {
        d.field("comparator", &c);
    }
    d.finish()
}

/// Entries shown as a map, in the order given.
struct DebugEntries<'a, K, V>(&'a [(&'a K, &'a V)]);

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for DebugEntries<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter().copied()).finish()
    }
}

/// Compares `a` and `b` in the comparator's direction.
fn compare<T: JavaOrd>(d: Direction, a: &T, b: &T) -> Option<Ordering> {
    match d {
        Direction::Natural => a.java_cmp(b),
        Direction::Reverse => b.java_cmp(a),
        Direction::Unknown => None,
    }
}

/// The write order of `items` sorted by `key`: per group of keys that
/// compare equal, the first and the last index (Java's `put` keeps the
/// first key and the last value). The stored order when it cannot sort.
fn sorted_order<T, K: JavaOrd>(
    items: &[T],
    d: Direction,
    key: impl Fn(&T) -> &K,
) -> Vec<(usize, usize)> {
    let cmp = |a: usize, b: usize| compare(d, key(&items[a]), key(&items[b]));
    let stored = || (0..items.len()).map(|i| (i, i)).collect();
    if d == Direction::Unknown {
        return stored();
    }
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if !idx
        .windows(2)
        .all(|w| cmp(w[0], w[1]) == Some(Ordering::Less))
    {
        let mut failed = false;
        idx.sort_by(|&a, &b| {
            cmp(a, b).unwrap_or_else(|| {
                failed = true;
                Ordering::Equal
            })
        });
        if failed {
            return stored();
        }
    }
    let mut groups: Vec<(usize, usize)> = Vec::with_capacity(idx.len());
    for i in idx {
        match groups.last_mut() {
            Some((first, last)) if cmp(*first, i) == Some(Ordering::Equal) => *last = i,
            _ => groups.push((i, i)),
        }
    }
    groups
}

/// Whether two comparators are of the same class.
fn same_comparator(a: &Option<Box<dyn Object>>, b: &Option<Box<dyn Object>>) -> bool {
    a.as_deref().map(Object::class_name) == b.as_deref().map(Object::class_name)
}

/// Writes a comparator header.
fn write_comparator<O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    c: Option<&dyn Object>,
) -> Result<()> {
    kryo.write_class_and_object_dyn(out, c)
}

/// A deep copy of a comparator.
fn copy_comparator(
    kryo: &mut Kryo,
    comparator: &Option<Box<dyn Object>>,
) -> Result<Option<Box<dyn Object>>> {
    comparator.as_ref().map(|c| kryo.copy_nested(c)).transpose()
}

/// Reads a comparator header.
fn read_comparator<'de, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
) -> Result<Option<Box<dyn Object>>> {
    kryo.read_class_and_object(input)
}

/// The storage and common API of a collection class with a comparator:
/// the items in a `Vec` (field `$items`) and the comparator.
macro_rules! with_comparator {
    ($(#[$doc:meta])* $name:ident [$($g:ident),*] $item:ty, $items:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name<$($g),*> {
            #[doc = concat!("The ", $what, ".")]
            pub $items: Vec<$item>,
            /// The comparator: `None` for natural ordering.
            pub comparator: Option<Box<dyn Object>>,
        }

        impl<$($g),*> $name<$($g),*> {
            /// An empty one with natural ordering.
            #[must_use]
            pub fn new() -> Self {
                $name { $items: Vec::new(), comparator: None }
            }

            #[doc = concat!("One of `", stringify!($items), "` ordered by `comparator`.")]
            pub fn with_comparator($items: Vec<$item>, comparator: impl Object) -> Self {
                $name { $items, comparator: Some(Box::new(comparator)) }
            }
        }

        impl<$($g),*> Default for $name<$($g),*> {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<$($g),*> Deref for $name<$($g),*> {
            type Target = Vec<$item>;
            fn deref(&self) -> &Vec<$item> {
                &self.$items
            }
        }

        impl<$($g),*> DerefMut for $name<$($g),*> {
            fn deref_mut(&mut self) -> &mut Vec<$item> {
                &mut self.$items
            }
        }

        impl<$($g),*> From<Vec<$item>> for $name<$($g),*> {
            /// Natural ordering.
            fn from($items: Vec<$item>) -> Self {
                $name { $items, comparator: None }
            }
        }

        impl<$($g),*> IntoIterator for $name<$($g),*> {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;
            fn into_iter(self) -> Self::IntoIter {
                self.$items.into_iter()
            }
        }
    };
}

/// A sorted Java map class: entries sorted when written.
macro_rules! sorted_map {
    ($(#[$doc:meta])* $name:ident, $class:literal) => {
        with_comparator!(
            $(#[$doc])*
            ///
            /// Keys implement [`JavaOrd`]; keys and values are `T`,
            /// `Option<T>` where Java may hold `null`, or `Box<dyn Object>`.
            $name [K, V] (K, V), entries, "entries, in any order (sorted when written)"
        );

        impl<K: JavaOrd, V> $name<K, V> {
            /// Java's `put`: replaces the value of a key that compares equal.
            /// Linear in the map's size.
            pub fn insert(&mut self, key: K, value: V) -> Option<V> {
                let d = direction(self.comparator.as_deref());
                match self.entries.iter_mut().find(|(k, _)| compare(d, k, &key) == Some(Ordering::Equal)) {
                    Some((_, v)) => Some(std::mem::replace(v, value)),
                    None => {
                        self.entries.push((key, value));
                        None
                    }
                }
            }

            /// The value of the key that compares equal to `key`.
            pub fn get(&self, key: &K) -> Option<&V> {
                let d = direction(self.comparator.as_deref());
                self.entries.iter().find(|(k, _)| compare(d, k, key) == Some(Ordering::Equal)).map(|(_, v)| v)
            }

            /// The entries in the order they are written.
            #[must_use]
            pub fn sorted(&self) -> Vec<(&K, &V)> {
                let d = direction(self.comparator.as_deref());
                sorted_order(&self.entries, d, |(k, _)| k)
                    .into_iter()
                    .map(|(k, v)| (&self.entries[k].0, &self.entries[v].1))
                    .collect()
            }
        }

        /// Shows the entries in Java's iteration order.
        impl<K: fmt::Debug + JavaOrd, V: fmt::Debug> fmt::Debug for $name<K, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let entries = self.sorted();
                let map = DebugEntries(&entries);
                debug_sorted(f, stringify!($name), "entries", &map, self.comparator.as_deref())
            }
        }

        /// Equal when they write the same entries in the same order (the
        /// comparators are compared by class).
        impl<K: JavaOrd + PartialEq, V: PartialEq> PartialEq for $name<K, V> {
            fn eq(&self, other: &Self) -> bool {
                same_comparator(&self.comparator, &other.comparator)
                    && self.sorted() == other.sorted()
            }
        }

        impl<K, V> From<std::collections::BTreeMap<K, V>> for $name<K, V> {
            /// Sorted again by Java's order when written.
            fn from(map: std::collections::BTreeMap<K, V>) -> Self {
                map.into_iter().collect()
            }
        }

        impl<K, V> FromIterator<(K, V)> for $name<K, V> {
            fn from_iter<It: IntoIterator<Item = (K, V)>>(iter: It) -> Self {
                Self::from(iter.into_iter().collect::<Vec<_>>())
            }
        }

        impl<K: Element + JavaOrd + 'static, V: Element + 'static> KryoType for $name<K, V> {
            collection_class!($class, |kryo, input, args| {
                let read = read_map(kryo, input, args, MapLayout::DEFAULT, read_comparator)?;
                Ok(read.map(|(comparator, entries)| $name { entries, comparator }))
            });

            fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
                let c = self.comparator.as_deref();
                let order = sorted_order(&self.entries, direction(c), |(k, _)| k);
                let entries = order.iter().map(|&(k, v)| (&self.entries[k].0, &self.entries[v].1));
                write_map(kryo, out, entries, order.len(), args, MapLayout::DEFAULT, |k, o| {
                    write_comparator(k, o, c)
                })
            }

            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                let comparator = copy_comparator(kryo, &self.comparator)?;
                let entries = copy_entries(kryo, self.entries.iter().map(|(k, v)| (k, v)))?;
                Ok($name { entries, comparator })
            }
        }

        impl<K: JavaHash, V: JavaHash> JavaHash for $name<K, V> {
            fn java_hash(&self) -> Option<i32> {
                map_hash(self.entries.iter().map(|(k, v)| (k, v)))
            }
        }
    };
}

sorted_map!(
    /// `java.util.TreeMap`.
    ///
    /// ```
    /// use kryo5_core::serializers::sorted::TreeMap;
    /// let mut map = TreeMap::new();
    /// map.insert("\u{ff61}".to_string(), 1);
    /// map.insert("\u{1f600}".to_string(), 2);
    /// // Java sorts by UTF-16 units: the emoji (a surrogate pair) first.
    /// assert_eq!(map.sorted()[0].1, &2);
    /// ```
    TreeMap, "java.util.TreeMap"
);
sorted_map!(
    /// `java.util.concurrent.ConcurrentSkipListMap`.
    ///
    /// ```
    /// use kryo5_core::serializers::sorted::ConcurrentSkipListMap;
    /// let map: ConcurrentSkipListMap<i32, i32> = vec![(2, 0), (1, 0)].into();
    /// assert_eq!(map.sorted()[0].0, &1);
    /// ```
    ConcurrentSkipListMap, "java.util.concurrent.ConcurrentSkipListMap"
);

/// Reads a collection with a comparator header.
fn read_with_comparator<'de, T: Element, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    args: bool,
) -> Result<Read<Option<Box<dyn Object>>, T>> {
    read_collection(
        kryo,
        input,
        args,
        CollectionLayout::DEFAULT,
        read_comparator,
    )
}

with_comparator!(
    /// `java.util.TreeSet`: elements sorted when written.
    ///
    /// Elements implement [`JavaOrd`]; they are `T`, or `Box<dyn Object>`.
    ///
    /// ```
    /// use kryo5_core::serializers::sorted::TreeSet;
    /// let set: TreeSet<i32> = vec![3, 1, 3, 2].into();
    /// assert_eq!(set.sorted(), [&1, &2, &3]);
    /// ```
    TreeSet [T] T, elements, "elements, in any order (sorted when written)"
);

impl<T: JavaOrd> TreeSet<T> {
    /// Java's `add`: false if an element compares equal.
    pub fn insert(&mut self, element: T) -> bool {
        let d = direction(self.comparator.as_deref());
        if self
            .elements
            .iter()
            .any(|e| compare(d, e, &element) == Some(Ordering::Equal))
        {
            return false;
        }
        self.elements.push(element);
        true
    }

    /// The elements in the order they are written.
    #[must_use]
    pub fn sorted(&self) -> Vec<&T> {
        let d = direction(self.comparator.as_deref());
        sorted_order(&self.elements, d, |e| e)
            .into_iter()
            .map(|(i, _)| &self.elements[i])
            .collect()
    }
}

/// Shows the elements in Java's iteration order.
impl<T: fmt::Debug + JavaOrd> fmt::Debug for TreeSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sorted = self.sorted();
        debug_sorted(
            f,
            "TreeSet",
            "elements",
            &sorted,
            self.comparator.as_deref(),
        )
    }
}

/// Equal when they write the same elements in the same order.
impl<T: JavaOrd + PartialEq> PartialEq for TreeSet<T> {
    fn eq(&self, other: &Self) -> bool {
        same_comparator(&self.comparator, &other.comparator) && self.sorted() == other.sorted()
    }
}

impl<T> From<std::collections::BTreeSet<T>> for TreeSet<T> {
    /// Sorted again by Java's order when written.
    fn from(set: std::collections::BTreeSet<T>) -> Self {
        set.into_iter().collect()
    }
}

impl<T> FromIterator<T> for TreeSet<T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        Self::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<T: Element + JavaOrd + 'static> KryoType for TreeSet<T> {
    collection_class!("java.util.TreeSet", |kryo, input, args| {
        let read = read_with_comparator(kryo, input, args)?;
        Ok(read.map(|(comparator, elements)| TreeSet {
            elements,
            comparator,
        }))
    });

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        let c = self.comparator.as_deref();
        let order = sorted_order(&self.elements, direction(c), |e| e);
        let elements = order.iter().map(|&(i, _)| &self.elements[i]);
        write_collection(
            kryo,
            out,
            elements,
            order.len(),
            args,
            CollectionLayout::DEFAULT,
            |k, o| write_comparator(k, o, c),
        )
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        let comparator = copy_comparator(kryo, &self.comparator)?;
        Ok(TreeSet {
            elements: copy_elements(kryo, self.elements.iter())?,
            comparator,
        })
    }
}

impl<T: JavaHash> JavaHash for TreeSet<T> {
    fn java_hash(&self) -> Option<i32> {
        set_hash(self.elements.iter())
    }
}

with_comparator!(
    /// `java.util.PriorityQueue`: Java's heap array, written as it is.
    ///
    /// [`PriorityQueue::push`] and [`PriorityQueue::pop`] keep the array as
    /// Java's `offer` and `poll` would (natural ordering, or reversed for a
    /// [`ReverseComparator`]; with another comparator `push` appends).
    ///
    /// ```
    /// use kryo5_core::serializers::sorted::PriorityQueue;
    /// let mut q: PriorityQueue<i32> = [5, 1, 3].into_iter().collect();
    /// assert_eq!(q.heap, [1, 5, 3]); // Java's array after offer(5), offer(1), offer(3)
    /// assert_eq!(q.pop(), Some(1));
    /// assert_eq!(q.heap, [3, 5]);
    /// ```
    PriorityQueue [T] T, heap, "heap array, head first"
);

impl<T: JavaOrd> PriorityQueue<T> {
    /// `a` sorts before `b` (Java's `compareTo < 0`, or `> 0` when `gt`).
    fn before(&self, a: &T, b: &T, gt: bool) -> bool {
        let want = if gt {
            Ordering::Greater
        } else {
            Ordering::Less
        };
        compare(direction(self.comparator.as_deref()), a, b) == Some(want)
    }

    /// Java's `offer`: appends and sifts up.
    pub fn push(&mut self, element: T) {
        self.heap.push(element);
        if direction(self.comparator.as_deref()) == Direction::Unknown {
            return;
        }
        let mut k = self.heap.len() - 1;
        while k > 0 {
            let parent = (k - 1) / 2;
            if !self.before(&self.heap[k], &self.heap[parent], false) {
                break;
            }
            self.heap.swap(k, parent);
            k = parent;
        }
    }

    /// Java's `poll`: removes the head, moves the last element to the top
    /// and sifts it down.
    pub fn pop(&mut self) -> Option<T> {
        if self.heap.is_empty() {
            return None;
        }
        let head = self.heap.swap_remove(0);
        let n = self.heap.len();
        let mut k = 0;
        while k < n / 2 {
            let mut child = 2 * k + 1;
            if child + 1 < n && self.before(&self.heap[child], &self.heap[child + 1], true) {
                child += 1;
            }
            if !self.before(&self.heap[k], &self.heap[child], true) {
                break;
            }
            self.heap.swap(k, child);
            k = child;
        }
        Some(head)
    }
}

/// Equal when the heap arrays are equal (and the comparators' classes).
/// Shows the heap array as stored (Java's iteration order).
impl<T: fmt::Debug> fmt::Debug for PriorityQueue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_sorted(
            f,
            "PriorityQueue",
            "heap",
            &self.heap,
            self.comparator.as_deref(),
        )
    }
}

impl<T: PartialEq> PartialEq for PriorityQueue<T> {
    fn eq(&self, other: &Self) -> bool {
        same_comparator(&self.comparator, &other.comparator) && self.heap == other.heap
    }
}

impl<T: JavaOrd> FromIterator<T> for PriorityQueue<T> {
    /// Offers the elements in order.
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        let mut q = PriorityQueue::new();
        for e in iter {
            q.push(e);
        }
        q
    }
}

impl<T: Element + 'static> KryoType for PriorityQueue<T> {
    collection_class!("java.util.PriorityQueue", |kryo, input, args| {
        let read = read_with_comparator(kryo, input, args)?;
        Ok(read.map(|(comparator, heap)| PriorityQueue { heap, comparator }))
    });

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        let c = self.comparator.as_deref();
        let layout = CollectionLayout::DEFAULT;
        write_collection(
            kryo,
            out,
            self.heap.iter(),
            self.heap.len(),
            args,
            layout,
            |k, o| write_comparator(k, o, c),
        )
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        let comparator = copy_comparator(kryo, &self.comparator)?;
        Ok(PriorityQueue {
            heap: copy_elements(kryo, self.heap.iter())?,
            comparator,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::Input;

    use crate::serializers::collection::written as bytes;

    #[test]
    fn spec_vectors() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let s = |v: &str| v.to_string();
        assert_eq!(
            bytes(&mut kryo, &TreeSet::from(vec![s("b"), s("a")])),
            [0x83, 0x00, 0x03, 0x00, 0x82, 0x61, 0x82, 0x62]
        );
        assert_eq!(bytes(&mut kryo, &TreeSet::<String>::new()), [0x01, 0x00]);
        let q: PriorityQueue<i32> = [3, 1].into_iter().collect();
        assert_eq!(bytes(&mut kryo, &q), [0x83, 0x00, 0x02, 0x00, 0x02, 0x06]);
        let m: ConcurrentSkipListMap<String, String> = vec![(s("k"), s("v"))].into();
        assert_eq!(
            bytes(&mut kryo, &m),
            [0x02, 0x00, 0x03, 0x82, 0x6b, 0x03, 0x82, 0x76]
        );
    }

    #[test]
    fn reverse_comparator_by_name() {
        let mut kryo = crate::serializers::value::testing::lenient();
        kryo.set_registration_required(false);
        kryo.set_warn_unregistered_classes(false);
        kryo.add_class::<ReverseComparator>();
        let s = |v: &str| v.to_string();
        let set = TreeSet::with_comparator(vec![s("a"), s("b")], ReverseComparator);
        let b = bytes(&mut kryo, &set);
        let mut want = vec![0x83, 0x01, 0x00];
        want.extend_from_slice(b"java.util.Collections$ReverseComparato");
        want.extend_from_slice(&[b'r' | 0x80, 0x03, 0x00, 0x82, 0x62, 0x82, 0x61]);
        assert_eq!(b, want);
        let back: TreeSet<String> = kryo.read_object(&mut Input::new(&b)).unwrap();
        assert_eq!(back, set);
    }

    #[test]
    fn equal_keys_keep_first_key_and_last_value() {
        let m: TreeMap<i32, &str> = vec![(2, "a"), (1, "b"), (2, "c")].into();
        assert_eq!(m.sorted(), [(&1, &"b"), (&2, &"c")]);
    }
}
