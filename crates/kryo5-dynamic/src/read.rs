//! Reading: Kryo bytes to a [`Value`] graph.

use std::collections::HashSet;

use std::sync::Arc;

use kryo5_core::{Error, ErrorKind, In, Result};
use kryo5_io::Input;

use crate::codec::{Codec, How, Kind, Root, Slot};
use crate::jdk::Coll;
use crate::jtype::{JType, Prim};
use crate::schema::ClassDef;
use crate::trace::What;
use crate::value::{JString, Value};

/// Element counts a reader accepts beyond the bytes left, for elements
/// that may take no bytes (all-null collections, empty objects).
const ZERO_WIDTH_SLACK: usize = 1 << 16;

impl Codec {
    /// Reads one graph written with `root`'s entry point. Values referenced
    /// again are [`Value::Shared`]; the others are plain.
    ///
    /// # Errors
    /// Truncated or malformed input, unknown classes, values the schema does
    /// not describe, nesting beyond the depth limit; each with the byte
    /// offset and the path through the graph.
    ///
    /// ```
    /// use kryo5_dynamic::{Codec, Root, Schema, Value};
    /// let mut codec = Codec::new(Schema::from_toml("", "s")?);
    /// let v = codec.read(&mut kryo5_io::Input::new(&[0x03, 0x82, 0x61]), &Root::ClassAndObject)?;
    /// assert_eq!(v, Value::string("a"));
    /// assert!(codec.read(&mut kryo5_io::Input::new(&[0x03, 0x82]), &Root::ClassAndObject).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read(&mut self, input: &mut Input<'_>, root: &Root) -> Result<Value> {
        self.begin();
        input.set_variable_length_encoding(self.schema.variable_length_encoding);
        let how = root.how();
        let mut referenced = HashSet::new();
        let v = self.read_at(input, &how, &[], &mut referenced)?;
        if referenced.len() == self.next_id as usize {
            // Every shared value is referenced again: nothing to unwrap.
            return Ok(v);
        }
        Ok(strip(v, &referenced))
    }

    pub(crate) fn read_at(
        &mut self,
        input: &mut dyn In<'_>,
        how: &How,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let at = input.total();
        self.enter()?;
        let span = self.open_value(at);
        let r = self.read_how(input, how, args, refs).map_err(|e| e.at(at));
        self.close_value(span, input.total(), &r);
        self.exit();
        r
    }

    fn read_how(
        &mut self,
        input: &mut dyn In<'_>,
        how: &How,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let (class, or_null) = match how {
            How::Prim(p, var) => return read_prim(input, *p, *var, false),
            How::DirectStr => return read_str(input),
            How::Object(t) => (t.raw_name(), false),
            How::OrNull(t) => (t.raw_name(), true),
            How::ClassAnd => {
                let at = input.total();
                let c = self.kryo.read_class_named(input)?;
                self.note(at, input.total(), || {
                    What::Class(c.as_deref().map(Into::into))
                });
                match c {
                    None => return Ok(Value::Null),
                    Some(c) => (c.into_owned(), false),
                }
            }
        };
        let schema = Arc::clone(&self.schema);
        let kind = self.kind_in(&schema, &class)?;
        let refs_on = self.schema.references;
        let at = input.total();
        let marker = if refs_on && (kind.uses_refs() || or_null) {
            Some(input.read_var_int(true)? as u32)
        } else if or_null && !kind.accepts_null() {
            // Java tests the byte for zero only.
            Some(u32::from(input.read_byte()? != 0))
        } else {
            None
        };
        if let Some(m) = marker {
            self.note(at, input.total(), || What::Marker(m));
        }
        let id = match marker {
            Some(0) if or_null => return Ok(Value::Null),
            Some(1) if kind.uses_refs() && refs_on => {
                self.next_id += 1;
                Some(self.next_id - 1)
            }
            Some(1) => None,
            Some(n) if kind.uses_refs() && refs_on && n >= 2 && n - 2 < self.next_id => {
                refs.insert(n - 2);
                return Ok(Value::Ref(n - 2));
            }
            Some(n) => return Err(Error::new(ErrorKind::BadReference(n.wrapping_sub(2)))),
            None => None,
        };
        let v = self.read_payload(input, &class, &kind, args, refs)?;
        Ok(match id {
            Some(id) => Value::Shared {
                id,
                value: Box::new(v),
            },
            None => v,
        })
    }

    fn read_payload(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        kind: &Kind<'_>,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let vle = self.schema.variable_length_encoding;
        match kind {
            Kind::Boxed(p) => read_prim(input, *p, true, vle),
            Kind::Str => read_str(input),
            Kind::EnumName(constants) => {
                let at = input.total();
                let name = input.read_string()?;
                match name.filter(|n| constants.contains(n)) {
                    Some(name) => Ok(Value::Enum {
                        class: class.to_owned(),
                        name,
                    }),
                    None => Err(Error::new(ErrorKind::InvalidData(format!(
                        "no constant of {class} has this name"
                    )))
                    .at(at)),
                }
            }
            Kind::Enum(constants) => {
                let n = input.read_var_int(true)? as u32;
                if n == 0 {
                    return Ok(Value::Null);
                }
                let name = constants.get(n as usize - 1).ok_or_else(|| {
                    Error::new(ErrorKind::InvalidData(format!(
                        "invalid ordinal {} for enum {class}",
                        n - 1
                    )))
                })?;
                Ok(Value::Enum {
                    class: class.to_owned(),
                    name: name.clone(),
                })
            }
            Kind::Bytes => match read_len(input)? {
                None => Ok(Value::Null),
                Some(n) => Ok(Value::Bytes(input.read_bytes(n)?)),
            },
            Kind::PrimArray(p) => match read_len(input)? {
                None => Ok(Value::Null),
                Some(n) => Ok(Value::Array {
                    class: format!("{}[]", p.name()),
                    items: read_prims(input, *p, n)?,
                }),
            },
            Kind::ObjArray(comp) => {
                let Some(n) = read_len(input)? else {
                    return Ok(Value::Null);
                };
                let slot = self.element(Some(comp), true);
                let items = self.read_elements(input, n, &slot.how, &[], refs)?;
                Ok(Value::Array {
                    class: format!("{}[]", comp.raw_name()),
                    items,
                })
            }
            Kind::Collection(c) => self.read_collection(input, class, *c, args, refs),
            Kind::Map(c) => self.read_map(input, class, *c, args, refs),
            Kind::User(def) => match &def.wrap {
                Some(w) => {
                    self.read_wrapped(input, w, |c, i| c.read_object(i, class, def, args, refs))
                }
                None => self.read_object(input, class, def, args, refs),
            },
            Kind::Leaf(l) => self.read_leaf(input, class, l),
            Kind::Special(s) => self.read_special(input, class, *s, refs),
        }
    }

    /// MapSerializer (section 8.15).
    fn read_map(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        coll: Coll,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let Some(n) = read_len(input)? else {
            return Ok(Value::Null);
        };
        if coll.comparator {
            self.read_comparator(input, refs)?;
        }
        check_count(input, n)?;
        let k = self.element(self.arg(args, 0), coll.nulls);
        let v = self.element(self.arg(args, 1), coll.nulls);
        let mut entries = Vec::with_capacity(n.min(input.available()));
        for i in 0..n {
            let at = input.total();
            let key = self.read_at(input, &k.how, &k.args, refs);
            let key = key.map_err(|e| e.in_element(i))?;
            let val = self.read_at(input, &v.how, &v.args, refs);
            let val = val.map_err(|e| e.in_element(i))?;
            if !coll.nulls && (key == Value::Null || val == Value::Null) {
                // Java's `Map.of` throws on a null key or value.
                return Err(no_null("a key or value", at).in_element(i));
            }
            entries.push((key, val));
        }
        Ok(Value::Map {
            class: class.to_owned(),
            entries,
        })
    }

    /// FieldSerializer (section 9) and records (8.21); the evolution
    /// serializers in `evolve.rs`.
    fn read_object(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        def: &ClassDef,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let slots = self.slots(def, args)?;
        if !def.serializer.all_fields() {
            return self.read_evolving(input, class, (&slots, def.serializer), refs);
        }
        let mut fields = Vec::with_capacity(slots.len());
        for slot in slots.iter() {
            fields.push((slot.key.clone(), self.read_field(input, slot, class, refs)?));
        }
        Ok(Value::Object {
            class: class.to_owned(),
            fields,
        })
    }

    /// One field, traced with its name and class.
    pub(crate) fn read_field(
        &mut self,
        input: &mut dyn In<'_>,
        slot: &Slot,
        class: &str,
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        self.read_at(input, &slot.how, &slot.args, refs)
            .map_err(|e| e.in_field(&slot.key, class))
    }

    fn read_elements(
        &mut self,
        input: &mut dyn In<'_>,
        n: usize,
        how: &How,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Vec<Value>> {
        check_count(input, n)?;
        let mut items = Vec::with_capacity(n.min(input.available()));
        for i in 0..n {
            let v = self.read_at(input, how, args, refs);
            items.push(v.map_err(|e| e.in_element(i))?);
        }
        Ok(items)
    }

    /// CollectionSerializer (section 8.13).
    fn read_collection(
        &mut self,
        input: &mut dyn In<'_>,
        class: &str,
        coll: Coll,
        args: &[JType],
        refs: &mut HashSet<u32>,
    ) -> Result<Value> {
        let at = input.total();
        let elem = self.arg(args, 0).cloned();
        let known = elem.as_ref().is_some_and(|t| self.is_final(t));
        let (flag, n) = if known && !coll.nulls {
            (false, input.read_var_int(true)?)
        } else {
            (input.peek_var_int_flag()?, input.read_var_int_flag(true)?)
        };
        let Some(n) = (n as u32 as usize).checked_sub(1) else {
            return Ok(Value::Null);
        };
        if coll.comparator {
            self.read_comparator(input, refs)?;
        }
        let list = |items| Value::List {
            class: class.to_owned(),
            items,
        };
        if n == 0 {
            return Ok(list(Vec::new()));
        }
        let slot = self.element(elem.as_ref(), flag);
        let items = match slot.how {
            How::ClassAnd if flag => {
                let Some(e) = self.kryo.read_class_named(input)? else {
                    if !coll.nulls {
                        return Err(no_null("an element", at));
                    }
                    check_count(input, n)?;
                    return Ok(list(vec![Value::Null; n]));
                };
                let t = JType::from_class_name(&e).unwrap_or_else(JType::object);
                let any_null = coll.nulls && input.read_boolean()?;
                let how = if any_null {
                    How::OrNull(t)
                } else {
                    How::Object(t)
                };
                self.read_elements(input, n, &how, &slot.args, refs)?
            }
            how => self.read_elements(input, n, &how, &slot.args, refs)?,
        };
        if !coll.nulls && items.contains(&Value::Null) {
            // Java's factory (`List.of`, ...) throws on a null element.
            return Err(no_null("an element", at));
        }
        Ok(list(items))
    }
}

