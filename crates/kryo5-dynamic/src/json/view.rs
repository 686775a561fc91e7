//! The JSON form of a value as a [`serde::Serialize`] view: the one walk
//! behind both [`to_json`](super::to_json) (a `serde_json` tree) and
//! [`write_json`](super::write_json) (text written as it goes, with no
//! tree to build and drop).

use std::cell::RefCell;

use kryo5_core::{Error, Result};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{bad, prim_json, string_json};
use crate::codec::{Codec, How, Kind, Slot, wrong};
use crate::jtype::JType;
use crate::schema::ClassDef;
use crate::value::{JString, Value};

/// The walk's shared state: the codec and the error that stopped it.
pub(super) struct Walk<'c> {
    pub(super) codec: &'c Codec,
    /// The codec's error behind a failed serialization (serde's own error
    /// type carries only text).
    pub(super) failure: RefCell<Option<Error>>,
}

impl Walk<'_> {
    /// Records `e` and gives the serializer an error to unwind with.
    fn fail<E: serde::ser::Error>(&self, e: Error) -> E {
        let text = e.to_string();
        *self.failure.borrow_mut() = Some(e);
        E::custom(text)
    }

    /// Adds a step of the path to the recorded error, if any.
    fn trace<T, E>(
        &self,
        r: std::result::Result<T, E>,
        step: impl FnOnce(Error) -> Error,
    ) -> std::result::Result<T, E> {
        if r.is_err() {
            let mut failure = self.failure.borrow_mut();
            if let Some(e) = failure.take() {
                *failure = Some(step(e));
            }
        }
        r
    }

    /// The walk's result: the codec's error if it stopped the walk, else
    /// the serializer's.
    pub(super) fn finish<T>(self, r: std::result::Result<T, impl std::fmt::Display>) -> Result<T> {
        r.map_err(|e| {
            self.failure
                .into_inner()
                .unwrap_or_else(|| bad(e.to_string()))
        })
    }
}

/// A value in its position.
pub(super) struct View<'w, 'c> {
    pub(super) walk: &'w Walk<'c>,
    pub(super) value: &'w Value,
    pub(super) how: &'w How,
    pub(super) args: &'w [JType],
}

/// A value's payload: what its serializer writes, without tags.
struct Payload<'w, 'c> {
    walk: &'w Walk<'c>,
    value: &'w Value,
    class: &'w str,
    kind: &'w Kind<'w>,
    args: &'w [JType],
}

/// Elements of a collection or array in one position.
struct Items<'w, 'c> {
    walk: &'w Walk<'c>,
    items: &'w [Value],
    slot: Slot,
}

/// A map's entries as `[key, value]` pairs.
struct Entries<'w, 'c> {
    walk: &'w Walk<'c>,
    entries: &'w [(Value, Value)],
    args: &'w [JType],
}

impl Serialize for View<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let codec = self.walk.codec;
        codec.enter().map_err(|e| self.walk.fail(e))?;
        let r = self.tagged(s);
        codec.exit();
        r
    }
}

impl View<'_, '_> {
    /// The payload with `@class` and `@id` where they apply.
    fn tagged<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let walk = self.walk;
        let (inner, id) = match self.value {
            Value::Null => return s.serialize_unit(),
            Value::Ref(id) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("@ref", id)?;
                return m.end();
            }
            Value::Shared { id, value } => (&**value, Some(*id)),
            v => (v, None),
        };
        let (class, explicit) = match self.how {
            How::Prim(p, _) => return leaf(walk, prim_json(*p, inner), s),
            How::DirectStr => return string(walk, inner, s),
            How::Object(t) | How::OrNull(t) => (t.raw_name_ref(), false),
            How::ClassAnd => match inner.class_name() {
                Some(c) => (c.into(), true),
                None => {
                    let e = wrong("a value with a class", format!("{inner:?}"));
                    return Err(walk.fail(e));
                }
            },
        };
        let kind = walk.codec.kind(&class).map_err(|e| walk.fail(e))?;
        if !explicit && id.is_none() {
            return payload(walk, inner, &class, &kind, self.args).serialize(s);
        }
        let mut m = s.serialize_map(None)?;
        if explicit {
            m.serialize_entry("@class", &*class)?;
        }
        if let Some(id) = id {
            m.serialize_entry("@id", &id)?;
        }
        if let (Kind::User(def), Value::Object { fields, .. }) = (&kind, inner) {
            // An object's own fields follow its tags.
            fields_into(walk, &mut m, fields, &class, def, self.args)?;
        } else {
            m.serialize_entry("@value", &payload(walk, inner, &class, &kind, self.args))?;
        }
        m.end()
    }
}

fn payload<'w, 'c>(
    walk: &'w Walk<'c>,
    value: &'w Value,
    class: &'w str,
    kind: &'w Kind<'w>,
    args: &'w [JType],
) -> Payload<'w, 'c> {
    Payload {
        walk,
        value,
        class,
        kind,
        args,
    }
}

