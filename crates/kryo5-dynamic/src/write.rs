//! Writing: a [`Value`] graph to Kryo bytes.

use std::sync::Arc;

use kryo5_core::{Error, ErrorKind, Out, Result};
use kryo5_io::Output;

use crate::codec::{Codec, How, Kind, Root, Slot, wrong};
use crate::jdk::Coll;
use crate::jtype::{JType, Prim};
use crate::schema::ClassDef;
use crate::value::{JString, Value};

impl Codec {
    /// Writes one graph with `root`'s entry point. A [`Value::Ref`] must
    /// follow the [`Value::Shared`] it names.
    ///
    /// # Errors
    /// Values that do not fit their declared types, missing fields,
    /// unknown classes, unregistered classes while registration is
    /// required, nesting beyond the depth limit.
    ///
    /// ```
    /// use kryo5_dynamic::{Codec, JType, Root, Schema, Value};
    /// let mut codec = Codec::new(Schema::from_toml("", "s")?);
    /// let mut out = kryo5_io::Output::new();
    /// codec.write(&mut out, &Value::Int(5), &Root::Object(JType::parse("Integer")?))?;
    /// assert_eq!(out.as_slice(), &[0x0a]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write(&mut self, out: &mut Output, value: &Value, root: &Root) -> Result<()> {
        self.begin();
        out.set_variable_length_encoding(self.schema.variable_length_encoding);
        let how = root.how();
        self.write_at(out, value, &how, &[])
    }

    pub(crate) fn write_at(
        &mut self,
        out: &mut dyn Out,
        value: &Value,
        how: &How,
        args: &[JType],
    ) -> Result<()> {
        let at = out.total();
        self.enter()?;
        let r = self.write_how(out, value, how, args).map_err(|e| e.at(at));
        self.exit();
        r
    }

    /// The class of a value, in schema form; a back-reference's is the
    /// referenced value's.
    fn class_of(&self, value: &Value) -> Result<String> {
        match value {
            Value::Ref(id) => Ok(self.ids.get(id).ok_or_else(|| unknown_ref(*id))?.1.clone()),
            v => v
                .class()
                .ok_or_else(|| Error::new(ErrorKind::UnexpectedNull("a class"))),
        }
    }

    fn write_how(
        &mut self,
        out: &mut dyn Out,
        value: &Value,
        how: &How,
        args: &[JType],
    ) -> Result<()> {
        let (class, or_null) = match how {
            How::Prim(p, var) => return write_prim(out, *p, *var, false, value),
            How::DirectStr => return write_str(out, value),
            How::Object(t) => (t.raw_name(), false),
            How::OrNull(t) => (t.raw_name(), true),
            How::ClassAnd => {
                if *value == Value::Null {
                    return Ok(out.write_byte(0)?);
                }
                let class = self.class_of(value)?;
                self.write_class(out, &class)?;
                (class, false)
            }
        };
        let schema = Arc::clone(&self.schema);
        let kind = self.kind_in(&schema, &class)?;
        let mut inner = value;
        if self.schema.references && (kind.uses_refs() || or_null) {
            match value {
                Value::Null if or_null => return Ok(out.write_byte(0)?),
                Value::Null => return Err(Error::new(ErrorKind::UnexpectedNull("writeObject"))),
                Value::Ref(id) if kind.uses_refs() => {
                    let wire = self.ids.get(id).ok_or_else(|| unknown_ref(*id))?.0;
                    out.write_var_int(wire.wrapping_add(2) as i32, true)?;
                    return Ok(());
                }
                _ => {}
            }
            out.write_byte(1)?;
            if kind.uses_refs() {
                let wire = self.next_id;
                self.next_id += 1;
                if let Value::Shared { id, value } = value {
                    self.ids.insert(*id, (wire, class.clone()));
                    inner = value;
                }
            }
        } else if or_null && !kind.accepts_null() {
            if *value == Value::Null {
                return Ok(out.write_byte(0)?);
            }
            out.write_byte(1)?;
        }
        if let Value::Shared { value, .. } = inner {
            inner = value;
        }
        self.write_payload(out, inner, &class, &kind, args)
    }

    fn write_payload(
        &mut self,
        out: &mut dyn Out,
        value: &Value,
        class: &str,
        kind: &Kind<'_>,
        args: &[JType],
    ) -> Result<()> {
        if *value == Value::Null && kind.accepts_null() {
            return Ok(out.write_byte(kind.null_byte())?);
        }
        match (kind, value) {
            (Kind::Boxed(p), v) => write_prim(out, *p, true, true, v),
            (Kind::Str, v) => write_str(out, v),
            (Kind::EnumName(constants), Value::Enum { name, .. }) if constants.contains(name) => {
                Ok(out.write_string(Some(name))?)
            }
            (Kind::Enum(constants), Value::Enum { name, .. }) => {
                let i = constants.iter().position(|c| c == name).ok_or_else(|| {
                    Error::new(ErrorKind::InvalidArgument(format!(
                        "{class} has no constant {name}"
                    )))
                })?;
                write_len(out, i)
            }
            (Kind::Bytes, Value::Bytes(b)) => {
                write_len(out, b.len())?;
                Ok(out.write_bytes(b)?)
            }
            (Kind::PrimArray(p), Value::Array { items, .. }) => {
                write_len(out, items.len())?;
                write_prims(out, *p, items)
            }
            (Kind::ObjArray(comp), Value::Array { items, .. }) => {
                write_len(out, items.len())?;
                let slot = self.element(Some(comp), true);
                self.write_elements(out, items, &slot.how, &[])
            }
            (Kind::Collection(c), Value::List { items, .. }) => {
                self.write_collection(out, items, *c, args)
            }
            (Kind::Map(c), Value::Map { entries, .. }) => self.write_map(out, entries, *c, args),
            (Kind::Leaf(l), Value::Jdk { json, .. }) => self.write_leaf(out, json, l),
            (Kind::Special(s), v) => self.write_special(out, v, class, *s),
            (Kind::User(def), Value::Object { fields, .. }) => match &def.wrap {
                Some(w) => {
                    self.write_wrapped(out, w, |c, o| c.write_fields(o, fields, class, def, args))
                }
                None => self.write_fields(out, fields, class, def, args),
            },
            (_, v) => Err(wrong(class, format!("{v:?}"))),
        }
    }

    /// MapSerializer (section 8.15).
    fn write_map(
        &mut self,
        out: &mut dyn Out,
        entries: &[(Value, Value)],
        coll: Coll,
        args: &[JType],
    ) -> Result<()> {
        write_len(out, entries.len())?;
        if coll.comparator {
            out.write_byte(0)?;
        }
        let k = self.element(self.arg(args, 0), coll.nulls);
        let v = self.element(self.arg(args, 1), coll.nulls);
        for (i, (key, val)) in entries.iter().enumerate() {
            self.write_at(out, key, &k.how, &k.args)
                .and_then(|()| self.write_at(out, val, &v.how, &v.args))
                .map_err(|e| e.in_element(i))?;
        }
        Ok(())
    }

    /// FieldSerializer (section 9) and records (8.21); the evolution
    /// serializers in `evolve.rs`.
    fn write_fields(
        &mut self,
        out: &mut dyn Out,
        fields: &[(String, Value)],
        class: &str,
        def: &ClassDef,
        args: &[JType],
    ) -> Result<()> {
        let slots = self.slots(def, args)?;
        if !def.serializer.all_fields() {
            return self.write_evolving(out, (fields, class), &slots, def.serializer);
        }
        for slot in slots.iter() {
            self.write_field(out, fields, slot, class)?;
        }
        Ok(())
    }

    /// The value of `slot` among `fields`, written as the slot says and
    /// traced with its name and class.
    pub(crate) fn write_field(
        &mut self,
        out: &mut dyn Out,
        fields: &[(String, Value)],
        slot: &Slot,
        class: &str,
    ) -> Result<()> {
        field_value(fields, &slot.key)
            .and_then(|v| self.write_at(out, v, &slot.how, &slot.args))
            .map_err(|e| e.in_field(&slot.key, class))
    }

    fn write_elements(
        &mut self,
        out: &mut dyn Out,
        items: &[Value],
        how: &How,
        args: &[JType],
    ) -> Result<()> {
        for (i, v) in items.iter().enumerate() {
            self.write_at(out, v, how, args)
                .map_err(|e| e.in_element(i))?;
        }
        Ok(())
    }

    /// CollectionSerializer (section 8.13).
    fn write_collection(
        &mut self,
        out: &mut dyn Out,
        items: &[Value],
        coll: Coll,
        args: &[JType],
    ) -> Result<()> {
        // The comparator header: natural ordering, the null class.
        let header = |out: &mut dyn Out| match coll.comparator {
            true => out.write_byte(0),
            false => Ok(()),
        };
        if items.is_empty() {
            out.write_byte(1)?;
            return Ok(header(out)?);
        }
        let any_null = items.contains(&Value::Null);
        if any_null && !coll.nulls {
            return Err(Error::new(ErrorKind::UnexpectedNull("an element")));
        }
        let size = items.len() as i32 + 1;
        let elem = self.arg(args, 0).cloned();
        let slot = self.element(elem.as_ref(), any_null);
        if !matches!(slot.how, How::ClassAnd) {
            if coll.nulls {
                out.write_var_int_flag(any_null, size, true)?;
            } else {
                out.write_var_int(size, true)?;
            }
            header(out)?;
            return self.write_elements(out, items, &slot.how, &slot.args);
        }
        let mut classes = items
            .iter()
            .filter(|v| **v != Value::Null)
            .map(|v| match v {
                // A back-reference to an element not written yet (a list
                // holding a string, itself, the string again).
                Value::Ref(id) if !self.ids.contains_key(id) => items
                    .iter()
                    .find_map(|x| x.shared(*id))
                    .and_then(Value::class)
                    .ok_or_else(|| unknown_ref(*id)),
                v => self.class_of(v),
            });
        let first = classes.next().transpose()?;
        let mut same = true;
        for c in classes {
            same &= Some(c?) == first;
        }
        out.write_var_int_flag(same, size, true)?;
        header(out)?;
        if !same {
            return self.write_elements(out, items, &How::ClassAnd, &slot.args);
        }
        let Some(first) = first else {
            return Ok(out.write_byte(0)?);
        };
        let t = JType::from_class_name(&first).unwrap_or_else(JType::object);
        self.kryo.write_class_named(out, &t.jvm_name())?;
        if coll.nulls {
            out.write_boolean(any_null)?;
        }
        let how = if any_null {
            How::OrNull(t)
        } else {
            How::Object(t)
        };
        self.write_elements(out, items, &how, &slot.args)
    }
}

