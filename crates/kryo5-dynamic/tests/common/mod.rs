//! What the interop tests share: Java writing cases in one JVM run, and
//! the decode → JSON → encode round trip compared with Java's bytes.

#![allow(dead_code, unreachable_pub)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use kryo5::io::{Input, Output};
use kryo5_dynamic::{Codec, JType, Root, Schema, Value, json};
use kryo5_interop::graph::{Entry, Graphs, hex_diff};
use kryo5_interop::jvm;
use kryo5_interop::value::{hex, unhex};

/// Java's bytes for each `(case, entry)` (`entry`: `obj` or `cao`), from
/// one JVM run. Panics with Java's message if Java cannot write one.
pub fn java_write_all(cases: &[(String, &str)]) -> Vec<Vec<u8>> {
    let script: String = cases
        .iter()
        .map(|(name, entry)| format!("GRAPH WRITE {name} {entry}\n"))
        .collect();
    let out = jvm().run_text(&script);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), cases.len(), "one answer per case:\n{out}");
    cases
        .iter()
        .zip(lines)
        .map(|((name, entry), line)| {
            line.strip_prefix("OK x")
                .and_then(unhex)
                .unwrap_or_else(|| {
                    let short: String = line.chars().take(300).collect();
                    panic!("Java could not write {name} {entry}: {short}")
                })
        })
        .collect()
}

/// Java reads each `(case, entry, bytes)` (one JVM run) and compares what
/// it reads with its own value of the case; panics with Java's answer
/// unless every case reads back equal.
pub fn java_reads_all(cases: &[(String, &str, Vec<u8>)]) {
    let script: String = cases
        .iter()
        .map(|(name, entry, bytes)| format!("GRAPH READ {name} {entry} x{}\n", hex(bytes)))
        .collect();
    let out = jvm().run_text(&script);
    for line in out.lines() {
        assert!(line.starts_with("OK "), "Java: {line}");
    }
    assert_eq!(
        out.lines().count(),
        cases.len(),
        "one answer per case:\n{out}"
    );
}

/// The schema `toml` (named `file` in errors) for one Java setup:
/// references on or off, its classes registered or all written by name.
pub fn setup(toml: &str, file: &str, references: bool, registered: bool) -> Schema {
    let mut s = Schema::from_toml(toml, file).unwrap_or_else(|e| panic!("{e}"));
    s.references = references;
    s.registration_required = registered;
    for c in &mut s.classes {
        c.register &= registered;
    }
    s
}

/// The codec's bytes for `v`.
pub fn encode(codec: &mut Codec, v: &Value, root: &Root) -> Vec<u8> {
    let mut out = Output::new();
    codec.write(&mut out, v, root).expect("the codec encodes");
    out.into_vec()
}

/// Decodes Java's bytes, converts to JSON text and back, encodes: the
/// bytes must be Java's; every truncation of them is a typed error with
/// an offset inside the prefix. Returns the value decoded.
///
/// Runs on a thread with a large stack and a matching stack budget: the
/// deep cases (200 links) take about 7 KiB of stack per level through the
/// JSON conversion in debug builds, beyond the default 1 MiB budget.
pub fn round_trip(codec: &mut Codec, java: &[u8], root: &Root, label: &str) -> Value {
    round_trip_sweeping(codec, java, root, label, true)
}

