//! The JSON form of a graph (`docs/schema-format.md`, "The JSON form of a
//! decoded graph"): `@class` only where the wire writes a class, `@id` on
//! values referenced again, `{"@ref": id}` for back-references, numbers
//! exact.

mod view;

use kryo5_core::{Error, ErrorKind, Result};
use serde_json::{Number, Value as Json, json};

use crate::codec::{Codec, How, Kind, Root, Slot, wrong};
use crate::jdk::Special;
use crate::jtype::{JType, Prim};
use crate::schema::ClassDef;
use crate::value::{JString, Value};
use view::{View, Walk};

/// The JSON form of `value`, read with `root`'s entry point.
///
/// # Errors
/// A value that does not fit the schema (a class it does not describe).
///
/// ```
/// use kryo5_dynamic::{Codec, JType, Root, Schema, Value, json};
/// let codec = Codec::new(Schema::from_toml("", "s")?);
/// let root = Root::Object(JType::parse("double")?);
/// assert_eq!(json::to_json(&codec, &Value::Double(f64::NAN), &root)?, "NaN");
/// let root = Root::ClassAndObject;
/// assert_eq!(json::to_json(&codec, &Value::Int(7), &root)?.to_string(), r#"{"@class":"java.lang.Integer","@value":7}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json(codec: &Codec, value: &Value, root: &Root) -> Result<Json> {
    walk(codec, value, root, |view| serde_json::to_value(view))
}

/// [`to_json`] written as JSON text to `out` as the walk goes, without
/// building the `serde_json` tree (`kryo5 decode --many` prints this way).
///
/// # Errors
/// As [`to_json`]; a failed write as [`ErrorKind::InvalidData`] with the
/// writer's message.
///
/// ```
/// use kryo5_dynamic::{Codec, Root, Schema, Value, json};
/// let codec = Codec::new(Schema::from_toml("", "s")?);
/// let mut text = Vec::new();
/// json::write_json(&codec, &Value::Int(7), &Root::ClassAndObject, &mut text)?;
/// assert_eq!(text, br#"{"@class":"java.lang.Integer","@value":7}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_json(
    codec: &Codec,
    value: &Value,
    root: &Root,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    walk(codec, value, root, |view| serde_json::to_writer(out, view))
}

/// Runs `serialize` on the view of `value` at the root.
fn walk<T>(
    codec: &Codec,
    value: &Value,
    root: &Root,
    serialize: impl FnOnce(&View<'_, '_>) -> serde_json::Result<T>,
) -> Result<T> {
    codec.begin_walk();
    let walk = Walk {
        codec,
        failure: std::cell::RefCell::new(None),
    };
    let how = root.how();
    let r = serialize(&View {
        walk: &walk,
        value,
        how: &how,
        args: &[],
    });
    walk.finish(r)
}

/// The value of a JSON form, for writing with `root`'s entry point.
///
/// # Errors
/// JSON that does not fit the schema, with the path to it.
///
/// ```
/// use kryo5_dynamic::{Codec, Root, Schema, Value, json};
/// let codec = Codec::new(Schema::from_toml("", "s")?);
/// let j = serde_json::json!({"@class": "java.lang.Long", "@value": 7});
/// assert_eq!(json::from_json(&codec, &j, &Root::ClassAndObject)?, Value::Long(7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_json(codec: &Codec, json: &Json, root: &Root) -> Result<Value> {
    codec.begin_walk();
    codec.value_of_json(json, &root.how(), &[])
}

fn bad(what: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidData(what.into()))
}

impl Codec {
    pub(crate) fn value_of_json(&self, j: &Json, how: &How, args: &[JType]) -> Result<Value> {
        self.enter()?;
        let r = self.value_of_json_in(j, how, args);
        self.exit();
        r
    }

    fn value_of_json_in(&self, j: &Json, how: &How, args: &[JType]) -> Result<Value> {
        if j.is_null() {
            return Ok(Value::Null);
        }
        let obj = j.as_object();
        if let Some(id) = obj.and_then(|o| o.get("@ref")) {
            return Ok(Value::Ref(as_u32(id)?));
        }
        let id = obj.and_then(|o| o.get("@id")).map(as_u32).transpose()?;
        let class = obj.and_then(|o| o.get("@class"));
        let body = match obj.and_then(|o| o.get("@value")) {
            Some(v) => v,
            None => j,
        };
        let class = match (how, class) {
            (How::Prim(p, _), _) => return prim_value(*p, body),
            (How::DirectStr, _) => return string_value(body),
            (How::Object(t) | How::OrNull(t), _) => t.raw_name(),
            (How::ClassAnd, Some(Json::String(c))) => c.clone(),
            (How::ClassAnd, _) => return Err(bad("\"@class\" is required here")),
        };
        let kind = self.kind(&class)?;
        let v = self.payload_value(body, &class, &kind, args)?;
        Ok(match id {
            Some(id) => Value::Shared {
                id,
                value: Box::new(v),
            },
            None => v,
        })
    }