/// The value of field `key`.
pub(crate) fn field_value<'v>(fields: &'v [(String, Value)], key: &str) -> Result<&'v Value> {
    fields
        .iter()
        .find(|f| f.0 == key)
        .map(|f| &f.1)
        .ok_or_else(|| Error::new(ErrorKind::InvalidArgument(format!("missing field {key}"))))
}

fn unknown_ref(id: u32) -> Error {
    Error::new(ErrorKind::BadReference(id))
}

/// `uvarint(length + 1)`.
fn write_len(out: &mut dyn Out, len: usize) -> Result<()> {
    let n = i32::try_from(len + 1)
        .map_err(|_| Error::new(ErrorKind::InvalidArgument(format!("{len} elements"))))?;
    out.write_var_int(n, true)?;
    Ok(())
}

fn write_str(out: &mut dyn Out, value: &Value) -> Result<()> {
    match value {
        Value::Null => out.write_string(None)?,
        Value::String(JString::Str(s)) => out.write_string(Some(s))?,
        Value::String(JString::Utf16(u)) => out.write_string_utf16(Some(u))?,
        v => return Err(wrong("java.lang.String", format!("{v:?}"))),
    }
    Ok(())
}

/// A primitive, with the rules of `read_prim` in `read.rs`.
pub(crate) fn write_prim(
    out: &mut dyn Out,
    p: Prim,
    var: bool,
    boxed: bool,
    value: &Value,
) -> Result<()> {
    match (p, value) {
        (Prim::Boolean, Value::Bool(v)) => out.write_boolean(*v)?,
        (Prim::Byte, Value::Byte(v)) => out.write_byte(*v as u8)?,
        (Prim::Short, Value::Short(v)) => out.write_short(*v)?,
        (Prim::Char, Value::Char(v)) => out.write_char(*v)?,
        (Prim::Int, Value::Int(v)) if boxed => drop(out.write_int_var_or_fixed(*v, false)?),
        (Prim::Int, Value::Int(v)) if var => drop(out.write_var_int(*v, false)?),
        (Prim::Int, Value::Int(v)) => out.write_int(*v)?,
        (Prim::Long, Value::Long(v)) if var => drop(out.write_var_long(*v, false)?),
        (Prim::Long, Value::Long(v)) => out.write_long(*v)?,
        (Prim::Float, Value::Float(v)) => out.write_float(*v)?,
        (Prim::Double, Value::Double(v)) => out.write_double(*v)?,
        (p, v) => return Err(wrong(p.name(), format!("{v:?}"))),
    }
    Ok(())
}

