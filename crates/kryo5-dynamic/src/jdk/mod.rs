//! The JDK classes the codec knows without a schema entry: the serializer
//! family of each (collection and map layouts, value classes read through
//! kryo5-core's typed serializers, and the few serializers of their own:
//! `Optional`, `EnumSet`, `Collections.empty*`/`singleton*`).

mod iso;
mod leaf;

use std::collections::HashSet;

use kryo5_core::{Error, ErrorKind, In, NullForm, Out, Result};
use serde_json::{Value as Json, json};

use crate::codec::{Codec, How, Kind, wrong};
use crate::value::Value;
pub(crate) use leaf::Leaf;

/// A collection or map class's layout: whether a comparator comes first
/// (`writeClassAndObject(comparator)` after the size) and whether
/// elements may be null (Java 9's `List.of`/`Set.of`/`Map.of` may not,
/// which drops the null flag and markers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Coll {
    pub(crate) comparator: bool,
    pub(crate) nulls: bool,
}

const PLAIN: Coll = Coll {
    comparator: false,
    nulls: true,
};
const SORTED: Coll = Coll {
    comparator: true,
    nulls: true,
};
const NO_NULLS: Coll = Coll {
    comparator: false,
    nulls: false,
};

const COLLECTIONS: [(&str, Coll); 15] = [
    ("java.util.ArrayList", PLAIN),
    ("java.util.LinkedList", PLAIN),
    ("java.util.HashSet", PLAIN),
    ("java.util.LinkedHashSet", PLAIN),
    ("java.util.ArrayDeque", PLAIN),
    ("java.util.Vector", PLAIN),
    ("java.util.concurrent.CopyOnWriteArrayList", PLAIN),
    ("java.util.Arrays$ArrayList", PLAIN),
    ("java.util.TreeSet", SORTED),
    ("java.util.PriorityQueue", SORTED),
    ("java.util.ImmutableCollections$ListN", NO_NULLS),
    ("java.util.ImmutableCollections$List12", NO_NULLS),
    ("java.util.ImmutableCollections$SubList", NO_NULLS),
    ("java.util.ImmutableCollections$SetN", NO_NULLS),
    ("java.util.ImmutableCollections$Set12", NO_NULLS),
];

const MAPS: [(&str, Coll); 7] = [
    ("java.util.HashMap", PLAIN),
    ("java.util.LinkedHashMap", PLAIN),
    ("java.util.concurrent.ConcurrentHashMap", PLAIN),
    ("java.util.TreeMap", SORTED),
    ("java.util.concurrent.ConcurrentSkipListMap", SORTED),
    ("java.util.ImmutableCollections$MapN", NO_NULLS),
    ("java.util.ImmutableCollections$Map1", NO_NULLS),
];

/// The JDK classes with serializers of their own in the codec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Special {
    /// `Optional`: `writeClassAndObject(value)`, the null class when empty;
    /// a list of at most one element.
    Optional,
    /// `Collections.emptyList()`, `emptySet()`: no payload.
    Empty,
    /// `Collections.emptyMap()`: no payload.
    EmptyMap,
    /// `Collections.singletonList(x)`, `singleton(x)`:
    /// `writeClassAndObject(x)`.
    Singleton,
    /// `Collections.singletonMap(k, v)`: key and value with their classes.
    SingletonMap,
    /// `EnumSet`: the enum's class, `uvarint(size)`, the ordinals.
    EnumSet,
}

const SPECIALS: [(&str, Special); 10] = [
    ("java.util.Optional", Special::Optional),
    ("java.util.Collections$EmptyList", Special::Empty),
    ("java.util.Collections$EmptySet", Special::Empty),
    ("java.util.Collections$EmptyMap", Special::EmptyMap),
    ("java.util.Collections$SingletonList", Special::Singleton),
    ("java.util.Collections$SingletonSet", Special::Singleton),
    ("java.util.Collections$SingletonMap", Special::SingletonMap),
    ("java.util.EnumSet", Special::EnumSet),
    ("java.util.RegularEnumSet", Special::EnumSet),
    ("java.util.JumboEnumSet", Special::EnumSet),
];

