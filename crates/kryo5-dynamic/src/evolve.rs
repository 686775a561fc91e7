//! The evolution serializers of the `FieldSerializer` family (format spec
//! 10): compatible (field names once per graph, then framed fields),
//! tagged (tagged fields, each after its tag) and version (a version, then
//! the fields it has). The per-field framing (class before value, runs of
//! chunks, skipping) is kryo5-core's [`Framing`], shared with the typed
//! serializers.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use kryo5_core::serializers::compatible::read_field_names;
use kryo5_core::serializers::field_family::Framing;
use kryo5_core::serializers::version::check_version;
use kryo5_core::{Error, ErrorKind, In, Out, Result};

use crate::codec::{Codec, How, Slot, wrong};
use crate::jtype::{JType, Prim};
use crate::read::read_prim;
use crate::serializer::ClassSerializer;
use crate::value::Value;
use crate::write::{field_value, write_prim};

/// The compatible serializer's per-graph state (Java keeps it in the
/// graph context; Kryo's reset clears it).
#[derive(Default)]
struct Schemas {
    /// Classes whose field names this graph has written.
    written: HashSet<String>,
    /// Per class read: for each field of the data, the schema's slot.
    read: HashMap<String, Arc<[Option<usize>]>>,
}

impl Codec {
    /// Writes the fields of an object whose class has an evolution
    /// serializer.
    pub(crate) fn write_evolving(
        &mut self,
        out: &mut dyn Out,
        (fields, class): (&[(String, Value)], &str),
        slots: &[Slot],
        serializer: ClassSerializer,
    ) -> Result<()> {
        match serializer {
            ClassSerializer::Compatible(_) => {
                let first = self
                    .kryo
                    .graph_context::<Schemas>()
                    .written
                    .insert(class.to_owned());
                if first {
                    out.write_var_int(slots.len() as i32, true)?;
                    for s in slots {
                        out.write_string(Some(&s.meta.name))?;
                    }
                }
                for s in slots {
                    self.write_framed(out, fields, s, class, serializer)?;
                }
            }
            ClassSerializer::Tagged(_) => {
                let written: Vec<&Slot> = slots
                    .iter()
                    .filter(|s| s.meta.tag.is_some() && !s.meta.deprecated)
                    .collect();
                out.write_var_int(written.len() as i32 + 1, true)?;
                for s in written {
                    out.write_var_int(s.meta.tag.unwrap_or_default() as i32, true)?;
                    self.write_framed(out, fields, s, class, serializer)?;
                }
            }
            _ => {
                out.write_var_int(version(slots).wrapping_add(1) as i32, true)?;
                for s in slots {
                    self.write_field(out, fields, s, class)?;
                }
            }
        }
        Ok(())
    }

    /// One field in the serializer's framing.
    fn write_framed(
        &mut self,
        out: &mut dyn Out,
        fields: &[(String, Value)],
        slot: &Slot,
        class: &str,
        serializer: ClassSerializer,
    ) -> Result<()> {
        let framing = framing(serializer);
        framing.write_run(out, |out| {
            if !framing.with_class {
                return self.write_field(out, fields, slot, class);
            }
            let value = field_value(fields, &slot.key).map_err(|e| e.in_field(&slot.key, class))?;
            self.write_with_class(out, value, slot)
                .map_err(|e| e.in_field(&slot.key, class))
        })
    }

    /// A field's value after its class (format spec 10.1): `00` for null;
    /// a primitive after its wrapper's class, in the field's encoding;
    /// anything else as `writeClassAndObject`.
    fn write_with_class(&mut self, out: &mut dyn Out, value: &Value, slot: &Slot) -> Result<()> {
        let at = out.total();
        match (&slot.how, value) {
            (_, Value::Null) => Ok(out.write_byte(0)?),
            (How::Prim(p, var), v) => {
                self.kryo.write_class_named(out, p.name())?;
                write_prim(out, *p, *var, false, v).map_err(|e| e.at(at))
            }
            (_, v) => self.write_at(out, v, &How::ClassAnd, &slot.args),
        }
    }

    /// Reads an object whose class has an evolution serializer: the
    /// fields the data has and the schema knows, in data order; the
    /// others are skipped (or an error, as in Java).
    pub(crate) fn read_evolving(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        (slots, serializer): (&[Slot], ClassSerializer),
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let mut fields = Vec::new();
        match serializer {
            ClassSerializer::Compatible(_) => {
                let known = self
                    .kryo
                    .graph_context::<Schemas>()
                    .read
                    .get(class)
                    .cloned();
                let order = match known {
                    Some(o) => o,
                    None => {
                        let o = read_field_names(input, |n| {
                            slots.iter().position(|s| s.meta.name == n)
                        })?;
                        let state = self.kryo.graph_context::<Schemas>();
                        state.read.insert(class.to_owned(), Arc::clone(&o));
                        o
                    }
                };
                for &slot in order.iter() {
                    let slot = slot.map(|i| &slots[i]);
                    let unknown = || {
                        Error::new(ErrorKind::InvalidData(format!(
                            "unknown field of {class} (its data cannot be skipped without \
                             read_unknown_field_data or chunked encoding)"
                        )))
                    };
                    let v = self.read_framed(input, slot, class, serializer, unknown, refs)?;
                    set(&mut fields, v);
                }
            }
            ClassSerializer::Tagged(_) => {
                let Some(count) = (input.read_var_int(true)? as u32).checked_sub(1) else {
                    return Ok(Value::Null);
                };
                for _ in 0..count {
                    let tag = input.read_var_int(true)? as u32;
                    let slot = slots.iter().find(|s| s.meta.tag == Some(tag));
                    let unknown = || {
                        Error::new(ErrorKind::InvalidData(format!(
                            "unknown field tag {tag} of {class}"
                        )))
                    };
                    let v = self.read_framed(input, slot, class, serializer, unknown, refs)?;
                    set(&mut fields, v);
                }
            }
            ClassSerializer::Version(config) => {
                let at = input.total();
                let Some(data) = (input.read_var_int(true)? as u32).checked_sub(1) else {
                    return Ok(Value::Null);
                };
                check_version(&config, data, version(slots), class).map_err(|e| e.at(at))?;
                for s in slots.iter().filter(|s| s.meta.since <= data) {
                    fields.push((s.key.clone(), self.read_field(input, s, class, refs)?));
                }
            }
            other => {
                return Err(Error::new(ErrorKind::Unsupported(format!(
                    "{other:?} is not an evolution serializer"
                ))));
            }
        }
        Ok(Value::Object {
            class: class.to_owned(),
            fields,
        })
    }

