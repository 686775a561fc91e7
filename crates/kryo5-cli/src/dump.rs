//! The annotated dump of one graph: the codec's [`Span`]s as an indented
//! tree of lines `offset  raw bytes  meaning`.

use kryo5::dynamic::{Brief, JString, Span, Value, What};
use kryo5::io::Input;

use crate::color::{Paint, Style};

/// Bytes shown per line.
const PER_LINE: usize = 8;
/// Lines of bytes shown for one value before the rest is counted.
const MAX_LINES: usize = 4;

/// A span and the spans read inside it.
struct Node<'s> {
    span: &'s Span,
    children: Vec<Node<'s>>,
}

/// Nests `spans` (in reading order, with depths) into trees.
fn nest(spans: &[Span]) -> Vec<Node<'_>> {
    fn take<'s>(spans: &'s [Span], i: &mut usize, depth: u32) -> Vec<Node<'s>> {
        let mut out = Vec::new();
        while let Some(span) = spans.get(*i).filter(|s| s.depth >= depth) {
            *i += 1;
            let children = take(spans, i, span.depth + 1);
            out.push(Node { span, children });
        }
        out
    }
    take(spans, &mut 0, spans.first().map_or(0, |s| s.depth))
}

/// Writes the dump of `spans` over `bytes` (whose offset 0 is `base` in
/// the file) as lines into `out`.
pub(crate) fn render(bytes: &[u8], base: u64, spans: &[Span], paint: Paint, out: &mut Vec<String>) {
    let d = Dump { bytes, base, paint };
    for node in nest(spans) {
        d.node(&node, None, None, 0, out);
    }
}

/// The header line of a dump.
pub(crate) fn heading(paint: Paint) -> String {
    paint.paint(
        Style::Dim,
        &format!(
            "{:>8}  {:<w$}  meaning",
            "offset",
            "bytes",
            w = PER_LINE * 3 - 1
        ),
    )
}

/// Lines for raw bytes `bytes[from..to]` with the meaning `what`.
pub(crate) fn raw(
    bytes: &[u8],
    base: u64,
    from: usize,
    to: usize,
    what: &str,
    paint: Paint,
) -> Vec<String> {
    let mut out = Vec::new();
    Dump { bytes, base, paint }.lines(from, to, 0, what.to_owned(), &mut out);
    out
}

struct Dump<'b> {
    bytes: &'b [u8],
    base: u64,
    paint: Paint,
}

