//! `kryo5 decode/encode --many`, `kryo5 inspect` and `kryo5 bench` run as
//! the real binary on files: a stream of graphs Java wrote (the interop
//! rig), and malformed files, which exit non-zero with the offset and a
//! hint.

mod common;

use std::path::Path;
use std::process::Output;

use common::{kryo5, scratch};

use kryo5_interop::jvm;
use kryo5_interop::value::unhex;

const SCHEMA: &str = "../kryo5-dynamic/tests/schemas/media.toml";

/// The MediaContent cases Java writes with `writeClassAndObject`.
const MEDIA: [&str; 4] = ["media", "media_copyright", "media_unicode", "media_empty"];

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `kryo5 COMMAND --schema SCHEMA --many FILE -o OUT`, which must
/// succeed.
fn many(command: &str, file: &Path, out: &Path) {
    let o = kryo5(&[
        command,
        "--schema",
        SCHEMA,
        "--many",
        path(file),
        "-o",
        path(out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Java's bytes for each `MEDIA` case, by `writeClassAndObject`.
fn java_media() -> Vec<Vec<u8>> {
    let script: String = MEDIA
        .iter()
        .map(|c| format!("GRAPH WRITE {c} cao\n"))
        .collect();
    jvm()
        .run_text(&script)
        .lines()
        .map(|line| line.strip_prefix("OK x").and_then(unhex).expect(line))
        .collect()
}

#[test]
fn many_decodes_a_java_stream_to_json_lines_and_encodes_it_back() {
    let dir = scratch("many");
    let graphs = java_media();
    // Repeated, so that graphs of the stream differ and repeat.
    let stream: Vec<u8> = graphs.iter().chain(&graphs).flatten().copied().collect();
    let bin = dir.join("stream.bin");
    std::fs::write(&bin, &stream).unwrap();
    let jsonl = dir.join("stream.jsonl");
    many("decode", &bin, &jsonl);
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 * MEDIA.len());
    assert!(lines[1].contains("© 2009 Sun Microsystems"), "{}", lines[1]);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("{\"@class\":\"CasesMedia$MediaContent\""))
    );
    // One graph alone decodes to the same JSON as its line.
    let one = dir.join("one.bin");
    std::fs::write(&one, &graphs[2]).unwrap();
    let o = kryo5(&["decode", "--schema", SCHEMA, path(&one)]);
    let single: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        single,
        serde_json::from_str::<serde_json::Value>(lines[2]).unwrap()
    );

    let back = dir.join("back.bin");
    many("encode", &jsonl, &back);
    assert_eq!(std::fs::read(&back).unwrap(), stream);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn many_reports_the_failing_graph_with_its_file_offset() {
    let dir = scratch("many-bad");
    let graphs = java_media();
    // A whole graph, then a truncated one.
    let first = graphs[0].len();
    let mut stream = graphs[0].clone();
    stream.extend_from_slice(&graphs[1][..graphs[1].len() / 2]);
    let bin = dir.join("truncated.bin");
    std::fs::write(&bin, &stream).unwrap();
    let o = kryo5(&["decode", "--schema", SCHEMA, "--many", path(&bin)]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains(&format!("graph 2 (from byte {first})")),
        "{err}"
    );
    assert!(
        err.contains("unexpected end of input") && err.contains("hint:"),
        "{err}"
    );
    // The first graph was printed before the failure.
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);

    let jsonl = dir.join("bad.jsonl");
    std::fs::write(
        &jsonl,
        "{\"@class\": \"java.lang.Integer\", \"@value\": 5}\n\n{\"@class\": \n",
    )
    .unwrap();
    let o = kryo5(&["encode", "--schema", SCHEMA, "--many", path(&jsonl)]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("line 3:") && err.contains("hint: --many takes one JSON document per line"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}
