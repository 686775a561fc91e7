//! `java.util.BitSet` (format spec 8.17): `uvarint(n)` (no null form),
//! then the `n` words of `toLongArray()` as 8 fixed bytes each.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::bitset::BitSet;
//! use kryo5_io::{Input, Output};
//!
//! let bits: BitSet = [0, 65].into_iter().collect();
//! let mut kryo = Kryo::new();
//! kryo.register::<BitSet>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &bits)?;
//! assert_eq!(out.as_slice()[..2], [0x02, 0x01]);
//! let back: BitSet = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert!(back.contains(65) && !back.contains(64));
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use super::value::{Value, invalid, value_type};
use crate::error::Result;
use crate::io::{In, Out};

/// A Java `BitSet`: bit `i` is bit `i % 64` of word `i / 64`. Trailing
/// zero words are never kept, as in Java, so equal sets are equal values.
///
/// ```
/// use kryo5_core::serializers::bitset::BitSet;
/// let mut bits = BitSet::new();
/// assert!(bits.insert(3));
/// assert_eq!(bits.words(), [8]);
/// assert!(bits.remove(3));
/// assert!(bits.words().is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BitSet {
    words: Vec<i64>,
}

impl BitSet {
    /// An empty set.
    ///
    /// ```
    /// let bits = kryo5_core::serializers::bitset::BitSet::new();
    /// assert!(bits.is_empty() && bits.words().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        BitSet::default()
    }

    /// Java's `BitSet.valueOf(long[])`.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// let bits = BitSet::from_words(vec![1, 0]);
    /// assert_eq!(bits.words(), [1]);
    /// ```
    #[must_use]
    pub fn from_words(mut words: Vec<i64>) -> Self {
        let used = words.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        words.truncate(used);
        BitSet { words }
    }

    /// Java's `toLongArray()`.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// assert_eq!(BitSet::from_iter([64]).words(), [0, 1]);
    /// ```
    #[must_use]
    pub fn words(&self) -> &[i64] {
        &self.words
    }

    /// Sets bit `i`; `false` if it was set.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// let mut bits = BitSet::new();
    /// assert!(bits.insert(1) && !bits.insert(1));
    /// ```
    pub fn insert(&mut self, i: usize) -> bool {
        let (w, mask) = (i / 64, 1i64 << (i % 64));
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        let was = self.words[w] & mask != 0;
        self.words[w] |= mask;
        !was
    }

    /// Clears bit `i`; `false` if it was clear.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// assert!(!BitSet::new().remove(9));
    /// ```
    pub fn remove(&mut self, i: usize) -> bool {
        let (w, mask) = (i / 64, 1i64 << (i % 64));
        let Some(word) = self.words.get_mut(w) else {
            return false;
        };
        let was = *word & mask != 0;
        *word &= !mask;
        let used = self
            .words
            .iter()
            .rposition(|&w| w != 0)
            .map_or(0, |i| i + 1);
        self.words.truncate(used);
        was
    }

    /// Whether bit `i` is set.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// assert!(BitSet::from_iter([5]).contains(5));
    /// ```
    #[must_use]
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1i64 << (i % 64)) != 0)
    }

    /// The number of set bits (`cardinality()`).
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// assert_eq!(BitSet::from_iter([1, 100]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether no bit is set.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// assert!(BitSet::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The set bits, ascending.
    ///
    /// ```
    /// use kryo5_core::serializers::bitset::BitSet;
    /// let v: Vec<usize> = BitSet::from_iter([70, 2]).iter().collect();
    /// assert_eq!(v, [2, 70]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |b| word & (1i64 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

impl FromIterator<usize> for BitSet {
    fn from_iter<T: IntoIterator<Item = usize>>(iter: T) -> Self {
        let mut bits = BitSet::new();
        for i in iter {
            bits.insert(i);
        }
        bits
    }
}

impl Value for BitSet {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        let n = i32::try_from(self.words.len()).map_err(|_| {
            crate::Error::new(crate::ErrorKind::InvalidArgument("BitSet too large".into()))
        })?;
        out.write_var_int(n, true)?;
        out.write_longs(&self.words)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let n = input.read_var_int(true)?;
        let n = usize::try_from(n)
            .map_err(|_| invalid(at, format_args!("negative BitSet length {n}")))?;
        Ok(BitSet::from_words(input.read_longs(n)?))
    }
}

value_type!(BitSet, "java.util.BitSet", final: false, immutable: false);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KryoType;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        let mut kryo = crate::serializers::value::testing::lenient();
        for (bits, want) in [
            (
                BitSet::from_iter([0, 65]),
                vec![0x02, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0],
            ),
            (BitSet::new(), vec![0x00]),
        ] {
            let mut out = Output::new();
            kryo.write_object(&mut out, &bits).unwrap();
            assert_eq!(out.as_slice(), want);
            assert_eq!(
                kryo.read_object::<BitSet, _>(&mut Input::new(&want))
                    .unwrap(),
                bits
            );
            for n in 0..want.len() {
                assert!(
                    kryo.read_object::<BitSet, _>(&mut Input::new(&want[..n]))
                        .is_err()
                );
            }
        }
        const { assert!(!BitSet::FINAL) };
    }

    #[test]
    fn trailing_zero_words_are_dropped_and_huge_lengths_fail() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let b = [0x02, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let bits: BitSet = kryo.read_object(&mut Input::new(&b)).unwrap();
        assert_eq!(bits.words(), [1]);
        assert!(
            kryo.read_object::<BitSet, _>(&mut Input::new(&[0xff, 0xff, 0xff, 0xff, 0x07]))
                .is_err()
        );
        assert!(
            kryo.read_object::<BitSet, _>(&mut Input::new(&[0xff, 0xff, 0xff, 0xff, 0x0f]))
                .is_err()
        );
    }
}