impl Dump<'_> {
    /// Lines for `bytes[from..to]`, wrapped, the first with `meaning`.
    fn lines(&self, from: usize, to: usize, indent: usize, meaning: String, out: &mut Vec<String>) {
        let to = to.min(self.bytes.len());
        let from = from.min(to);
        let p = self.paint;
        let pad = "  ".repeat(indent);
        let mut chunks: Vec<&[u8]> = self.bytes[from..to].chunks(PER_LINE).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        let shown = chunks.len().min(MAX_LINES);
        let mut at = from;
        for (k, chunk) in chunks.iter().take(shown).enumerate() {
            let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
            let mut text = if k == 0 {
                meaning.clone()
            } else {
                String::new()
            };
            if k + 1 == shown && chunks.len() > shown {
                text += &p.paint(Style::Dim, &format!(" (+{} bytes)", to - at - chunk.len()));
            }
            out.push(format!(
                "{}  {}  {pad}{text}",
                p.paint(Style::Dim, &format!("{:>8}", self.base + at as u64)),
                p.paint(
                    Style::Bytes,
                    &format!("{:<w$}", hex.join(" "), w = PER_LINE * 3 - 1)
                ),
            ));
            at += chunk.len();
        }
    }

    /// Lines for `node`; `label_id` is the reference id its parent took.
    fn node(
        &self,
        node: &Node<'_>,
        label: Option<&str>,
        label_id: Option<u32>,
        indent: usize,
        out: &mut Vec<String>,
    ) {
        let p = self.paint;
        let span = node.span;
        let start = (span.start as usize).min(self.bytes.len());
        let end = span.end.map(|e| e as usize);
        let label = label.map_or_else(String::new, |l| format!("{}: ", p.paint(Style::Name, l)));
        let meaning = match &span.what {
            What::Class(name) => format!("{label}{}", self.class(start, name.as_deref())),
            What::Marker(m) => format!("{label}{}", p.paint(Style::Marker, &marker(*m, label_id))),
            What::Value(brief) if end.is_some() => format!("{label}{}", self.brief(brief)),
            What::Value(_) => format!("{label}{}", p.paint(Style::Error, "failed here")),
        };
        if node.children.is_empty() {
            return self.lines(start, end.unwrap_or(start), indent, meaning, out);
        }
        self.lines(start, start, indent, meaning, out);
        let labels = child_labels(span);
        let mut at = start;
        let mut values = 0;
        for child in &node.children {
            let from = child.span.start as usize;
            if from > at {
                self.lines(at, from, indent + 1, self.gap(span, values, at, from), out);
            }
            let label = match child.span.what {
                What::Value(_) => {
                    values += 1;
                    labels(values - 1)
                }
                _ => None,
            };
            let id = match span.what {
                What::Value(Brief::Shared(id, _)) => Some(id),
                _ => None,
            };
            self.node(child, label.as_deref(), id, indent + 1, out);
            at = child.span.end.map_or(from, |e| e as usize);
        }
        if let Some(end) = end.filter(|&e| e > at) {
            self.lines(at, end, indent + 1, self.gap(span, values, at, end), out);
        }
    }

    /// The meaning of `bytes[from..to]` inside a value, which no nested
    /// span covers, after `values` nested values.
    fn gap(&self, span: &Span, values: usize, from: usize, to: usize) -> String {
        let What::Value(brief) = &span.what else {
            return self.paint.paint(Style::Dim, "bytes");
        };
        let text = match unshared(brief) {
            Brief::Leaf(_) => "payload",
            Brief::Elements { .. } if values == 0 => {
                let mut input = Input::new(&self.bytes[from..to]);
                match input.read_var_int(true) {
                    Ok(_) if input.position() == to - from => "size",
                    _ => "size, element class, null flag",
                }
            }
            _ => "bytes",
        };
        self.paint.paint(Style::Dim, text)
    }

    /// A class span: the varint's id (or by name) and the class name.
    fn class(&self, start: usize, name: Option<&str>) -> String {
        let p = self.paint;
        let id = Input::new(&self.bytes[start..]).read_var_int(true).ok();
        let how = match id {
            Some(0) => return p.paint(Style::Class, "class null (the value is null)"),
            Some(1) => "class by name".to_owned(),
            Some(n) => format!("class id {}", n - 2),
            None => "class".to_owned(),
        };
        format!("{how}: {}", p.paint(Style::Class, name.unwrap_or("?")))
    }

    fn brief(&self, b: &Brief) -> String {
        let p = self.paint;
        match b {
            Brief::Leaf(v) => leaf(v, p),
            Brief::Object { class, .. } => p.paint(Style::Class, class),
            Brief::Elements { class, len, map } => format!(
                "{} ({len} {})",
                p.paint(Style::Class, class),
                if *map { "entries" } else { "elements" }
            ),
            Brief::Shared(id, inner) => format!(
                "{} {}",
                self.brief(inner),
                p.paint(Style::Marker, &format!("#{id}"))
            ),
        }
    }
}

/// Labels of the values nested in `span`, by index.
fn child_labels(span: &Span) -> impl Fn(usize) -> Option<String> + '_ {
    move |i| {
        let What::Value(brief) = &span.what else {
            return None;
        };
        Some(match unshared(brief) {
            Brief::Object { fields, .. } => fields.get(i)?.clone(),
            Brief::Elements { map: true, .. } if i % 2 == 0 => format!("key {}", i / 2),
            Brief::Elements { map: true, .. } => format!("value {}", i / 2),
            _ => format!("[{i}]"),
        })
    }
}

/// The value a [`Brief::Shared`] holds, or `b`.
fn unshared(b: &Brief) -> &Brief {
    match b {
        Brief::Shared(_, inner) => inner,
        b => b,
    }
}

