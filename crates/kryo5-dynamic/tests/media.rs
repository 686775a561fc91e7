//! The dynamic codec against real Java Kryo 5.6: Java writes every
//! MediaContent case of `java/CasesMedia.java` (four setups, four values,
//! both entry points); the codec decodes the bytes, goes through JSON and
//! back, and encodes Java's bytes exactly. The typed path
//! (`kryo5-interop/tests/graphs/media.rs`) writes the same bytes as the
//! dynamic one.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/media.rs"]
mod media_twin;

use common::encode;
use kryo5::io::{Input, Output};
use kryo5_dynamic::{Codec, JType, Root, Schema, json};
use kryo5_interop::media;

const SCHEMA: &str = include_str!("schemas/media.toml");

/// The Java setups (`CasesMedia.kryo*`): case prefix, references, registered.
const SETUPS: [(&str, bool, bool); 4] = [
    ("", false, true),
    ("refs.", true, true),
    ("auto.", false, false),
    ("autorefs.", true, false),
];
const VALUES: [&str; 4] = ["media", "media_copyright", "media_unicode", "media_empty"];

fn schema(references: bool, registered: bool) -> Schema {
    common::setup(SCHEMA, "media.toml", references, registered)
}

fn root(entry: &str) -> Root {
    match entry {
        "obj" => Root::Object(JType::parse("CasesMedia$MediaContent").unwrap()),
        _ => Root::ClassAndObject,
    }
}

/// A case Java wrote: name, entry (`obj`/`cao`), (references, registered),
/// bytes.
type JavaCase = (String, &'static str, (bool, bool), Vec<u8>);

/// Every case Java writes, in one JVM run.
fn java_cases() -> Vec<JavaCase> {
    let mut cases = Vec::new();
    for (prefix, refs, registered) in SETUPS {
        for value in VALUES {
            for entry in ["obj", "cao"] {
                cases.push((format!("{prefix}{value}"), entry, (refs, registered)));
            }
        }
    }
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), c.1)).collect();
    cases
        .into_iter()
        .zip(common::java_write_all(&names))
        .map(|((name, entry, setup), bytes)| (name, entry, setup, bytes))
        .collect()
}

/// The schema of a `CasesMedia` setup, from the case name's prefix;
/// `None` for `kryo_compat` (the compatible serializer).
fn schema_of(case: &str) -> Option<Schema> {
    let setup = case.split_once('.').map_or("", |c| c.0);
    SETUPS
        .iter()
        .find(|s| s.0.trim_end_matches('.') == setup)
        .map(|&(_, refs, registered)| schema(refs, registered))
}

#[test]
fn java_media_decodes_encodes_and_matches_the_typed_twins() {
    let cov = common::typed_vs_dynamic(media_twin::cases, schema_of);
    assert_eq!(cov.covered, 32);
    assert!(cov.left_out.iter().all(|c| c.starts_with("compat.")));
    assert_eq!(cov.covered + cov.left_out.len(), cov.total);
}

#[test]
fn json_form_follows_the_schema_spec() {
    let mut codec = Codec::new(schema(false, true));
    let mut out = Output::new();
    media::kryo()
        .write_object(&mut out, &media::standard())
        .unwrap();
    let root = root("obj");
    let v = codec.read(&mut Input::new(out.as_slice()), &root).unwrap();
    let j = json::to_json(&codec, &v, &root).unwrap();
    // The root and the final/declared positions imply their class.
    assert!(j.get("@class").is_none());
    assert_eq!(j["media"]["uri"], "http://javaone.com/keynote.mpg");
    assert_eq!(j["media"]["player"], "JAVA");
    assert_eq!(j["media"]["duration"], 18_000_000);
    // `List<...>` is not final: the list's class is written, so is each
    // non-final Image's.
    assert_eq!(j["images"]["@class"], "java.util.ArrayList");
    assert_eq!(j["images"]["@value"][0]["@class"], "CasesMedia$Image");
    assert_eq!(j["images"]["@value"][0]["size"], "LARGE");
    assert_eq!(j["media"]["persons"]["@value"][1], "Steve Jobs");
    // `Media` is not final either: its class first, then the fields in
    // Kryo's order (by name).
    let keys: Vec<&String> = j["media"].as_object().unwrap().keys().collect();
    assert_eq!(keys[..4], ["@class", "bitrate", "copyright", "duration"]);
}

/// Corrupt bytes (every byte of every third case, three flips each) give
/// an error or some value, never a panic. (Truncations are checked for
/// every case by `common::round_trip`.)
#[test]
fn corrupt_java_bytes_never_panic() {
    let cases = java_cases();
    for (_, entry, (refs, registered), java) in cases.iter().step_by(3) {
        let mut codec = Codec::new(schema(*refs, *registered));
        let root = root(entry);
        // Corrupt bytes: an error or some value, never a panic.
        for i in 0..java.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = java.clone();
                bad[i] ^= flip;
                let _ = codec.read(&mut Input::new(&bad), &root);
            }
        }
    }
}

/// JSON written by hand, not by the decoder (keys in any order, classes
/// only where the wire needs them), encoded by the codec and read by Java,
/// which compares it with its own `CasesMedia.standard()`.
#[test]
fn java_reads_what_the_codec_encodes_from_hand_written_json() {
    let text = r#"{
      "images": {"@class": "java.util.ArrayList", "@value": [
        {"@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_large.jpg",
         "title": "Javaone Keynote", "width": 1024, "height": 768, "size": "LARGE"},
        {"@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_small.jpg",
         "title": "Javaone Keynote", "width": 320, "height": 240, "size": "SMALL"}
      ]},
      "media": {"@class": "CasesMedia$Media",
        "uri": "http://javaone.com/keynote.mpg", "title": "Javaone Keynote",
        "width": 640, "height": 480, "format": "video/mpg4", "duration": 18000000,
        "size": 58982400, "bitrate": 262144, "hasBitrate": true,
        "persons": {"@class": "java.util.ArrayList", "@value": ["Bill Gates", "Steve Jobs"]},
        "player": "JAVA", "copyright": null}
    }"#;
    let j: serde_json::Value = serde_json::from_str(text).unwrap();
    let mut encoded = Vec::new();
    for (case, refs, registered) in [
        ("media", false, true),
        ("refs.media", true, true),
        ("autorefs.media", true, false),
    ] {
        let mut codec = Codec::new(schema(refs, registered));
        let root = root("obj");
        let v = json::from_json(&codec, &j, &root).unwrap();
        encoded.push((case.to_owned(), "obj", encode(&mut codec, &v, &root)));
    }
    common::java_reads_all(&encoded);
}