/// The elements of a primitive array through the buffer's bulk writes.
fn write_prims(out: &mut dyn Out, p: Prim, items: &[Value]) -> Result<()> {
    macro_rules! bulk {
        ($variant:ident, $write:expr) => {{
            let vals = items
                .iter()
                .map(|v| match v {
                    Value::$variant(x) => Ok(*x),
                    v => Err(wrong(p.name(), format!("{v:?}"))),
                })
                .collect::<Result<Vec<_>>>()?;
            $write(out, &vals)?;
        }};
    }
    match p {
        Prim::Boolean => bulk!(Bool, |o: &mut dyn Out, v: &[bool]| o.write_booleans(v)),
        Prim::Byte => bulk!(Byte, |o: &mut dyn Out, v: &[i8]| {
            o.write_bytes(&v.iter().map(|&b| b as u8).collect::<Vec<_>>())
        }),
        Prim::Short => bulk!(Short, |o: &mut dyn Out, v: &[i16]| o.write_shorts(v)),
        Prim::Char => bulk!(Char, |o: &mut dyn Out, v: &[u16]| o.write_chars(v)),
        Prim::Int => bulk!(Int, |o: &mut dyn Out, v: &[i32]| o
            .write_ints_var_or_fixed(v, false)),
        Prim::Long => bulk!(Long, |o: &mut dyn Out, v: &[i64]| o
            .write_longs_var_or_fixed(v, false)),
        Prim::Float => bulk!(Float, |o: &mut dyn Out, v: &[f32]| o.write_floats(v)),
        Prim::Double => bulk!(Double, |o: &mut dyn Out, v: &[f64]| o.write_doubles(v)),
    }
    Ok(())
}