/// [`round_trip`], with the truncations only if `sweep` (the random graphs
/// sweep one seed in eight, as the graph rig does).
pub fn round_trip_sweeping(
    codec: &mut Codec,
    java: &[u8],
    root: &Root,
    label: &str,
    sweep: bool,
) -> Value {
    codec.set_max_stack(16 << 20);
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(32 << 20)
            .spawn_scoped(s, || round_trip_here(codec, java, root, label, sweep))
            .expect("a test thread")
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

fn round_trip_here(codec: &mut Codec, java: &[u8], root: &Root, label: &str, sweep: bool) -> Value {
    let value = codec
        .read(&mut Input::new(java), root)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let j = json::to_json(codec, &value, root).unwrap_or_else(|e| panic!("{label}: to JSON: {e}"));
    let text = j.to_string();
    // The streaming writer prints the same text as the tree.
    let mut streamed = Vec::new();
    json::write_json(codec, &value, root, &mut streamed)
        .unwrap_or_else(|e| panic!("{label}: write JSON: {e}"));
    assert_eq!(
        String::from_utf8_lossy(&streamed),
        text,
        "{label}: write_json"
    );
    // serde_json's parser stops at 128 levels of nesting: the deep chain
    // (200 links) goes from the JSON value without text.
    let parsed = if label.contains("deep") {
        j
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{label}: {e}"))
    };
    let back = json::from_json(codec, &parsed, root)
        .unwrap_or_else(|e| panic!("{label}: from JSON: {e}\n{text}"));
    // Debug forms: NaN is not equal to itself.
    assert_eq!(
        format!("{back:?}"),
        format!("{value:?}"),
        "{label}: JSON round trip\n{text}"
    );
    assert_eq!(encode(codec, &back, root), java, "{label}\n{text}");
    for cut in (0..java.len()).filter(|_| sweep) {
        let e = codec
            .read(&mut Input::new(&java[..cut]), root)
            .expect_err("a truncated graph does not decode");
        let at = e
            .offset()
            .unwrap_or_else(|| panic!("{label} cut {cut}: no offset: {e}"));
        assert!(at <= cut as u64, "{label} cut {cut}: offset {at}: {e}");
    }
    value
}

/// What [`typed_vs_dynamic`] compared.
#[derive(Debug)]
pub struct Coverage {
    /// Cases compared three ways.
    pub covered: usize,
    /// Cases left out (no schema for them), by name.
    pub left_out: Vec<String>,
    /// All cases.
    pub total: usize,
}

/// The three writers of one graph agree: for every case `cases` adds that
/// `schema_of` gives a schema for (by case name), Java writes the case (one
/// JVM for all), the codec decodes Java's bytes, goes through JSON text and
/// back and encodes Java's bytes ([`round_trip`], truncations included),
/// and the typed Rust twin's bytes equal the codec's (and so Java's).
/// Panics listing every failing case.
pub fn typed_vs_dynamic(
    cases: impl FnOnce(&mut Graphs),
    schema_of: impl Fn(&str) -> Option<Schema>,
) -> Coverage {
    let mut graphs = Graphs::new();
    cases(&mut graphs);
    let written = graphs.typed_bytes();
    let mut left_out = Vec::new();
    let mut chosen = Vec::new();
    for w in &written {
        match schema_of(&w.name) {
            Some(s) => chosen.push((w, s)),
            None => left_out.push(w.name.clone()),
        }
    }
    let entry = |e: Entry| match e {
        Entry::ClassAndObject => "cao",
        Entry::Object => "obj",
    };
    let names: Vec<(String, &str)> = chosen
        .iter()
        .map(|(w, _)| (w.name.clone(), entry(w.entry)))
        .collect();
    let java = java_write_all(&names);
    let mut failures = Vec::new();
    for ((w, schema), java) in chosen.into_iter().zip(java) {
        let label = format!("{} {}", w.name, entry(w.entry));
        let root = match w.entry {
            Entry::ClassAndObject => Root::ClassAndObject,
            Entry::Object => Root::Object(
                JType::from_class_name(&w.class).unwrap_or_else(|| panic!("{label}: class")),
            ),
        };
        let mut codec = Codec::new(schema);
        let run = catch_unwind(AssertUnwindSafe(|| {
            let value = round_trip_sweeping(&mut codec, &java, &root, &label, w.sweep);
            encode(&mut codec, &value, &root)
        }));
        let codec_bytes = match run {
            Ok(bytes) => bytes,
            Err(p) => {
                let text = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{label}: codec: {text}"));
                continue;
            }
        };
        match &w.bytes {
            Ok(typed) => {
                if let Some(d) = hex_diff("typed", typed, "codec", &codec_bytes) {
                    failures.push(format!("{label}: typed twin and codec differ:\n{d}"));
                }
            }
            Err(e) => failures.push(format!("{label}: the typed twin cannot write: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    eprintln!(
        "{} cases compared three ways; left out: {left_out:?}",
        names.len()
    );
    Coverage {
        covered: names.len(),
        left_out,
        total: written.len(),
    }
}