    fn payload_value(
        &self,
        j: &Json,
        class: &str,
        kind: &Kind<'_>,
        args: &[JType],
    ) -> Result<Value> {
        let arr = || {
            j.as_array()
                .ok_or_else(|| bad(format!("expected an array for {class}")))
        };
        Ok(match kind {
            Kind::Boxed(p) => prim_value(*p, j)?,
            Kind::Str => string_value(j)?,
            Kind::Enum(_) | Kind::EnumName(_) => Value::Enum {
                class: class.into(),
                name: j
                    .as_str()
                    .ok_or_else(|| bad("expected an enum constant name"))?
                    .into(),
            },
            Kind::Bytes => Value::Bytes(
                j.as_str()
                    .and_then(base64::decode)
                    .ok_or_else(|| bad("expected base64"))?,
            ),
            Kind::PrimArray(p) => Value::Array {
                class: class.into(),
                items: arr()?
                    .iter()
                    .map(|x| prim_value(*p, x))
                    .collect::<Result<_>>()?,
            },
            Kind::ObjArray(comp) => Value::Array {
                class: class.into(),
                items: self.items_value(arr()?, &self.element(Some(comp), true))?,
            },
            Kind::Collection(_) => Value::List {
                class: class.into(),
                items: self.items_value(arr()?, &self.element(self.arg(args, 0), true))?,
            },
            Kind::Map(_) => self.map_value(arr()?, class, args)?,
            Kind::Leaf(l) => Value::Jdk {
                class: class.into(),
                json: (l.canonical)(j)?,
            },
            Kind::Special(Special::EnumSet) => Value::Jdk {
                class: class.into(),
                json: self.enum_set_json(j)?,
            },
            Kind::Special(Special::EmptyMap | Special::SingletonMap) => {
                self.map_value(arr()?, class, &[])?
            }
            Kind::Special(_) => Value::List {
                class: class.into(),
                items: self.items_value(arr()?, &self.element(None, true))?,
            },
            Kind::User(def) => self.object_value(j, class, def, args)?,
        })
    }

    fn map_value(&self, pairs: &[Json], class: &str, args: &[JType]) -> Result<Value> {
        let k = self.element(self.arg(args, 0), true);
        let v = self.element(self.arg(args, 1), true);
        let mut entries = Vec::with_capacity(pairs.len());
        for (i, pair) in pairs.iter().enumerate() {
            let entry = match pair.as_array().map(Vec::as_slice) {
                Some([key, value]) => self
                    .value_of_json(key, &k.how, &k.args)
                    .and_then(|key| Ok((key, self.value_of_json(value, &v.how, &v.args)?))),
                _ => Err(bad("expected a [key, value] pair")),
            };
            entries.push(entry.map_err(|e| e.in_element(i))?);
        }
        Ok(Value::Map {
            class: class.into(),
            entries,
        })
    }

    fn object_value(&self, j: &Json, class: &str, def: &ClassDef, args: &[JType]) -> Result<Value> {
        let obj = j
            .as_object()
            .ok_or_else(|| bad(format!("expected an object for {class}")))?;
        let mut fields = Vec::new();
        for Slot { key, how, args, .. } in self.slots(def, args)?.iter() {
            let f = match obj.get(key) {
                Some(f) => f,
                None if !def.serializer.all_fields() => continue,
                None => &Json::Null,
            };
            let v = self
                .value_of_json(f, how, args)
                .map_err(|e| e.in_field(key, class))?;
            fields.push((key.clone(), v));
        }
        Ok(Value::Object {
            class: class.into(),
            fields,
        })
    }

    fn items_value(&self, items: &[Json], slot: &Slot) -> Result<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(
                self.value_of_json(x, &slot.how, &slot.args)
                    .map_err(|e| e.in_element(i))?,
            );
        }
        Ok(out)
    }
}

fn as_u32(j: &Json) -> Result<u32> {
    j.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| bad(format!("expected a reference id, found {j}")))
}

fn utf16_json(units: &[u16]) -> Json {
    json!({ "utf16": units })
}

fn string_json(v: &Value) -> Result<Json> {
    Ok(match v {
        Value::Null => Json::Null,
        Value::String(JString::Str(s)) => Json::String(s.clone()),
        Value::String(JString::Utf16(u)) => utf16_json(u),
        v => return Err(wrong("java.lang.String", format!("{v:?}"))),
    })
}

fn string_value(j: &Json) -> Result<Value> {
    match j {
        Json::Null => Ok(Value::Null),
        Json::String(s) => Ok(Value::string(s)),
        _ => Ok(Value::String(JString::from_units(utf16_units(j)?))),
    }
}

fn utf16_units(j: &Json) -> Result<Vec<u16>> {
    j.get("utf16")
        .and_then(Json::as_array)
        .and_then(|a| {
            a.iter()
                .map(|u| u.as_u64().and_then(|u| u16::try_from(u).ok()))
                .collect()
        })
        .ok_or_else(|| {
            bad(format!(
                "expected a string or {{\"utf16\": [units]}}, found {j}"
            ))
        })
}

