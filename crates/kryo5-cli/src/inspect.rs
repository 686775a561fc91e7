//! `kryo5 inspect`: an annotated dump of the graphs in a file, for a person
//! debugging bytes. With a schema every position is named; without one,
//! what the bytes alone reveal under Kryo's defaults (the classes
//! registered on every Kryo, ids 0-8, and classes written by name), then
//! the rest as raw bytes.

use std::io::Write;
use std::path::Path;

use kryo5::dynamic::{Codec, Schema, Span};
use kryo5::io::Input;
use kryo5::{Error, ErrorKind};

use crate::codec::{READ_HINT, RootSel, describe, load_codec, read_file};
use crate::color::{Paint, Style, When};
use crate::dump;

/// Dumps every graph in `file`.
pub(crate) fn run(
    schema: Option<&Path>,
    sel: &RootSel,
    file: &Path,
    color: When,
) -> Result<(), String> {
    let name = file.display();
    let bytes = read_file(file)?;
    let mut codec = match schema {
        Some(s) => load_codec(s)?,
        None => Codec::new(
            Schema::from_toml("registration_required = false", "(no schema)")
                .map_err(|e| e.to_string())?,
        ),
    };
    codec.record(true);
    let root = sel.root()?;
    let paint = Paint(color.on());
    let mut lines = vec![dump::heading(paint)];
    if schema.is_none() {
        lines.push(paint.paint(
            Style::Dim,
            "no schema: Kryo's defaults assumed (references off; ids 0-8: int String float boolean byte char short long double; classes by name)",
        ));
    }
    let mut pos = 0;
    let mut graph = 0;
    let mut failure = None;
    while pos < bytes.len() {
        graph += 1;
        let mut input = Input::new(&bytes[pos..]);
        let r = codec.read(&mut input, &root);
        let spans = codec.take_spans();
        if graph > 1 || r.is_ok() && input.position() < bytes.len() - pos {
            lines.push(paint.paint(Style::Dim, &format!("graph {graph}, from byte {pos}")));
        }
        dump::render(&bytes[pos..], pos as u64, &spans, paint, &mut lines);
        match r {
            Ok(_) => pos += input.position(),
            Err(e) => {
                failure = Some(fail(
                    &bytes,
                    pos,
                    &spans,
                    &e,
                    schema.is_none(),
                    paint,
                    &mut lines,
                ));
                break;
            }
        }
    }
    print(&lines)?;
    match failure {
        Some(Some(text)) => Err(format!("{name}: graph {graph}: {text}")),
        _ => Ok(()),
    }
}

/// Lines for a graph that failed at `e`, ending with the bytes not read;
/// the error to report (`None` where only the schema was missing).
fn fail(
    bytes: &[u8],
    base: usize,
    spans: &[Span],
    e: &Error,
    schemaless: bool,
    paint: Paint,
    lines: &mut Vec<String>,
) -> Option<String> {
    // The bytes not covered by a finished span: from the last end read.
    let from = spans.iter().filter_map(|s| s.end).max().unwrap_or(0) as usize;
    let needs_schema = schemaless
        && matches!(
            e.kind(),
            ErrorKind::Unsupported(_)
                | ErrorKind::UnknownClassId(_)
                | ErrorKind::UnknownClassName(_)
        );
    let what = describe(e, base as u64);
    let note = if needs_schema {
        format!("not decoded: {what}; describe the classes in a schema (--schema)")
    } else {
        format!("error: {what}")
    };
    let style = if needs_schema {
        Style::Dim
    } else {
        Style::Error
    };
    lines.push(paint.paint(style, &note));
    let rest = &bytes[base..];
    if from < rest.len() {
        let left = format!("{} bytes not decoded", rest.len() - from);
        let left = paint.paint(Style::Dim, &left);
        lines.extend(dump::raw(rest, base as u64, from, rest.len(), &left, paint));
    }
    (!needs_schema).then(|| format!("{what}\n{READ_HINT}"))
}

fn print(lines: &[String]) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in lines {
        writeln!(out, "{l}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
