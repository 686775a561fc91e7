//! `kryo5 decode/encode --many`, `kryo5 inspect` and `kryo5 bench` run as
//! the real binary on files: a stream of graphs Java wrote (the interop
//! rig), and malformed files, which exit non-zero with the offset and a
//! hint.

mod common;

use std::path::{Path, PathBuf};
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

    // The same from standard input, as in a pipeline.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kryo5"))
        .args(["decode", "--schema", SCHEMA, "--many", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = stream.clone();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &feed));
    let piped = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(piped.status.success());
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), text);

    let back = dir.join("back.bin");
    many("encode", &jsonl, &back);
    assert_eq!(std::fs::read(&back).unwrap(), stream);
    std::fs::remove_dir_all(dir).ok();
}

/// jvm-serializers' standard MediaContent as a person writes it from the
/// Java source: fields in declaration order, not as the tool prints them.
const HAND_MEDIA: &str = r#"{
  "@class": "CasesMedia$MediaContent",
  "media": {
    "@class": "CasesMedia$Media",
    "uri": "http://javaone.com/keynote.mpg",
    "title": "Javaone Keynote",
    "width": 640, "height": 480,
    "format": "video/mpg4",
    "duration": 18000000, "size": 58982400,
    "bitrate": 262144, "hasBitrate": true,
    "persons": { "@class": "java.util.ArrayList", "@value": ["Bill Gates", "Steve Jobs"] },
    "player": "JAVA",
    "copyright": null
  },
  "images": { "@class": "java.util.ArrayList", "@value": [
    { "@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_large.jpg",
      "title": "Javaone Keynote", "width": 1024, "height": 768, "size": "LARGE" },
    { "@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_small.jpg",
      "title": "Javaone Keynote", "width": 320, "height": 240, "size": "SMALL" }
  ] }
}"#;

