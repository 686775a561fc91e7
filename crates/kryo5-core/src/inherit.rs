//! Java class hierarchies for `#[derive(Kryo)]`: a struct's fields one at a
//! time, so a subclass can interleave its superclass's fields with its own.
//!
//! Java's `FieldSerializer` sorts the fields of a class and all its
//! superclasses together, by name (format spec 9.2): superclass fields are
//! neither first nor last. A derived struct marks the field holding its
//! superclass part with `#[kryo(extends)]`; the derive merges the two sorted
//! name lists at compile time ([`merge`]) and writes and reads through
//! [`Fields`], which every derived struct implements.
//!
//! For `Parent { z, b, x }` and `Child extends Parent { a, m, x }`, Java
//! writes `a b m x(Child) x(Parent) z`; the `kryo5` crate's tests hold this
//! spec example and Java-checked hierarchies.

use crate::{In, Kryo, KryoType, Out, Result};

/// What the serializers of the field-serializer family need to know of a
/// field beyond its value: its Java name and its annotations.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The Java field name.
    pub name: &'static str,
    /// `@Tag(n)` (TaggedFieldSerializer); `None` for an untagged field.
    pub tag: Option<u32>,
    /// `@Deprecated`: read but not written by TaggedFieldSerializer.
    pub deprecated: bool,
    /// `@Since(n)` (VersionFieldSerializer), 0 by default.
    pub since: u32,
}

impl FieldInfo {
    /// A field with only a name.
    #[must_use]
    pub const fn named(name: &'static str) -> Self {
        FieldInfo {
            name,
            tag: None,
            deprecated: false,
            since: 0,
        }
    }
}

/// A derived struct's serialized fields, addressable one by one in Java's
/// order (its own and its superclasses' together). Implemented by
/// `#[derive(Kryo)]`; the derive's support, not an API to implement.
#[doc(hidden)]
pub trait Fields: KryoType {
    /// Every serialized field, in the order Java writes them.
    const FIELDS: &'static [FieldInfo];

    /// A value to read fields into (Java's no-argument constructor):
    /// `Default::default()`, or `None` for a type without `Default`.
    fn fresh() -> Option<Self>;

    /// Writes field `i` of [`Fields::FIELDS`]; `direct`: whether the
    /// class being written has direct `String` fields (format spec 7.5).
    ///
    /// # Errors
    /// As [`KryoType::write`].
    fn write_field<O: Out + ?Sized>(
        &self,
        i: usize,
        kryo: &mut Kryo,
        out: &mut O,
        args: bool,
        direct: bool,
    ) -> Result<()>;

    /// Reads field `i` of [`Fields::FIELDS`] into `self`.
    ///
    /// # Errors
    /// As [`KryoType::read`].
    fn read_field<'de, I: In<'de> + ?Sized>(
        &mut self,
        i: usize,
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
        direct: bool,
    ) -> Result<()>;

    /// Writes field `i` as the compatible serializers do with unknown-data
    /// support (format spec 10.1): the class of its value (`00` for null,
    /// then nothing), then the value as a field of that exact class that
    /// cannot be null.
    ///
    /// # Errors
    /// As [`KryoType::write`].
    fn write_field_with_class<O: Out + ?Sized>(
        &self,
        i: usize,
        kryo: &mut Kryo,
        out: &mut O,
        args: bool,
    ) -> Result<()>;

    /// Reads what [`Fields::write_field_with_class`] writes into field `i`;
    /// a null class leaves the field as it is (as Java leaves the value
    /// its constructor gave).
    ///
    /// # Errors
    /// [`crate::ErrorKind::WrongType`] when the class is not the field's;
    /// as [`KryoType::read`].
    fn read_field_with_class<'de, I: In<'de> + ?Sized>(
        &mut self,
        i: usize,
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<()>;
}

pub use crate::serializers::field_family::{
    read_required_with_default, read_with_default, write_with_default,
};

/// `Some(T::default())` when `T: Default`, else `None`, for a concrete `T`
/// (autoref specialization: the derive calls
/// `(&&Fresh::<Self>::NEW).fresh()` with both traits in scope).
#[doc(hidden)]
pub struct Fresh<T>(core::marker::PhantomData<fn() -> T>);

impl<T> Fresh<T> {
    /// The probe.
    pub const NEW: Self = Fresh(core::marker::PhantomData);
}

/// The `T: Default` arm of [`Fresh`].
#[doc(hidden)]
pub trait ViaDefault<T> {
    /// `Some(T::default())`.
    fn fresh(&self) -> Option<T>;
}

impl<T: Default> ViaDefault<T> for &Fresh<T> {
    fn fresh(&self) -> Option<T> {
        Some(T::default())
    }
}

/// The fallback arm of [`Fresh`].
#[doc(hidden)]
pub trait NoDefault<T> {
    /// `None`.
    fn fresh(&self) -> Option<T>;
}

impl<T> NoDefault<T> for Fresh<T> {
    fn fresh(&self) -> Option<T> {
        None
    }
}

/// One field in a subclass's order: its own field `n` or its superclass's
/// field `n` (indexes into the two sorted name lists).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The struct's own field.
    Own(u16),
    /// A field of the superclass part.
    Parent(u16),
}

