//! The codec's per-class decisions, computed once: a class's serializer
//! family and its field slots for each binding of its type arguments.
//!
//! A [`Codec`] never changes its schema, so nothing here is ever stale;
//! a walk asks the cache instead of re-deriving the decisions for every
//! object (field sorting, type-variable binding, name parsing).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use kryo5_core::{Out, Result};

use crate::codec::{Codec, Kind, Slot};
use crate::jtype::JType;
use crate::schema::{ClassDef, Schema};

/// The decisions cached by one codec.
#[derive(Default)]
pub(crate) struct Decisions {
    /// Class name to its family.
    kinds: RefCell<ByName<Family>>,
    /// Class name to the slots of each binding of its type parameters.
    slots: RefCell<ByName<Vec<Bound>>>,
    /// Class name (schema form) to its JVM name.
    jvm_names: RefCell<ByName<String>>,
}

/// A map keyed by class name, hashed with FNV-1a: class names are short
/// and the map is consulted for every value, where SipHash showed in the
/// profile. Only classes the codec knows are stored.
type ByName<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash (64 bits).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The slots of a class with its type parameters bound to these arguments.
type Bound = (Vec<JType>, Arc<[Slot]>);

/// A cached serializer family: one that borrows nothing, or a class of
/// the schema by its index (its family follows from its definition).
#[derive(Clone)]
enum Family {
    Fixed(Kind<'static>),
    Described(usize),
}

impl Codec {
    /// The serializer family of `class` (schema or JVM name), `schema`
    /// being this codec's schema (a clone of its `Arc` lets the caller
    /// keep the family while walking mutably).
    pub(crate) fn kind_in<'s>(&self, schema: &'s Schema, class: &str) -> Result<Kind<'s>> {
        let cached = self.decisions.kinds.borrow().get(class).cloned();
        let family = match cached {
            Some(f) => f,
            None => {
                let f = match crate::codec::fixed_kind(class) {
                    Some(k) => Family::Fixed(k),
                    None => Family::Described(crate::codec::described(schema, class)?),
                };
                let mut kinds = self.decisions.kinds.borrow_mut();
                kinds.insert(class.to_owned(), f.clone());
                f
            }
        };
        Ok(match family {
            Family::Fixed(k) => k,
            Family::Described(i) => crate::codec::def_kind(&schema.classes[i]),
        })
    }

    /// The serializer family of `class` (schema or JVM name).
    pub(crate) fn kind(&self, class: &str) -> Result<Kind<'_>> {
        self.kind_in(&self.schema, class)
    }

    /// The fields of `class` (and its superclasses) in Kryo's order, with
    /// the class's type variables bound to `args`; computed once per
    /// class and arguments.
    pub(crate) fn slots(&self, class: &ClassDef, args: &[JType]) -> Result<Arc<[Slot]>> {
        let hit = self
            .decisions
            .slots
            .borrow()
            .get(&class.name)
            .and_then(|bound| bound.iter().find(|b| b.0 == args))
            .map(|b| Arc::clone(&b.1));
        if let Some(slots) = hit {
            return Ok(slots);
        }
        let slots: Arc<[Slot]> = self.compute_slots(class, args)?.into();
        let mut cache = self.decisions.slots.borrow_mut();
        let bound = cache.entry(class.name.clone()).or_default();
        bound.push((args.to_vec(), Arc::clone(&slots)));
        Ok(slots)
    }

    /// Writes the class descriptor of `class` (schema form) under its JVM
    /// name, which is derived once per class.
    pub(crate) fn write_class(&mut self, out: &mut dyn Out, class: &str) -> Result<()> {
        let mut names = self.decisions.jvm_names.borrow_mut();
        if let Some(name) = names.get(class) {
            return self.kryo.write_class_named(out, name);
        }
        let name = crate::codec::jvm_name(class);
        let r = self.kryo.write_class_named(out, &name);
        names.insert(class.to_owned(), name);
        r
    }
}