    /// One framed field: its key and value, or `None` for a field skipped
    /// (unknown to the schema, a null class, or dropped with its run).
    fn read_framed(
        &mut self,
        input: &mut dyn In<'_>,
        slot: Option<&Slot>,
        class: &str,
        serializer: ClassSerializer,
        unknown: impl FnOnce() -> Error,
        refs: &mut HashSet<u32>,
    ) -> Result<Option<(String, Value)>> {
        let framing = framing(serializer);
        let mut got = None;
        framing.read_run(input, |input| match (slot, framing.with_class) {
            (Some(s), false) => {
                got = Some((s.key.clone(), self.read_field(input, s, class, refs)?));
                Ok(())
            }
            (Some(s), true) => {
                let v = self.read_with_class(input, s, refs);
                got = v
                    .map_err(|e| e.in_field(&s.key, class))?
                    .map(|v| (s.key.clone(), v));
                Ok(())
            }
            // Read and dropped, as Java does.
            (None, true) => self.read_at(input, &How::ClassAnd, &[], refs).map(drop),
            (None, false) => framing.unknown(input, unknown),
        })?;
        Ok(got)
    }

    /// What [`Codec::write_with_class`] writes; `None` for a null class
    /// where the field is primitive (Java leaves the field as it was).
    /// A class the field cannot hold is [`ErrorKind::WrongType`].
    fn read_with_class(
        &mut self,
        input: &mut dyn In<'_>,
        slot: &Slot,
        refs: &mut HashSet<u32>,
    ) -> Result<Option<Value>> {
        let at = input.total();
        if let How::Prim(p, var) = &slot.how {
            let Some(c) = self.kryo.read_class_named(input)? else {
                return Ok(None);
            };
            if Prim::from_boxed(&c).or_else(|| Prim::from_name(&c)) != Some(*p) {
                return Err(wrong(p.name(), c).at(at));
            }
            return read_prim(input, *p, *var, false).map(Some);
        }
        let v = self.read_at(input, &How::ClassAnd, &slot.args, refs)?;
        if let Some(t) = &slot.meta.ty
            && let Some(c) = v.class()
            && !self.holds(t, &c)
        {
            return Err(wrong(t.raw_name(), c).at(at));
        }
        Ok(Some(v))
    }

    /// Whether a field declared `declared` can hold a value of `class`, as
    /// far as the schema knows: the class itself, `Object` and type
    /// variables, a described superclass; JDK types the schema does not
    /// describe accept any class.
    fn holds(&self, declared: &JType, class: &str) -> bool {
        let JType::Class(name, _) = declared else {
            return !matches!(declared, JType::Prim(_));
        };
        // A constant with a body (`Op$2`) is a subclass of its enum.
        let body_of_enum = class
            .strip_prefix(name.as_str())
            .and_then(|r| r.strip_prefix('$'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if name == class || name == "java.lang.Object" || body_of_enum {
            return true;
        }
        if self.is_final(declared) {
            return false;
        }
        let Some(def) = self.schema.class(name) else {
            return true;
        };
        let mut current = self.schema.class(class);
        for _ in 0..256 {
            match current.and_then(|c| c.extends.as_ref()) {
                Some(sup) if sup.raw_name() == def.name => return true,
                Some(sup) => current = self.schema.class(&sup.raw_name()),
                None => return false,
            }
        }
        false
    }
}

/// Adds a field read; a second value for the same field (two fields of
/// one name in the data, both mapped to the first of that name, as Java
/// maps them) replaces the first, as Java's second write to it does.
fn set(fields: &mut Vec<(String, Value)>, field: Option<(String, Value)>) {
    let Some((key, value)) = field else { return };
    match fields.iter_mut().find(|f| f.0 == key) {
        Some(f) => f.1 = value,
        None => fields.push((key, value)),
    }
}

/// The framing of a compatible or tagged class.
fn framing(serializer: ClassSerializer) -> Framing {
    serializer.framing().unwrap_or(Framing {
        with_class: false,
        chunked: false,
        chunk_size: 1,
    })
}

/// The version of a class: the highest `since` of its fields.
fn version(slots: &[Slot]) -> u32 {
    slots.iter().map(|s| s.meta.since).max().unwrap_or(0)
}
