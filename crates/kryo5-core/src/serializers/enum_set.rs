//! `java.util.EnumSet` (format spec 8.8): [`EnumSet<E>`] over a Java enum
//! `E` ([`JavaEnum`], implemented by `#[derive(Kryo)]` on enums).
//!
//! Kryo writes the class of the enum, `uvarint(size)`, then each constant
//! with the enum's serializer (`uvarint(ordinal + 1)`), in ordinal order.
//! The set's own class is `java.util.RegularEnumSet` (enums of up to 64
//! constants) or `java.util.JumboEnumSet`; with no registration of their
//! own both take `EnumSet`'s. Registering any `EnumSet<E>` with an id is
//! Java's `register(EnumSet.class)`: one id for every enum's sets. Known by
//! name only, a set is written under its own class name, as in Java.
//!
//! Where the class is read from the data (an `Object` position), a set
//! reads as the `EnumSet<E>` registered last: Java picks the enum from the
//! element class written next, kryo5 from the registration.
//!
//! ```
//! use kryo5_core::serializers::enum_set::{EnumSet, JavaEnum};
//! # use std::borrow::Cow;
//! # use kryo5_core::{In, Kryo, KryoType, Out, Result};
//! # #[derive(Clone, Copy, Debug, PartialEq)]
//! # enum Color { Red, Green, Blue }
//! # // What #[derive(Kryo)] writes for an enum (kryo5-core's tests cannot use the derive).
//! # impl KryoType for Color {
//! #     fn java_class() -> Cow<'static, str> { Cow::Borrowed("Color") }
//! #     const FINAL: bool = true;
//! #     const REFERENCES: bool = false;
//! #     fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
//! #         out.write_var_int(self.ordinal() as i32 + 1, true)?; Ok(())
//! #     }
//! #     fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
//! #         let n = input.read_var_int(true)? as u32;
//! #         Ok(Self::from_ordinal(n.wrapping_sub(1)).unwrap())
//! #     }
//! # }
//! # impl JavaEnum for Color {
//! #     const CONSTANTS: u32 = 3;
//! #     fn ordinal(&self) -> u32 { *self as u32 }
//! #     fn from_ordinal(o: u32) -> Option<Self> { [Color::Red, Color::Green, Color::Blue].get(o as usize).copied() }
//! #     fn name(&self) -> &'static str { ["RED", "GREEN", "BLUE"][*self as usize] }
//! #     fn from_name(n: &str) -> Option<Self> { ["RED", "GREEN", "BLUE"].iter().position(|c| *c == n).and_then(|o| Self::from_ordinal(o as u32)) }
//! # }
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<Color>(); // id 9
//! kryo.register::<EnumSet<Color>>(); // java.util.EnumSet, id 10
//! let set: EnumSet<Color> = [Color::Blue, Color::Green].into_iter().collect();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &set)?;
//! assert_eq!(out.as_slice(), &[0x0b, 0x02, 0x02, 0x03]); // class 9, 2 elements, ordinals 1 and 2
//! let back: EnumSet<Color> = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back.iter().collect::<Vec<_>>(), [Color::Green, Color::Blue]);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use super::bitset::BitSet;
use super::value::{cloned_value, invalid};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::KryoType;

/// A Java enum type: its constants by ordinal. `#[derive(Kryo)]`
/// implements it for enums.
pub trait JavaEnum: KryoType + Clone {
    /// The number of constants (one more than the largest ordinal).
    const CONSTANTS: u32;
    /// The constant's ordinal.
    fn ordinal(&self) -> u32;
    /// The constant with this ordinal.
    fn from_ordinal(ordinal: u32) -> Option<Self>;
    /// The constant's Java name (`Enum.name()`).
    fn name(&self) -> &'static str;
    /// The constant with this Java name (`Enum.valueOf`).
    fn from_name(name: &str) -> Option<Self>;
}

