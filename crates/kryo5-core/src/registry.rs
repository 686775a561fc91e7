//! Class registrations: Java class names, ids, and how to read a value of
//! each class when its type is only known at run time.

use std::any::TypeId;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Result;
use crate::io::In;
use crate::kryo::Kryo;
use crate::slot::TypeSlot;
use crate::types::{KryoType, Object};

/// What a dynamic reader reads, the class being known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DynRead {
    /// The rest of `readClassAndObject` after the class descriptor: a
    /// reference marker where references apply, then the payload.
    AfterClass,
    /// `readObject` with the class's serializer (one level deeper).
    Object,
    /// `readObjectOrNull` with the class's serializer.
    ObjectOrNull,
}

/// Reads a value of a registered class as a dynamic value (`None`: Java
/// `null`, only from [`DynRead::ObjectOrNull`]).
pub(crate) type ReadDyn =
    for<'a, 'de> fn(&'a mut Kryo, &'a mut dyn In<'de>, DynRead) -> Result<Option<Box<dyn Object>>>;

/// One class Kryo knows.
#[derive(Clone, Debug)]
pub(crate) struct Registration {
    /// The registration id, or `None` for a class known by name only
    /// (Java's implicit registration with id -1).
    pub(crate) id: Option<u32>,
    /// `Class.getName()`.
    pub(crate) name: Cow<'static, str>,
    /// How to read a value of the class as a dynamic value.
    pub(crate) read_dyn: Option<ReadDyn>,
    /// Whether references were off when the class's serializer was made
    /// (at registration; for a class known by name only, at its first
    /// use, as Java's implicit registration): Kryo's field serializer then
    /// writes `String` fields directly (format spec section 7.5). `None`
    /// until decided.
    pub(crate) strings_direct: Option<bool>,
}

/// Index of a registration.
pub(crate) type RegIndex = usize;

/// The hasher of the tables looked up on every object written or read
/// (by Rust type, by registration id): their keys are a `TypeId` (already a
/// hash) or a small id, so one multiply spreads them well, where SipHash
/// took about a fifth of writing a small graph. Only the program inserts
/// keys (its types and registrations), so there is nothing to flood.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u32(&mut self, v: u32) {
        self.write_u64(u64::from(v));
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = self.0.rotate_left(32) ^ v;
    }

    fn finish(&self) -> u64 {
        // Fibonacci hashing: the product's high bits (which hashbrown uses
        // for its control bytes) depend on every bit of the key.
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// A map keyed by type or id, hashed with [`IdHasher`].
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// The class table of one [`Kryo`].
#[derive(Debug, Default)]
pub(crate) struct Registry {
    regs: Vec<Registration>,
    by_id: IdMap<u32, RegIndex>,
    by_name: HashMap<Cow<'static, str>, RegIndex>,
    by_type: IdMap<TypeId, RegIndex>,
    /// The same by [`TypeSlot`](crate::slot::TypeSlot) index, for types
    /// that have one.
    by_slot: Vec<Option<RegIndex>>,
    /// Kryo's `nextRegisterID`: the next id `register` tries.
    next_id: u32,
}

/// Java wrapper class names that share the registration of their primitive.
const WRAPPERS: [(&str, &str); 8] = [
    ("java.lang.Integer", "int"),
    ("java.lang.Float", "float"),
    ("java.lang.Boolean", "boolean"),
    ("java.lang.Byte", "byte"),
    ("java.lang.Character", "char"),
    ("java.lang.Short", "short"),
    ("java.lang.Long", "long"),
    ("java.lang.Double", "double"),
];

/// The JDK's two `EnumSet` classes. Without a registration of their own
/// they take `java.util.EnumSet`'s (Kryo's `getRegistration`), and
/// registering either with an id registers `EnumSet` (Java code registers
/// `EnumSet.class`, the only one it can name).
const ENUM_SETS: [&str; 2] = ["java.util.RegularEnumSet", "java.util.JumboEnumSet"];
const ENUM_SET: &str = "java.util.EnumSet";

impl Registry {
    /// The registration for a class name, resolving wrappers to their
    /// primitives, and `EnumSet` implementations without a registration of
    /// their own to `EnumSet`'s.
    pub(crate) fn by_name(&self, name: &str) -> Option<RegIndex> {
        let name = WRAPPERS
            .iter()
            .find(|(w, _)| *w == name)
            .map_or(name, |(_, p)| p);
        self.by_name.get(name).copied().or_else(|| {
            ENUM_SETS
                .contains(&name)
                .then(|| self.by_name.get(ENUM_SET).copied())
                .flatten()
        })
    }

    /// The registration with this id.
    pub(crate) fn by_id(&self, id: u32) -> Option<RegIndex> {
        self.by_id.get(&id).copied()
    }

    /// The registration of Rust type `T` (by its Java class name), cached
    /// by type.
    #[inline]
    pub(crate) fn of<T: KryoType>(&mut self) -> Option<RegIndex> {
        self.of_slot(T::type_slot(), TypeId::of::<T>(), T::java_class)
    }

    /// The registration of a type with `slot` (if it has one), `key` its
    /// `TypeId` (or a borrowed type's `BorrowType::Key`), `name()` its
    /// class: through the slot when it has one, else the `TypeId` table.
    #[inline]
    pub(crate) fn of_slot(
        &mut self,
        slot: Option<&TypeSlot>,
        key: TypeId,
        name: fn() -> Cow<'static, str>,
    ) -> Option<RegIndex> {
        if let Some(slot) = slot {
            let k = slot.index();
            if let Some(&Some(i)) = self.by_slot.get(k) {
                return Some(i);
            }
            return self.fill_slot(k, key, name);
        }
        self.of_key(key, name)
    }

    /// [`Registry::of_slot`] for a type whose slot `k` is not filled yet.
    #[cold]
    #[inline(never)]
    fn fill_slot(
        &mut self,
        k: usize,
        key: TypeId,
        name: fn() -> Cow<'static, str>,
    ) -> Option<RegIndex> {
        let i = self.of_key(key, name)?;
        if self.by_slot.len() <= k {
            self.by_slot.resize(k + 1, None);
        }
        self.by_slot[k] = Some(i);
        Some(i)
    }

    /// The registration of the class named `name()`, cached under `key`
    /// (the `TypeId` of a type standing for it: a `KryoType`, or a
    /// borrowed type's `BorrowType::Key`).
    #[inline]
    pub(crate) fn of_key(
        &mut self,
        key: TypeId,
        name: impl FnOnce() -> Cow<'static, str>,
    ) -> Option<RegIndex> {
        if let Some(&i) = self.by_type.get(&key) {
            return Some(i);
        }
        let i = self.by_name(&name())?;
        self.by_type.insert(key, i);
        Some(i)
    }

    /// The registration itself.
    pub(crate) fn get(&self, i: RegIndex) -> &Registration {
        &self.regs[i]
    }

    /// The registration itself, to change.
    pub(crate) fn get_mut(&mut self, i: RegIndex) -> &mut Registration {
        &mut self.regs[i]
    }

    /// Adds or updates the registration of `name`: with `id` (an explicit
    /// id, or `None` for the next free one), or by name only (`numbered`
    /// false). Returns the index.
    pub(crate) fn register(
        &mut self,
        name: Cow<'static, str>,
        id: Option<u32>,
        numbered: bool,
        read_dyn: Option<ReadDyn>,
        strings_direct: Option<bool>,
    ) -> RegIndex {
        let name = if (numbered || id.is_some()) && ENUM_SETS.contains(&&*name) {
            Cow::Borrowed(ENUM_SET)
        } else {
            name
        };
        if let Some(i) = self.by_name(&name) {
            // Java keeps the old id unless a new explicit one is given.
            let reg = &mut self.regs[i];
            if read_dyn.is_some() {
                reg.read_dyn = read_dyn;
            }
            if reg.strings_direct.is_none() {
                reg.strings_direct = strings_direct;
            }
            if let Some(new_id) = id
                && reg.id != Some(new_id)
            {
                if let Some(old) = reg.id {
                    self.by_id.remove(&old);
                }
                reg.id = Some(new_id);
                // The class that held the id loses it, as below.
                if let Some(holder) = self.by_id.insert(new_id, i) {
                    self.regs[holder].id = None;
                }
            } else if numbered && reg.id.is_none() {
                let next = self.next_free();
                self.regs[i].id = Some(next);
                self.by_id.insert(next, i);
            }
            return i;
        }
        let id = match id {
            Some(id) => Some(id),
            None if numbered => Some(self.next_free()),
            None => None,
        };
        let i = self.regs.len();
        if let Some(id) = id {
            // An explicit id already in use is taken over, as in Java.
            if let Some(&old) = self.by_id.get(&id) {
                self.regs[old].id = None;
            }
            self.by_id.insert(id, i);
        }
        self.by_name.insert(name.clone(), i);
        self.regs.push(Registration {
            id,
            name,
            read_dyn,
            strings_direct,
        });
        i
    }

    /// Kryo's `getNextRegistrationId`: the lowest free id from the counter on.
    fn next_free(&mut self) -> u32 {
        while self.by_id.contains_key(&self.next_id) {
            self.next_id += 1;
        }
        self.next_id
    }

    /// The next id `register` would give.
    pub(crate) fn peek_next_id(&self) -> u32 {
        let mut id = self.next_id;
        while self.by_id.contains_key(&id) {
            id += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn ids_and_types_spread_over_the_top_bits() {
        let b = BuildHasherDefault::<IdHasher>::default();
        // hashbrown's control byte is the top 7 bits: small ids must not share it.
        let tops: std::collections::HashSet<u64> =
            (0u32..256).map(|i| b.hash_one(i) >> 57).collect();
        assert!(tops.len() > 100, "{}", tops.len());
        assert_ne!(
            b.hash_one(TypeId::of::<u8>()),
            b.hash_one(TypeId::of::<i8>())
        );
    }

    #[test]
    fn an_id_given_again_leaves_its_former_class() {
        let mut r = Registry::default();
        let a = r.register(Cow::Borrowed("A"), Some(10), false, None, None);
        let b = r.register(Cow::Borrowed("B"), Some(11), false, None, None);
        // `A` takes `B`'s id: the id and the registrations stay in step.
        assert_eq!(
            r.register(Cow::Borrowed("A"), Some(11), false, None, None),
            a
        );
        assert_eq!((r.get(a).id, r.get(b).id), (Some(11), None));
        assert_eq!((r.by_id(11), r.by_id(10)), (Some(a), None));
    }
}