/// A float as the shortest JSON number that reads back to the same bits;
/// NaN and the infinities as strings.
fn float_json(v: f64, shortest: &str) -> Json {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let n = shortest.parse::<f64>().ok().and_then(Number::from_f64);
    Json::Number(
        n.or_else(|| Number::from_f64(v))
            .unwrap_or_else(|| 0.into()),
    )
}

fn prim_json(p: Prim, v: &Value) -> Result<Json> {
    Ok(match (p, v) {
        (Prim::Boolean, Value::Bool(b)) => (*b).into(),
        (Prim::Byte, Value::Byte(n)) => (*n).into(),
        (Prim::Short, Value::Short(n)) => (*n).into(),
        (Prim::Int, Value::Int(n)) => (*n).into(),
        (Prim::Long, Value::Long(n)) => (*n).into(),
        (Prim::Float, Value::Float(f)) => {
            let short = f.to_string();
            // Parsing the f32's shortest text as f64 could round twice:
            // keep the exact f64 then.
            if short.parse::<f64>().map(|d| d as f32) == Ok(*f) {
                float_json(f64::from(*f), &short)
            } else {
                float_json(f64::from(*f), &f64::from(*f).to_string())
            }
        }
        (Prim::Double, Value::Double(d)) => float_json(*d, &d.to_string()),
        (Prim::Char, Value::Char(c)) => match char::from_u32(u32::from(*c)) {
            Some(ch) => Json::String(ch.to_string()),
            None => utf16_json(&[*c]),
        },
        (p, v) => return Err(wrong(p.name(), format!("{v:?}"))),
    })
}

/// A double's JSON form (as a `double` field's).
pub(crate) fn double_json(d: f64) -> Json {
    float_json(d, &d.to_string())
}

/// A double from its JSON form.
pub(crate) fn double_of_json(j: &Json) -> Option<f64> {
    float_value(j)
}

fn float_value(j: &Json) -> Option<f64> {
    match j.as_str() {
        Some("NaN") => Some(f64::NAN),
        Some("Infinity") => Some(f64::INFINITY),
        Some("-Infinity") => Some(f64::NEG_INFINITY),
        Some(_) => None,
        None => j.as_f64(),
    }
}

fn prim_value(p: Prim, j: &Json) -> Result<Value> {
    let int = || {
        j.as_i64()
            .ok_or_else(|| bad(format!("expected an integer for {}, found {j}", p.name())))
    };
    let fit = |n: i64| bad(format!("{n} does not fit a {}", p.name()));
    Ok(match p {
        Prim::Boolean => Value::Bool(
            j.as_bool()
                .ok_or_else(|| bad(format!("expected a boolean, found {j}")))?,
        ),
        Prim::Byte => Value::Byte(int().and_then(|n| i8::try_from(n).map_err(|_| fit(n)))?),
        Prim::Short => Value::Short(int().and_then(|n| i16::try_from(n).map_err(|_| fit(n)))?),
        Prim::Int => Value::Int(int().and_then(|n| i32::try_from(n).map_err(|_| fit(n)))?),
        Prim::Long => Value::Long(int()?),
        Prim::Float => Value::Float(
            float_value(j).ok_or_else(|| bad(format!("expected a float, found {j}")))? as f32,
        ),
        Prim::Double => Value::Double(
            float_value(j).ok_or_else(|| bad(format!("expected a double, found {j}")))?,
        ),
        Prim::Char => {
            let units = match j.as_str() {
                Some(s) => s.encode_utf16().collect(),
                None => utf16_units(j)?,
            };
            match units[..] {
                [c] => Value::Char(c),
                _ => return Err(bad(format!("expected one UTF-16 character, found {j}"))),
            }
        }
    })
}

/// Standard base64 with padding, for `byte[]`.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub(super) fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
        let body = text.trim_end_matches('=');
        if !text.len().is_multiple_of(4) || text.len() - body.len() > 2 {
            return None;
        }
        let mut out = Vec::with_capacity(body.len() * 3 / 4);
        let mut acc = 0u32;
        for (i, c) in body.bytes().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            acc = acc << 6 | v;
            if i % 4 == 3 {
                out.extend_from_slice(&acc.to_be_bytes()[1..]);
                acc = 0;
            }
        }
        match body.len() % 4 {
            0 => {}
            2 => out.push((acc >> 4) as u8),
            3 => out.extend_from_slice(&((acc >> 2) as u16).to_be_bytes()),
            _ => return None,
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn round_trips() {
            for n in 0..7u8 {
                let b: Vec<u8> = (0..n).map(|i| i.wrapping_mul(97)).collect();
                assert_eq!(super::decode(&super::encode(&b)).as_deref(), Some(&b[..]));
            }
            assert_eq!(super::encode(b"Man"), "TWFu");
            assert_eq!(super::encode(b"Ma"), "TWE=");
            assert_eq!(super::decode("TWE"), None);
        }
    }
}
