//! What the interop tests share: Java writing cases in one JVM run, and
//! the decode → JSON → encode round trip compared with Java's bytes.

#![allow(dead_code, unreachable_pub)]

use kryo5::io::{Input, Output};
use kryo5_dynamic::{Codec, Root, Value, json};
use kryo5_interop::jvm;
use kryo5_interop::value::unhex;

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
    codec.set_max_stack(16 << 20);
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(32 << 20)
            .spawn_scoped(s, || round_trip_here(codec, java, root, label))
            .expect("a test thread")
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

fn round_trip_here(codec: &mut Codec, java: &[u8], root: &Root, label: &str) -> Value {
    let value = codec
        .read(&mut Input::new(java), root)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let j = json::to_json(codec, &value, root).unwrap_or_else(|e| panic!("{label}: to JSON: {e}"));
    let text = j.to_string();
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
    for cut in 0..java.len() {
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