/// Merges a class's own field names and its superclass's, both already in
/// Java's order, into the order Java writes them: by name, comparing UTF-16
/// code units, the subclass's field first when both declare the same name.
/// `N` must be the sum of the lengths (a compile-time error otherwise).
#[doc(hidden)]
#[must_use]
pub const fn merge<const N: usize>(own: &[FieldInfo], parent: &[FieldInfo]) -> [Step; N] {
    assert!(own.len() + parent.len() == N, "N is not the field count");
    let mut out = [Step::Own(0); N];
    let (mut i, mut j, mut k) = (0, 0, 0);
    while k < N {
        let take_own =
            i < own.len() && (j == parent.len() || !utf16_less(parent[j].name, own[i].name));
        if take_own {
            out[k] = Step::Own(i as u16);
            i += 1;
        } else {
            out[k] = Step::Parent(j as u16);
            j += 1;
        }
        k += 1;
    }
    out
}

/// The fields of a merged order (see [`merge`]).
#[doc(hidden)]
#[must_use]
pub const fn merged_fields<const N: usize>(
    order: &[Step; N],
    own: &[FieldInfo],
    parent: &[FieldInfo],
) -> [FieldInfo; N] {
    let mut out = [FieldInfo::named(""); N];
    let mut k = 0;
    while k < N {
        out[k] = match order[k] {
            Step::Own(i) => own[i as usize],
            Step::Parent(i) => parent[i as usize],
        };
        k += 1;
    }
    out
}

/// `a < b` comparing UTF-16 code units, as Java's `String.compareTo`.
const fn utf16_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ca, la) = decode(a, i);
        let (cb, lb) = decode(b, j);
        if ca != cb {
            let (ua, ub) = (first_unit(ca), first_unit(cb));
            // Same lead surrogate: the trail surrogates order as the code points.
            return if ua == ub { ca < cb } else { ua < ub };
        }
        i += la;
        j += lb;
    }
    i == a.len() && j < b.len()
}

/// The code point at `bytes[i]` of valid UTF-8, and its length.
const fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    let len = if b0 < 0x80 {
        return (b0, 1);
    } else if b0 < 0xe0 {
        2
    } else if b0 < 0xf0 {
        3
    } else {
        4
    };
    let mut c = b0 & (0x7f >> len);
    let mut k = 1;
    while k < len {
        c = c << 6 | (bytes[i + k] & 0x3f) as u32;
        k += 1;
    }
    (c, len)
}

/// The first UTF-16 code unit of a code point.
const fn first_unit(c: u32) -> u32 {
    if c >= 0x1_0000 {
        0xd800 + ((c - 0x1_0000) >> 10)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_order_puts_supplementary_before_private_use() {
        assert!(utf16_less("B", "Z") && utf16_less("Z", "_x") && utf16_less("_x", "a"));
        assert!(utf16_less("a", "é") && utf16_less("a", "ab") && !utf16_less("ab", "ab"));
        // U+10000 is D800 DC00 in UTF-16: before U+E000, though after it
        // in code point (and UTF-8) order.
        assert!(utf16_less("\u{10000}", "\u{e000}") && !utf16_less("\u{e000}", "\u{10000}"));
        assert!(utf16_less("\u{10000}", "\u{10001}"));
    }

    #[test]
    fn merge_interleaves_and_puts_the_subclass_first_on_equal_names() {
        const fn f(name: &'static str) -> FieldInfo {
            FieldInfo::named(name)
        }
        const OWN: [FieldInfo; 3] = [f("a"), f("m"), f("x")];
        const PARENT: [FieldInfo; 3] = [f("b"), f("x"), f("z")];
        const ORDER: [Step; 6] = merge(&OWN, &PARENT);
        use Step::{Own, Parent};
        assert_eq!(
            ORDER,
            [Own(0), Parent(0), Own(1), Own(2), Parent(1), Parent(2)]
        );
        let names = merged_fields(&ORDER, &OWN, &PARENT).map(|f| f.name);
        assert_eq!(names, ["a", "b", "m", "x", "x", "z"]);
        assert_eq!(merge::<0>(&[], &[]), []);
    }
}