/// The serializer family of a JDK class, if the codec knows it.
pub(crate) fn kind(class: &str) -> Option<Kind<'static>> {
    let find = |table: &[(&str, Coll)]| table.iter().find(|c| c.0 == class).map(|c| c.1);
    if let Some(c) = find(&COLLECTIONS) {
        return Some(Kind::Collection(c));
    }
    if let Some(c) = find(&MAPS) {
        return Some(Kind::Map(c));
    }
    if let Some(s) = SPECIALS.iter().find(|s| s.0 == class) {
        return Some(Kind::Special(s.1));
    }
    leaf::leaf_of(class).map(Kind::Leaf)
}

/// Java's final test for a JDK class the codec knows.
pub(crate) fn is_final(class: &str) -> bool {
    match kind(class) {
        Some(Kind::Leaf(l)) => l.is_final,
        Some(Kind::Special(s)) => s == Special::Optional,
        _ => false,
    }
}

/// The byte a serializer that accepts `null` writes for it.
pub(crate) fn null_byte(null: Option<NullForm>) -> u8 {
    match null {
        Some(NullForm::String) => 0x80,
        _ => 0,
    }
}

/// A value of a class with a list form holding `items`.
fn list(class: &str, items: Vec<Value>) -> Value {
    Value::List {
        class: class.to_owned(),
        items,
    }
}

impl Codec {
    /// The payload of a leaf class, through its core type.
    pub(crate) fn read_leaf(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        leaf: &Leaf,
    ) -> Result<Value> {
        let json = (leaf.read)(&mut self.kryo, input)?;
        Ok(if json.is_null() && leaf.null.is_some() {
            Value::Null
        } else {
            Value::Jdk {
                class: class.to_owned(),
                json,
            }
        })
    }

    /// Writes the payload of a leaf class through its core type.
    pub(crate) fn write_leaf(&mut self, out: &mut dyn Out, json: &Json, leaf: &Leaf) -> Result<()> {
        (leaf.write)(&mut self.kryo, out, json)
    }

    /// A comparator header: only natural ordering (the null class) has a
    /// JSON form.
    pub(crate) fn read_comparator(
        &mut self,
        input: &mut dyn In<'_>,
        refs: &mut HashSet<u32>,
    ) -> Result<()> {
        match self.read_at(input, &How::ClassAnd, &[], refs)? {
            Value::Null => Ok(()),
            v => Err(Error::new(ErrorKind::Unsupported(format!(
                "a comparator other than natural ordering ({})",
                v.class().unwrap_or_default()
            )))),
        }
    }