/// A null where Java's factory (`List.of`, `Map.of`, ...) throws, in the
/// collection starting at `at`.
#[cold]
fn no_null(what: &'static str, at: u64) -> Error {
    Error::new(ErrorKind::UnexpectedNull(what)).at(at)
}

/// `uvarint(length + 1)`, `None` for null.
fn read_len(input: &mut dyn In<'_>) -> Result<Option<usize>> {
    Ok((input.read_var_int(true)? as u32 as usize).checked_sub(1))
}

/// Refuses element counts the remaining input cannot hold.
fn check_count(input: &dyn In<'_>, n: usize) -> Result<()> {
    if n > input.available().max(ZERO_WIDTH_SLACK) {
        return Err(Error::new(ErrorKind::InvalidData(format!(
            "{n} elements declared with {} bytes left",
            input.available()
        ))));
    }
    Ok(())
}

fn read_str(input: &mut dyn In<'_>) -> Result<Value> {
    // The ASCII form (first byte's high bit clear) holds no surrogates:
    // read it straight into a `String`.
    if input.peek_byte()? & 0x80 == 0 {
        return Ok(input
            .read_string()?
            .map_or(Value::Null, |s| Value::String(JString::Str(s))));
    }
    Ok(match input.read_string_utf16()? {
        None => Value::Null,
        Some(s) => Value::String(JString::from_units(s.into_units())),
    })
}