/// A reference marker inside a value that took reference id `id`, if any.
fn marker(m: u32, id: Option<u32>) -> String {
    match (m, id) {
        (0, _) => "marker 0: null".into(),
        (1, Some(id)) => format!("marker 1: new object #{id}"),
        (1, None) => "marker 1: not null".into(),
        (n, _) => format!("marker {n}: reference to #{}", n - 2),
    }
}

/// A value with no nested positions, as text.
fn leaf(v: &Value, p: Paint) -> String {
    const MAX: usize = 60;
    let text = match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Byte(n) => format!("{n} (byte)"),
        Value::Short(n) => format!("{n} (short)"),
        Value::Int(n) => format!("{n} (int)"),
        Value::Long(n) => format!("{n} (long)"),
        Value::Float(x) => format!("{x} (float)"),
        Value::Double(x) => format!("{x} (double)"),
        Value::Char(c) => match char::from_u32(u32::from(*c)) {
            Some(ch) => format!("{ch:?} (char)"),
            None => format!("\\u{c:04x} (char)"),
        },
        Value::String(JString::Str(s)) => {
            let cut: String = s.chars().take(MAX).collect();
            let more = s.chars().count().saturating_sub(MAX);
            let mut t = serde_json::Value::String(cut).to_string();
            if more > 0 {
                t += &format!("… (+{more} chars)");
            }
            t
        }
        Value::String(JString::Utf16(u)) => {
            format!("string of {} UTF-16 units with a lone surrogate", u.len())
        }
        Value::Bytes(b) => format!("byte[{}]", b.len()),
        Value::Enum { class, name } => {
            let short = class.rsplit(['.', '$']).next().unwrap_or(class);
            format!("{short}.{name}")
        }
        Value::Array { class, items } => {
            let shown: Vec<String> = items
                .iter()
                .take(8)
                .map(|x| leaf(x, Paint(false)))
                .collect();
            let more = if items.len() > 8 { ", …" } else { "" };
            let class = class.strip_suffix("[]").unwrap_or(class);
            format!("{class}[{}] [{}{more}]", items.len(), shown.join(", "))
        }
        Value::Ref(id) => return p.paint(Style::Marker, &format!("back-reference to #{id}")),
        other => format!("{other:?}"),
    };
    p.paint(Style::Value, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(depth: u32, start: u64, end: u64, what: What) -> Span {
        Span {
            depth,
            start,
            end: Some(end),
            what,
        }
    }

    #[test]
    fn an_object_prints_its_class_fields_and_bytes() {
        // Point id 9 (class 0b), label "a" (82 61), x 5 (0a).
        let bytes = [0x0b, 0x82, 0x61, 0x0a];
        let spans = [
            span(
                0,
                0,
                4,
                What::Value(Brief::Object {
                    class: "a.P".into(),
                    fields: vec!["label".into(), "x".into()],
                }),
            ),
            span(1, 0, 1, What::Class(Some("a.P".into()))),
            span(1, 1, 3, What::Value(Brief::Leaf(Value::string("a")))),
            span(1, 3, 4, What::Value(Brief::Leaf(Value::Int(5)))),
        ];
        let mut out = Vec::new();
        render(&bytes, 100, &spans, Paint(false), &mut out);
        assert_eq!(out.len(), 4, "{out:#?}");
        assert!(
            out[0].trim_start().starts_with("100") && out[0].ends_with("a.P"),
            "{}",
            out[0]
        );
        assert!(
            out[1].contains("0b") && out[1].ends_with("class id 9: a.P"),
            "{}",
            out[1]
        );
        assert!(
            out[2].contains("101  82 61") && out[2].ends_with("label: \"a\""),
            "{}",
            out[2]
        );
        assert!(
            out[3].contains("103  0a") && out[3].ends_with("x: 5 (int)"),
            "{}",
            out[3]
        );
    }

    #[test]
    fn long_values_wrap_and_count_the_rest() {
        let bytes = [7u8; 100];
        let out = raw(&bytes, 0, 0, 100, "blob", Paint(false));
        assert_eq!(out.len(), MAX_LINES);
        assert!(out[0].ends_with("blob"));
        assert!(out[3].contains("(+68 bytes)"), "{}", out[3]);
        assert!(out[1].trim_start().starts_with('8'));
    }
}