    /// The payload of a [`Special`] class.
    pub(crate) fn read_special(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        special: Special,
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let mut any = |codec: &mut Codec, input: &mut dyn In<'_>| {
            codec.read_at(input, &How::ClassAnd, &[], refs)
        };
        Ok(match special {
            Special::Optional => match any(self, input)? {
                Value::Null => list(class, Vec::new()),
                v => list(class, vec![v]),
            },
            Special::Empty => list(class, Vec::new()),
            Special::EmptyMap | Special::SingletonMap => {
                let mut entries = Vec::new();
                if special == Special::SingletonMap {
                    let k = any(self, input)?;
                    entries.push((k, any(self, input)?));
                }
                Value::Map {
                    class: class.to_owned(),
                    entries,
                }
            }
            Special::Singleton => {
                let v = any(self, input)?;
                list(class, vec![v])
            }
            Special::EnumSet => self.read_enum_set(input, class)?,
        })
    }

    /// `EnumSet` as `{"elementType": enum class, "constants": [names]}`.
    fn read_enum_set(&mut self, input: &mut dyn In<'_>, class: &str) -> Result<Value> {
        let at = input.total();
        let Some(e) = self.kryo.read_class_named(input)? else {
            return Err(Error::new(ErrorKind::InvalidData(
                "an EnumSet without an element class".into(),
            ))
            .at(at));
        };
        let constants = self.enum_constants(&e)?;
        // Java loops `for (i = 0; i < size; i++)`: a negative size is empty.
        let n = input.read_var_int(true)?.max(0) as usize;
        if n > input.available() {
            return Err(Error::new(ErrorKind::InvalidData(format!(
                "{n} EnumSet elements declared with {} bytes left",
                input.available()
            ))));
        }
        let mut names = Vec::with_capacity(n);
        for i in 0..n {
            let o = input.read_var_int(true)? as u32;
            let name = o
                .checked_sub(1)
                .and_then(|o| constants.get(o as usize))
                .ok_or_else(|| {
                    Error::new(ErrorKind::InvalidData(format!("ordinal {o} - 1 of {e}")))
                        .in_element(i)
                })?;
            names.push(Json::String(name.clone()));
        }
        Ok(Value::Jdk {
            class: class.to_owned(),
            json: json!({ "elementType": e, "constants": names }),
        })
    }

    /// The constants of the enum `class`.
    fn enum_constants(&self, class: &str) -> Result<Vec<String>> {
        match self.kind(class)? {
            Kind::Enum(c) => Ok(c.to_vec()),
            _ => Err(wrong("an enum class", class)),
        }
    }

    /// Writes the payload of a [`Special`] class.
    pub(crate) fn write_special(
        &mut self,
        out: &mut dyn Out,
        value: &Value,
        class: &str,
        special: Special,
    ) -> Result<()> {
        let any = How::ClassAnd;
        match (special, value) {
            (Special::Optional, Value::List { items, .. }) if items.len() <= 1 => {
                let v = items.first().unwrap_or(&Value::Null);
                self.write_at(out, v, &any, &[])
            }
            (Special::Empty, Value::List { items, .. }) if items.is_empty() => Ok(()),
            (Special::EmptyMap, Value::Map { entries, .. }) if entries.is_empty() => Ok(()),
            (Special::Singleton, Value::List { items, .. }) if items.len() == 1 => {
                self.write_at(out, &items[0], &any, &[])
            }
            (Special::SingletonMap, Value::Map { entries, .. }) if entries.len() == 1 => {
                self.write_at(out, &entries[0].0, &any, &[])?;
                self.write_at(out, &entries[0].1, &any, &[])
            }
            (Special::EnumSet, Value::Jdk { json, .. }) => {
                let (e, ordinals) = self.enum_set_ordinals(json)?;
                self.kryo.write_class_named(out, &e)?;
                out.write_var_int(ordinals.len() as i32, true)?;
                for o in ordinals {
                    out.write_var_int(o as i32 + 1, true)?;
                }
                Ok(())
            }
            (_, v) => Err(wrong(class, format!("{v:?}"))),
        }
    }

    /// The enum class and the ordinals of an `EnumSet`'s JSON form, in
    /// ordinal order (Java iterates an `EnumSet` so).
    fn enum_set_ordinals(&self, json: &Json) -> Result<(String, Vec<usize>)> {
        let bad = || {
            Error::new(ErrorKind::InvalidData(format!(
                "expected {{\"elementType\": enum class, \"constants\": [names]}}, found {json}"
            )))
        };
        let e = json
            .get("elementType")
            .and_then(Json::as_str)
            .ok_or_else(bad)?;
        let constants = self.enum_constants(e)?;
        let mut ordinals = json
            .get("constants")
            .and_then(Json::as_array)
            .ok_or_else(bad)?
            .iter()
            .map(|n| {
                let n = n.as_str().ok_or_else(bad)?;
                constants.iter().position(|c| c == n).ok_or_else(|| {
                    Error::new(ErrorKind::InvalidData(format!("{e} has no constant {n}")))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        ordinals.sort_unstable();
        ordinals.dedup();
        Ok((e.to_owned(), ordinals))
    }

    /// The canonical JSON form of an `EnumSet` (constants in ordinal
    /// order, checked against the schema).
    pub(crate) fn enum_set_json(&self, json: &Json) -> Result<Json> {
        let (e, ordinals) = self.enum_set_ordinals(json)?;
        let constants = self.enum_constants(&e)?;
        let names: Vec<&String> = ordinals.iter().map(|&o| &constants[o]).collect();
        Ok(json!({ "elementType": e, "constants": names }))
    }
}
