//! `kryo5 decode` and `kryo5 encode` run as the real binary on files:
//! Java's MediaContent bytes (from the interop rig) decode to JSON and
//! encode back to Java's exact bytes, for `--root` and the default
//! `writeClassAndObject`, references off and on; malformed input exits
//! non-zero with the offset and a hint.

mod common;

use std::path::Path;

use common::{kryo5, scratch};

use kryo5_interop::jvm;
use kryo5_interop::value::unhex;

const SCHEMA: &str = "../kryo5-dynamic/tests/schemas/media.toml";

/// The schema with references set as the Java setup has them.
fn schema_file(dir: &Path, references: bool) -> String {
    let text = std::fs::read_to_string(SCHEMA).unwrap();
    let text = text.replace("references = false", &format!("references = {references}"));
    let path = dir.join(format!("media-{references}.toml"));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn decode_then_encode_gives_back_java_bytes() {
    let cases = [
        ("media", "obj", false),
        ("media", "cao", false),
        ("refs.media_unicode", "obj", true),
        ("refs.media_copyright", "cao", true),
    ];
    let script: String = cases
        .iter()
        .map(|(c, e, _)| format!("GRAPH WRITE {c} {e}\n"))
        .collect();
    let out = jvm().run_text(&script);
    let dir = scratch("roundtrip");
    for ((case, entry, refs), line) in cases.iter().zip(out.lines()) {
        let java = line.strip_prefix("OK x").and_then(unhex).expect(line);
        let bin = dir.join(format!("{case}-{entry}.bin"));
        std::fs::write(&bin, &java).unwrap();
        let schema = schema_file(&dir, *refs);
        let mut root = vec!["--schema", schema.as_str()];
        if *entry == "obj" {
            root.extend(["--root", "CasesMedia$MediaContent"]);
        }
        let decoded = kryo5(&[&["decode"][..], &root, &[bin.to_str().unwrap()]].concat());
        assert!(
            decoded.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&decoded.stderr)
        );
        let json = dir.join(format!("{case}-{entry}.json"));
        std::fs::write(&json, &decoded.stdout).unwrap();
        let text = String::from_utf8(decoded.stdout).unwrap();
        assert!(text.contains("\"player\""), "{text}");
        let back = dir.join(format!("{case}-{entry}.back"));
        let encoded = kryo5(
            &[
                &["encode"][..],
                &root,
                &[json.to_str().unwrap(), "-o", back.to_str().unwrap()],
            ]
            .concat(),
        );
        assert!(
            encoded.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&encoded.stderr)
        );
        assert_eq!(std::fs::read(&back).unwrap(), java, "{case} {entry}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn malformed_files_exit_nonzero_with_where_and_a_hint() {
    let dir = scratch("malformed");
    let schema = schema_file(&dir, false);
    let truncated = dir.join("truncated.bin");
    std::fs::write(&truncated, [0x0a, 0x0c, 0x01]).unwrap();
    let o = kryo5(&["decode", "--schema", &schema, truncated.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("at byte") && err.contains("hint:"), "{err}");

    let trailing = dir.join("trailing.bin");
    std::fs::write(&trailing, [0x02, 0x0a, 0x00]).unwrap(); // Integer 5, then a stray byte
    let o = kryo5(&["decode", "--schema", &schema, trailing.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 bytes left"));

    let bad_schema = dir.join("bad.toml");
    std::fs::write(
        &bad_schema,
        "[[class]]\nname = \"a.B\"\nfields = [{ name = \"x\", type = \"int<\" }]\n",
    )
    .unwrap();
    let o = kryo5(&[
        "decode",
        "--schema",
        bad_schema.to_str().unwrap(),
        trailing.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("bad.toml:3: type:"), "{err}");

    let json = dir.join("bad.json");
    std::fs::write(
        &json,
        r#"{"@class": "java.lang.Integer", "@value": "five"}"#,
    )
    .unwrap();
    let o = kryo5(&["encode", "--schema", &schema, json.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected an integer"));
    std::fs::remove_dir_all(dir).ok();
}
