//! Recording where each part of a graph lies in the bytes, for annotated
//! dumps (`kryo5 inspect`): when [`Codec::record`] is on, every read
//! position adds a [`Span`], and so do the class and the reference marker
//! written before a value. Off (the default), reads record nothing.

use crate::codec::Codec;
use crate::jtype::Prim;
use crate::value::Value;

/// A run of bytes and what it holds, in the order the reader met them.
///
/// ```
/// use kryo5_dynamic::{Brief, Codec, Root, Schema, Span, What};
/// let mut codec = Codec::new(Schema::from_toml("", "s")?);
/// codec.record(true);
/// codec.read(&mut kryo5_io::Input::new(&[0x03, 0x82, 0x61]), &Root::ClassAndObject)?;
/// let spans = codec.take_spans();
/// assert_eq!(spans[0].start, 0);
/// assert_eq!(spans[0].end, Some(3));
/// assert!(matches!(spans[0].what, What::Value(Brief::Leaf(_))));
/// assert_eq!(spans[1], Span { depth: 1, start: 0, end: Some(1), what: What::Class(Some("java.lang.String".into())) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Nesting: a value's class, marker and nested values are one deeper.
    pub depth: u32,
    /// Offset of the first byte (the input's total).
    pub start: u64,
    /// Offset after the last byte; `None` for a value whose read failed.
    pub end: Option<u64>,
    /// What the bytes hold.
    pub what: What,
}

/// What a [`Span`] holds.
///
/// ```
/// use kryo5_dynamic::{Codec, Root, Schema, What};
/// let mut codec = Codec::new(Schema::from_toml("references = true", "s")?);
/// codec.record(true);
/// // A String by writeClassAndObject: class 1 (String), marker 1, "a".
/// codec.read(&mut kryo5_io::Input::new(&[0x03, 0x01, 0x82, 0x61]), &Root::ClassAndObject)?;
/// let whats: Vec<What> = codec.take_spans().into_iter().skip(1).map(|s| s.what).collect();
/// assert_eq!(whats, [What::Class(Some("java.lang.String".into())), What::Marker(1)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A value in its position: class, marker and payload.
    Value(Brief),
    /// The class written before a value (`None`: Java null).
    Class(Option<String>),
    /// A reference marker: 0 null, 1 a new object, n ≥ 2 a back-reference
    /// to id n − 2 (or, references off, Java's not-null byte).
    Marker(u32),
}

/// A value as a dump shows it: leaves whole, containers by shape (their
/// parts follow as spans of their own).
///
/// ```
/// use kryo5_dynamic::{Brief, Value};
/// let b = Brief::of(&Value::Int(3));
/// assert_eq!(b, Brief::Leaf(Value::Int(3)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Brief {
    /// A value with no nested positions: a primitive, string, enum,
    /// primitive array, null or back-reference.
    Leaf(Value),
    /// An object: its class and its field keys in wire order.
    Object {
        /// The class.
        class: String,
        /// The field keys.
        fields: Vec<String>,
    },
    /// An array, collection or map: its class and element count (a map's
    /// entries, whose keys and values alternate).
    Elements {
        /// The class.
        class: String,
        /// Elements, or entries of a map.
        len: usize,
        /// Whether it is a map.
        map: bool,
    },
    /// A value that takes a reference id: Kryo's id and the value.
    Shared(u32, Box<Brief>),
}

impl Brief {
    /// The brief form of `v`.
    ///
    /// ```
    /// use kryo5_dynamic::{Brief, Value};
    /// let list = Value::List { class: "java.util.ArrayList".into(), items: vec![Value::Null] };
    /// assert_eq!(Brief::of(&list), Brief::Elements { class: "java.util.ArrayList".into(), len: 1, map: false });
    /// ```
    #[must_use]
    pub fn of(v: &Value) -> Brief {
        match v {
            Value::Object { class, fields } => Brief::Object {
                class: class.clone(),
                fields: fields.iter().map(|f| f.0.clone()).collect(),
            },
            Value::Array { class, items } if !is_prim_array(class) => Brief::Elements {
                class: class.clone(),
                len: items.len(),
                map: false,
            },
            Value::List { class, items } => Brief::Elements {
                class: class.clone(),
                len: items.len(),
                map: false,
            },
            Value::Map { class, entries } => Brief::Elements {
                class: class.clone(),
                len: entries.len(),
                map: true,
            },
            Value::Shared { id, value } => Brief::Shared(*id, Box::new(Brief::of(value))),
            leaf => Brief::Leaf(leaf.clone()),
        }
    }
}

fn is_prim_array(class: &str) -> bool {
    class
        .strip_suffix("[]")
        .is_some_and(|c| Prim::from_name(c).is_some())
}

/// The recording under way.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    spans: Vec<Span>,
    depth: u32,
}