impl Serialize for Payload<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let walk = self.walk;
        let codec = walk.codec;
        let items = |items, slot| Items { walk, items, slot };
        match (self.kind, self.value) {
            (Kind::Boxed(p), v) => leaf(walk, prim_json(*p, v), s),
            (Kind::Str, v) => string(walk, v, s),
            (Kind::Enum(_) | Kind::EnumName(_), Value::Enum { name, .. }) => s.serialize_str(name),
            (Kind::Bytes, Value::Bytes(b)) => s.serialize_str(&super::base64::encode(b)),
            (Kind::PrimArray(p), Value::Array { items, .. }) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for x in items {
                    let j = prim_json(*p, x).map_err(|e| walk.fail(e))?;
                    seq.serialize_element(&j)?;
                }
                seq.end()
            }
            (Kind::ObjArray(comp), Value::Array { items: xs, .. }) => {
                items(xs, codec.element(Some(comp), true)).serialize(s)
            }
            (Kind::Collection(_), Value::List { items: xs, .. }) => {
                items(xs, codec.element(codec.arg(self.args, 0), true)).serialize(s)
            }
            (Kind::Map(_), Value::Map { entries, .. }) => Entries {
                walk,
                entries,
                args: self.args,
            }
            .serialize(s),
            // Their serializers take no type arguments.
            (Kind::Special(_), Value::List { items: xs, .. }) => {
                items(xs, codec.element(None, true)).serialize(s)
            }
            (Kind::Special(_), Value::Map { entries, .. }) => Entries {
                walk,
                entries,
                args: &[],
            }
            .serialize(s),
            (Kind::Leaf(_) | Kind::Special(_), Value::Jdk { json, .. }) => json.serialize(s),
            (Kind::User(def), Value::Object { fields, .. }) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                fields_into(walk, &mut m, fields, self.class, def, self.args)?;
                m.end()
            }
            (_, v) => Err(walk.fail(wrong(self.class, format!("{v:?}")))),
        }
    }
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for (i, x) in self.items.iter().enumerate() {
            let view = View {
                walk: self.walk,
                value: x,
                how: &self.slot.how,
                args: &self.slot.args,
            };
            let r = seq.serialize_element(&view);
            self.walk.trace(r, |e| e.in_element(i))?;
        }
        seq.end()
    }
}

impl Serialize for Entries<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let codec = self.walk.codec;
        let k = codec.element(codec.arg(self.args, 0), true);
        let v = codec.element(codec.arg(self.args, 1), true);
        let mut seq = s.serialize_seq(Some(self.entries.len()))?;
        for (i, (key, value)) in self.entries.iter().enumerate() {
            let key = View {
                walk: self.walk,
                value: key,
                how: &k.how,
                args: &k.args,
            };
            let value = View {
                walk: self.walk,
                value,
                how: &v.how,
                args: &v.args,
            };
            let r = seq.serialize_element(&(key, value));
            self.walk.trace(r, |e| e.in_element(i))?;
        }
        seq.end()
    }
}

/// A user object's fields, in Kryo's order, into `m`.
fn fields_into<M: SerializeMap>(
    walk: &Walk<'_>,
    m: &mut M,
    fields: &[(String, Value)],
    class: &str,
    def: &ClassDef,
    args: &[JType],
) -> std::result::Result<(), M::Error> {
    let slots = walk.codec.slots(def, args).map_err(|e| walk.fail(e))?;
    for (i, Slot { key, how, args, .. }) in slots.iter().enumerate() {
        // Read values hold the fields in slot order.
        let f = fields
            .get(i)
            .filter(|f| f.0 == *key)
            .or_else(|| fields.iter().find(|f| f.0 == *key));
        let Some(f) = f else {
            // The evolution serializers' data may lack fields.
            if !def.serializer.all_fields() {
                continue;
            }
            let e = bad(format!("missing field {key}")).in_field(key, class);
            return Err(walk.fail(e));
        };
        let view = View {
            walk,
            value: &f.1,
            how,
            args,
        };
        let r = m.serialize_entry(key, &view);
        walk.trace(r, |e| e.in_field(key, class))?;
    }
    Ok(())
}

/// A leaf computed as a JSON value.
fn leaf<S: Serializer>(
    walk: &Walk<'_>,
    j: Result<serde_json::Value>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    j.map_err(|e| walk.fail(e))?.serialize(s)
}

/// A `String` position; valid Unicode without a copy.
fn string<S: Serializer>(walk: &Walk<'_>, v: &Value, s: S) -> std::result::Result<S::Ok, S::Error> {
    match v {
        Value::String(JString::Str(text)) => s.serialize_str(text),
        v => leaf(walk, string_json(v), s),
    }
}