/// A set of constants of the enum `E`, in ordinal order (Java's
/// `EnumSet`): a bit set of ordinals.
///
/// ```
/// use kryo5_core::serializers::enum_set::{EnumSet, JavaEnum};
/// # use std::borrow::Cow;
/// # use kryo5_core::{In, Kryo, KryoType, Out, Result};
/// # #[derive(Clone, Copy, Debug, PartialEq)]
/// # enum Color { Red, Green, Blue }
/// # impl KryoType for Color {
/// #     fn java_class() -> Cow<'static, str> { Cow::Borrowed("Color") }
/// #     const FINAL: bool = true;
/// #     fn write<O: Out + ?Sized>(&self, _: &mut Kryo, _: &mut O, _: bool) -> Result<()> { Ok(()) }
/// #     fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, _: &mut I, _: bool) -> Result<Self> { Ok(Color::Red) }
/// # }
/// # impl JavaEnum for Color {
/// #     const CONSTANTS: u32 = 3;
/// #     fn ordinal(&self) -> u32 { *self as u32 }
/// #     fn from_ordinal(o: u32) -> Option<Self> { [Color::Red, Color::Green, Color::Blue].get(o as usize).copied() }
/// #     fn name(&self) -> &'static str { ["RED", "GREEN", "BLUE"][*self as usize] }
/// #     fn from_name(n: &str) -> Option<Self> { ["RED", "GREEN", "BLUE"].iter().position(|c| *c == n).and_then(|o| Self::from_ordinal(o as u32)) }
/// # }
/// // Color: a #[derive(Kryo)] enum RED, GREEN, BLUE.
/// let mut set = EnumSet::<Color>::new();
/// assert!(set.is_empty());
/// assert!(set.insert(&Color::Blue) && set.insert(&Color::Red));
/// assert!(!set.insert(&Color::Red));
/// assert!(set.contains(&Color::Blue) && !set.contains(&Color::Green));
/// assert_eq!(set.iter().collect::<Vec<_>>(), [Color::Red, Color::Blue]);
/// assert!(set.remove(&Color::Red) && set.len() == 1);
/// assert_eq!(EnumSet::<Color>::all().len(), 3);
/// ```
pub struct EnumSet<E> {
    bits: BitSet,
    _enum: PhantomData<fn() -> E>,
}

impl<E: JavaEnum> EnumSet<E> {
    /// An empty set (`EnumSet.noneOf`).
    #[must_use]
    pub fn new() -> Self {
        EnumSet {
            bits: BitSet::new(),
            _enum: PhantomData,
        }
    }

    /// Every constant (`EnumSet.allOf`).
    #[must_use]
    pub fn all() -> Self {
        (0..E::CONSTANTS).filter_map(E::from_ordinal).collect()
    }

    /// Adds `e`; `false` if it was there.
    pub fn insert(&mut self, e: &E) -> bool {
        self.bits.insert(e.ordinal() as usize)
    }

    /// Removes `e`; `false` if it was not there.
    pub fn remove(&mut self, e: &E) -> bool {
        self.bits.remove(e.ordinal() as usize)
    }

    /// Whether `e` is in the set.
    #[must_use]
    pub fn contains(&self, e: &E) -> bool {
        self.bits.contains(e.ordinal() as usize)
    }

    /// The number of constants in the set.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bits.len()
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    /// The constants, in ordinal order.
    pub fn iter(&self) -> impl Iterator<Item = E> + '_ {
        self.bits.iter().filter_map(|o| E::from_ordinal(o as u32))
    }
}

impl<E: JavaEnum> Default for EnumSet<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for EnumSet<E> {
    fn clone(&self) -> Self {
        EnumSet {
            bits: self.bits.clone(),
            _enum: PhantomData,
        }
    }
}

impl<E> PartialEq for EnumSet<E> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<E> Eq for EnumSet<E> {}

impl<E> Hash for EnumSet<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl<E: JavaEnum + fmt::Debug> fmt::Debug for EnumSet<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<E: JavaEnum> FromIterator<E> for EnumSet<E> {
    fn from_iter<T: IntoIterator<Item = E>>(iter: T) -> Self {
        let mut set = EnumSet::new();
        set.extend(iter);
        set
    }
}

impl<E: JavaEnum> Extend<E> for EnumSet<E> {
    fn extend<T: IntoIterator<Item = E>>(&mut self, iter: T) {
        for e in iter {
            self.insert(&e);
        }
    }
}

/// `EnumSetSerializer`: the enum's class, `uvarint(size)`, the constants.
impl<E: JavaEnum + Send + Sync> KryoType for EnumSet<E> {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed(if E::CONSTANTS <= 64 {
            "java.util.RegularEnumSet"
        } else {
            "java.util.JumboEnumSet"
        })
    }
    /// Java fields are declared `EnumSet`, an abstract class.
    const FINAL: bool = false;

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        if E::CONSTANTS == 0 {
            return Err(Error::new(ErrorKind::InvalidArgument(
                "an EnumSet must have a defined Enum to be serialized".into(),
            )));
        }
        kryo.write_class::<E, O>(out)?;
        // At most 2^32 constants fit a u32 ordinal.
        out.write_var_int(self.len() as i32, true)?;
        for e in self.iter() {
            kryo.write_payload(out, &e, false)?;
        }
        Ok(())
    }

    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        let at = input.total();
        if !kryo.read_class_expect::<E, I>(input)? {
            return Err(invalid(
                at,
                format_args!("an EnumSet without an element class"),
            ));
        }
        // Java loops `for (i = 0; i < size; i++)`: a negative size is empty.
        let n = input.read_var_int(true)?.max(0);
        let mut set = EnumSet::new();
        for i in 0..n {
            let e = kryo
                .read_payload::<E, I>(input, false)
                .map_err(|err| err.in_element(i as usize))?;
            set.insert(&e);
        }
        Ok(set)
    }

    cloned_value!();
}