/// `kryo5 encode` of JSON it did not produce: Java reads the bytes and
/// finds its own `media` value (GraphEquals), by `readClassAndObject`.
#[test]
fn java_reads_what_encode_wrote_from_hand_written_json() {
    let dir = scratch("hand");
    let json = dir.join("media.json");
    std::fs::write(&json, HAND_MEDIA).unwrap();
    let bin = dir.join("media.bin");
    let o = kryo5(&["encode", "--schema", SCHEMA, path(&json), "-o", path(&bin)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&bin).unwrap();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let answer = jvm().run_text(&format!("GRAPH READ media cao x{hex}\n"));
    assert!(answer.starts_with("OK x"), "Java: {answer}");
    std::fs::remove_dir_all(dir).ok();
}

/// The peak resident memory `kryo5 decode --many --stats` reports for
/// `stream`, in KiB.
fn decode_peak_kib(dir: &Path, name: &str, stream: &[u8]) -> u64 {
    let bin = dir.join(name);
    std::fs::write(&bin, stream).unwrap();
    let o = kryo5(&[
        "decode",
        "--schema",
        SCHEMA,
        "--many",
        "--stats",
        path(&bin),
        "-o",
        "/dev/null",
    ]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let peak = err
        .split("peak resident memory ")
        .nth(1)
        .and_then(|r| r.split(" KiB").next())
        .and_then(|k| k.parse().ok());
    peak.unwrap_or_else(|| panic!("no peak in {err:?}"))
}

/// Constant memory, measured the way docs/tool.md measures the 1 GiB run
/// (peak resident set), on CI-sized streams: a stream eight times longer,
/// spanning several 1 MiB windows, peaks within 4 MiB of the short one.
#[test]
fn many_decodes_in_constant_memory() {
    let dir = scratch("many-rss");
    let graphs = java_media();
    let round: Vec<u8> = graphs.iter().flatten().copied().collect();
    let short = round.repeat((512 << 10) / round.len());
    let long = round.repeat((4 << 20) / round.len());
    let (a, b) = (
        decode_peak_kib(&dir, "short.bin", &short),
        decode_peak_kib(&dir, "long.bin", &long),
    );
    assert!(
        b < a + 4096,
        "{} KiB stream: {b} KiB peak; {} KiB: {a} KiB",
        long.len() >> 10,
        short.len() >> 10
    );
    assert!(b < 64 << 10, "peak {b} KiB");
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

    // Garbage after a whole graph.
    let mut stream = graphs[0].clone();
    stream.extend_from_slice(&[0x7f, 0x01, 0x02]);
    std::fs::write(&bin, &stream).unwrap();
    let o = kryo5(&["decode", "--schema", SCHEMA, "--many", path(&bin)]);
    let err = stderr(&o);
    assert!(!o.status.success());
    let at = format!("graph 2 (from byte {first}): unknown class id 125 at byte {first}");
    assert!(err.contains(&at) && err.contains("hint:"), "{err}");

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

/// Java's bytes for `GRAPH WRITE case cao` of each case, written to files.
fn java_files(dir: &Path, cases: &[&str]) -> Vec<PathBuf> {
    let script: String = cases
        .iter()
        .map(|c| format!("GRAPH WRITE {c} cao\n"))
        .collect();
    let out = jvm().run_text(&script);
    cases
        .iter()
        .zip(out.lines())
        .map(|(case, line)| {
            let bytes = line.strip_prefix("OK x").and_then(unhex).expect(line);
            let file = dir.join(format!("{case}.bin"));
            std::fs::write(&file, bytes).unwrap();
            file
        })
        .collect()
}

/// `schema` with references on, as a file in `dir`.
fn with_refs(dir: &Path, schema: &str) -> String {
    let text = std::fs::read_to_string(schema).unwrap();
    let name = Path::new(schema).file_name().unwrap();
    let file = dir.join(name);
    std::fs::write(
        &file,
        text.replace("references = false", "references = true"),
    )
    .unwrap();
    file.display().to_string()
}

#[test]
fn inspect_names_every_part_of_java_bytes_with_a_schema() {
    let dir = scratch("inspect");
    let files = java_files(&dir, &["media", "refs.media", "refs.cycle"]);
    let o = kryo5(&["inspect", "--schema", SCHEMA, path(&files[0])]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Columns: offset, bytes, meaning; the root's class id first.
    assert!(lines[0].contains("offset") && lines[0].contains("meaning"));
    let class = lines
        .iter()
        .position(|l| l.ends_with("class id 10: CasesMedia$MediaContent"));
    let class = lines[class.expect(&text)];
    assert!(class.trim_start().starts_with("0  0c "), "{class}");
    // Fields by name with their values, nested under their objects.
    let persons = lines
        .iter()
        .find(|l| l.contains("persons: java.util.ArrayList (2 elements)"));
    assert!(persons.is_some(), "{text}");
    let gates = lines
        .iter()
        .find(|l| l.ends_with("[0]: \"Bill Gates\""))
        .expect(&text);
    assert!(gates.contains("42 69 6c 6c 20 47 61 74"), "{gates}");
    assert!(text.contains("player: Player.JAVA"), "{text}");
    assert!(text.contains("duration: 18000000 (long)"), "{text}");
    // References on: markers and ids; a cycle's back-reference.
    let o = kryo5(&[
        "inspect",
        "--schema",
        &with_refs(&dir, SCHEMA),
        path(&files[1]),
    ]);
    let refs = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(refs.contains("CasesMedia$MediaContent #0"), "{refs}");
    assert!(refs.contains("marker 1: new object #0"), "{refs}");
    let basic = "../kryo5-dynamic/tests/schemas/basic.toml";
    let o = kryo5(&[
        "inspect",
        "--schema",
        &with_refs(&dir, basic),
        path(&files[2]),
    ]);
    let cycle = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(cycle.contains("marker 2: reference to #0"), "{cycle}");
    assert!(cycle.contains("back-reference to #0"), "{cycle}");
    // No colour into a pipe.
    assert!(!text.contains('\u{1b}'));
    let o = kryo5(&[
        "inspect",
        "--schema",
        SCHEMA,
        "--color",
        "always",
        path(&files[0]),
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\u{1b}[32mCasesMedia$MediaContent"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn inspect_without_a_schema_shows_what_the_bytes_reveal() {
    let dir = scratch("inspect-bare");
    let files = java_files(&dir, &["top_string", "auto.media", "refs.media"]);
    // A String root: Kryo's default registration 1 and the whole value.
    let o = kryo5(&["inspect", path(&files[0])]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(text.contains("class id 1: java.lang.String"), "{text}");
    assert!(!text.contains("not decoded"), "{text}");
    // Classes by name show their names; the rest is raw with a note.
    let o = kryo5(&["inspect", path(&files[1])]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        text.contains("class by name: CasesMedia$MediaContent"),
        "{text}"
    );
    assert!(text.contains("describe the classes in a schema"), "{text}");
    assert!(text.contains("bytes not decoded"), "{text}");
    // A registered class id says so.
    let o = kryo5(&["inspect", path(&files[2])]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("unknown class id 10 at byte 0"), "{text}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn inspect_of_bytes_the_schema_does_not_fit_shows_the_failure() {
    let dir = scratch("inspect-bad");
    let files = java_files(&dir, &["media"]);
    let java = std::fs::read(&files[0]).unwrap();
    let cut = dir.join("cut.bin");
    std::fs::write(&cut, &java[..40]).unwrap();
    let o = kryo5(&["inspect", "--schema", SCHEMA, path(&cut)]);
    let (out, err) = (String::from_utf8_lossy(&o.stdout), stderr(&o));
    assert!(!o.status.success());
    assert!(
        out.contains("failed here") && out.contains("error: unexpected end of input"),
        "{out}"
    );
    assert!(
        err.contains(
            "at byte 24 (path: CasesMedia$MediaContent.images > [0] > CasesMedia$Image.uri)"
        ) && err.contains("hint:"),
        "{err}"
    );
    // Every cut (a sample of them), with and without the schema: a dump and
    // an exit code, never a panic.
    for n in (0..java.len()).step_by(5) {
        std::fs::write(&cut, &java[..n]).unwrap();
        for args in [&["inspect", "--schema", SCHEMA][..], &["inspect"]] {
            let o = kryo5(&[args, &[path(&cut)]].concat());
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{n}: {}",
                stderr(&o)
            );
        }
    }
    // Garbage: an unknown class id, reported at byte 0.
    let junk = dir.join("junk.bin");
    std::fs::write(&junk, [0x7f, 0xff, 0x00]).unwrap();
    let o = kryo5(&["inspect", "--schema", SCHEMA, path(&junk)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("unknown class id 125 at byte 0"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bench_prints_a_row_per_family() {
    let o = kryo5(&["bench", "--seconds", "0.01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    for case in [
        "MediaContent",
        "int, varint",
        "String, non-ASCII",
        "double[1000]",
    ] {
        assert!(text.contains(case), "{case}: {text}");
    }
    // MediaContent's standard value: as many bytes as Java's writeObject.
    let java = jvm().run_text("GRAPH WRITE media obj\n");
    let java = java
        .trim()
        .strip_prefix("OK x")
        .and_then(unhex)
        .expect(&java);
    let media = text
        .lines()
        .find(|l| l.starts_with("MediaContent"))
        .unwrap();
    let size = format!("{}.0", java.len());
    assert_eq!(
        media.split_whitespace().nth(2),
        Some(size.as_str()),
        "{media}"
    );
}

#[test]
fn every_command_has_help_with_examples() {
    for command in [
        &["--help"][..],
        &["bench", "--help"],
        &["decode", "--help"],
        &["encode", "--help"],
        &["inspect", "--help"],
    ] {
        let o = kryo5(command);
        assert!(o.status.success());
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Examples:"),
            "{command:?}"
        );
    }
    let o = kryo5(&["decode", "--bogus"]);
    assert!(!o.status.success());
}
