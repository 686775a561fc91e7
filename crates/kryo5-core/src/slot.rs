//! Process-wide indexes for Rust types, so that each [`Kryo`](crate::Kryo)
//! finds a type's registration in a vector instead of a hash table keyed
//! by `TypeId` (a lookup done for every object written or read).
//!
//! `#[derive(Kryo)]` gives every derived type a [`TypeSlot`] through
//! [`KryoType::type_slot`](crate::KryoType::type_slot); types without one
//! keep the hash-table lookup.

use std::sync::atomic::{AtomicU32, Ordering};

/// A type's index, assigned at its first use and the same in every `Kryo`
/// of the process. Indexes are dense from 0, one per type that has a slot.
///
/// ```
/// use kryo5_core::slot::TypeSlot;
///
/// static A: TypeSlot = TypeSlot::new();
/// static B: TypeSlot = TypeSlot::new();
/// assert_ne!(A.index(), B.index());
/// assert_eq!(A.index(), A.index());
/// ```
#[derive(Debug)]
pub struct TypeSlot(AtomicU32);

impl TypeSlot {
    /// An unassigned slot, for a `static`.
    #[must_use]
    pub const fn new() -> Self {
        TypeSlot(AtomicU32::new(0))
    }

    /// The type's index.
    #[inline]
    pub fn index(&self) -> usize {
        match self.0.load(Ordering::Relaxed) {
            0 => self.assign(),
            i => i as usize - 1,
        }
    }

    #[cold]
    fn assign(&self) -> usize {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let fresh = NEXT.fetch_add(1, Ordering::Relaxed);
        // Another thread may have assigned it first: its index wins (the
        // fresh one is left unused).
        match self
            .0
            .compare_exchange(0, fresh, Ordering::Relaxed, Ordering::Relaxed)
        {
            Ok(_) => fresh as usize - 1,
            Err(first) => first as usize - 1,
        }
    }
}

impl Default for TypeSlot {
    fn default() -> Self {
        TypeSlot::new()
    }
}

/// The [`KryoType::type_slot`](crate::KryoType::type_slot) method giving
/// the implementing type a slot of its own, for use inside an
/// `impl KryoType` (what `#[derive(Kryo)]` writes). Only for types whose
/// values all have the type's own Java class (no
/// [`KryoType::class_name`](crate::KryoType::class_name) override).
///
/// ```
/// use std::borrow::Cow;
/// use kryo5_core::{In, Kryo, KryoType, Out, Result};
///
/// struct Id(i32);
/// impl KryoType for Id {
///     fn java_class() -> Cow<'static, str> { Cow::Borrowed("com.example.Id") }
///     const FINAL: bool = true;
///     fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
///         out.write_int(self.0)?;
///         Ok(())
///     }
///     fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
///         Ok(Id(input.read_int()?))
///     }
///     kryo5_core::type_slot_fn!();
/// }
/// assert!(Id::type_slot().is_some());
/// ```
#[macro_export]
macro_rules! type_slot_fn {
    () => {
        #[inline]
        fn type_slot() -> ::std::option::Option<&'static $crate::slot::TypeSlot> {
            static SLOT: $crate::slot::TypeSlot = $crate::slot::TypeSlot::new();
            ::std::option::Option::Some(&SLOT)
        }
    };
}