impl Codec {
    /// Turns recording of [`Span`]s on or off (off by default); reads then
    /// add to the spans until [`Codec::take_spans`].
    ///
    /// ```
    /// let mut codec = kryo5_dynamic::Codec::new(kryo5_dynamic::Schema::from_toml("", "s")?);
    /// codec.record(true);
    /// assert!(codec.take_spans().is_empty());
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    pub fn record(&mut self, on: bool) {
        self.recorder = on.then(Box::default);
    }

    /// The spans recorded so far (in reading order), leaving none.
    ///
    /// ```
    /// let mut codec = kryo5_dynamic::Codec::new(kryo5_dynamic::Schema::from_toml("", "s")?);
    /// assert!(codec.take_spans().is_empty()); // not recording
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    pub fn take_spans(&mut self) -> Vec<Span> {
        self.recorder
            .as_mut()
            .map(|r| std::mem::take(&mut r.spans))
            .unwrap_or_default()
    }

    /// Opens the span of a value starting at `start`; pair with
    /// [`Codec::close_value`].
    #[inline]
    pub(crate) fn open_value(&mut self, start: u64) -> Option<usize> {
        let r = self.recorder.as_mut()?;
        r.spans.push(Span {
            depth: r.depth,
            start,
            end: None,
            what: What::Value(Brief::Leaf(Value::Null)),
        });
        r.depth += 1;
        Some(r.spans.len() - 1)
    }

    /// Closes the span `open` returned, with the value read (its end stays
    /// `None` when the read failed).
    #[inline]
    pub(crate) fn close_value<E>(&mut self, open: Option<usize>, end: u64, v: &Result<Value, E>) {
        let (Some(i), Some(r)) = (open, self.recorder.as_mut()) else {
            return;
        };
        r.depth -= 1;
        if let Ok(v) = v {
            r.spans[i].end = Some(end);
            r.spans[i].what = What::Value(Brief::of(v));
        }
    }

    /// Records the class or marker read from `start` to `end` inside the
    /// value being read.
    #[inline]
    pub(crate) fn note(&mut self, start: u64, end: u64, what: impl FnOnce() -> What) {
        if let Some(r) = self.recorder.as_mut() {
            r.spans.push(Span {
                depth: r.depth,
                start,
                end: Some(end),
                what: what(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use kryo5_io::{Input, Output};

    use super::*;
    use crate::{Root, Schema};

    const SCHEMA: &str = r#"
references = true
[[class]]
name = "java.util.ArrayList"
[[class]]
name = "a.P"
fields = [{ name = "label", type = "String" }, { name = "next", type = "a.P" }, { name = "xs", type = "java.util.List" }]
"#;

    /// A P whose list holds a string, the P itself and null.
    fn graph() -> Value {
        let list = Value::List {
            class: "java.util.ArrayList".into(),
            items: vec![Value::string("s"), Value::Ref(0), Value::Null],
        };
        Value::Shared {
            id: 0,
            value: Box::new(Value::Object {
                class: "a.P".into(),
                fields: vec![
                    ("label".into(), Value::string("p")),
                    ("next".into(), Value::Null),
                    ("xs".into(), list),
                ],
            }),
        }
    }

    /// Depths step in by one at most; finished spans lie inside the input.
    fn well_formed(spans: &[Span], len: u64) {
        let mut depth = 0;
        for s in spans {
            assert!(s.depth <= depth + 1, "{spans:#?}");
            depth = s.depth;
            assert!(s.end.is_none_or(|e| s.start <= e && e <= len), "{s:?}");
        }
    }

    #[test]
    fn spans_cover_a_graph_and_every_cut_of_it() {
        let mut codec = Codec::new(Schema::from_toml(SCHEMA, "s").unwrap());
        let mut out = Output::new();
        codec
            .write(&mut out, &graph(), &Root::ClassAndObject)
            .unwrap();
        let bytes = out.as_slice();
        codec.record(true);
        codec
            .read(&mut Input::new(bytes), &Root::ClassAndObject)
            .unwrap();
        let spans = codec.take_spans();
        well_formed(&spans, bytes.len() as u64);
        assert_eq!(spans[0].end, Some(bytes.len() as u64));
        let markers = spans.iter().filter(|s| matches!(s.what, What::Marker(_)));
        assert!(
            markers.clone().any(|s| s.what == What::Marker(2)),
            "{spans:#?}"
        );
        assert!(
            spans
                .iter()
                .any(|s| s.what == What::Value(Brief::Leaf(Value::Ref(0))))
        );
        for n in 0..bytes.len() {
            assert!(
                codec
                    .read(&mut Input::new(&bytes[..n]), &Root::ClassAndObject)
                    .is_err()
            );
            let spans = codec.take_spans();
            well_formed(&spans, n as u64);
            // The root opened, and failed.
            assert_eq!(spans[0].start, 0);
            assert_eq!(spans[0].end, None, "{n}");
        }
    }
}