/// A primitive: `var` selects variable length for int/long fields; `boxed`
/// applies the wrapper rules (Integer follows the variable-length switch,
/// Long is always variable length).
pub(crate) fn read_prim(input: &mut dyn In<'_>, p: Prim, var: bool, boxed: bool) -> Result<Value> {
    Ok(match p {
        Prim::Boolean => Value::Bool(input.read_boolean()?),
        Prim::Byte => Value::Byte(input.read_byte()? as i8),
        Prim::Short => Value::Short(input.read_short()?),
        Prim::Char => Value::Char(input.read_char()?),
        Prim::Int if boxed => Value::Int(input.read_int_var_or_fixed(false)?),
        Prim::Int if var => Value::Int(input.read_var_int(false)?),
        Prim::Int => Value::Int(input.read_int()?),
        Prim::Long if var => Value::Long(input.read_var_long(false)?),
        Prim::Long => Value::Long(input.read_long()?),
        Prim::Float => Value::Float(input.read_float()?),
        Prim::Double => Value::Double(input.read_double()?),
    })
}

/// The elements of a primitive array (section 8.4), through the buffer's
/// bulk reads (which bound their allocation by the input).
fn read_prims(input: &mut dyn In<'_>, p: Prim, n: usize) -> Result<Vec<Value>> {
    Ok(match p {
        Prim::Boolean => input
            .read_booleans(n)?
            .into_iter()
            .map(Value::Bool)
            .collect(),
        Prim::Byte => input
            .read_bytes(n)?
            .into_iter()
            .map(|b| Value::Byte(b as i8))
            .collect(),
        Prim::Short => input
            .read_shorts(n)?
            .into_iter()
            .map(Value::Short)
            .collect(),
        Prim::Char => input.read_chars(n)?.into_iter().map(Value::Char).collect(),
        Prim::Int => input
            .read_ints_var_or_fixed(n, false)?
            .into_iter()
            .map(Value::Int)
            .collect(),
        Prim::Long => input
            .read_longs_var_or_fixed(n, false)?
            .into_iter()
            .map(Value::Long)
            .collect(),
        Prim::Float => input
            .read_floats(n)?
            .into_iter()
            .map(Value::Float)
            .collect(),
        Prim::Double => input
            .read_doubles(n)?
            .into_iter()
            .map(Value::Double)
            .collect(),
    })
}

/// Unwraps the [`Value::Shared`]s no back-reference points to.
fn strip(v: Value, referenced: &HashSet<u32>) -> Value {
    let all = |items: Vec<Value>| items.into_iter().map(|x| strip(x, referenced)).collect();
    match v {
        Value::Shared { id, value } if referenced.contains(&id) => Value::Shared {
            id,
            value: Box::new(strip(*value, referenced)),
        },
        Value::Shared { value, .. } => strip(*value, referenced),
        Value::Array { class, items } => Value::Array {
            class,
            items: all(items),
        },
        Value::List { class, items } => Value::List {
            class,
            items: all(items),
        },
        Value::Map { class, entries } => Value::Map {
            class,
            entries: entries
                .into_iter()
                .map(|(k, v)| (strip(k, referenced), strip(v, referenced)))
                .collect(),
        },
        Value::Object { class, fields } => Value::Object {
            class,
            fields: fields
                .into_iter()
                .map(|(k, v)| (k, strip(v, referenced)))
                .collect(),
        },
        other => other,
    }
}
