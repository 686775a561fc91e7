//! The evolution serializers in the dynamic codec against real Java Kryo
//! 5.6: `java/CasesCompat.java` (compatible with every combination of
//! unknown-field data, chunks, chunk size and references; tagged; version),
//! `CasesRecords.java` (RecordSerializer) and `CasesEnums.java`
//! (EnumNameSerializer). Java writes each case; the codec decodes, goes
//! through JSON and back, and must encode Java's bytes exactly. Then class
//! evolution: the codec reads Java's data with older and newer schemas,
//! and Java reads what the codec encodes from JSON written by hand.

mod common;

use kryo5::io::Input;
use kryo5_dynamic::{Codec, JType, Root, Schema, Value, json};
use kryo5_interop::jvm;
use kryo5_interop::value::hex;

const COMPAT: &str = include_str!("schemas/compat.toml");
const RECORDS: &str = include_str!("schemas/records.toml");
const ENUMS: &str = include_str!("schemas/enums.toml");

/// The configurations of `CasesCompat.java` and the schema header saying
/// the same.
const CONFIGS: [(&str, &str); 12] = [
    ("compat", "default_serializer = \"compatible\""),
    (
        "compatnr",
        "default_serializer = \"compatible\"\nconfig = { read_unknown_field_data = false }",
    ),
    (
        "compatch",
        "default_serializer = \"CompatibleFieldSerializer\"\nconfig = { chunked_encoding = true }",
    ),
    (
        "compatnrch",
        "default_serializer = \"compatible\"\n\
         config = { read_unknown_field_data = false, chunked_encoding = true }",
    ),
    (
        "compatch16",
        "default_serializer = \"compatible\"\nconfig = { chunked_encoding = true, chunk_size = 16 }",
    ),
    (
        "compatrefs",
        "references = true\ndefault_serializer = \"compatible\"",
    ),
    (
        "compatrefsch",
        "references = true\ndefault_serializer = \"compatible\"\nconfig = { chunked_encoding = true }",
    ),
    ("tag", "default_serializer = \"tagged\""),
    (
        "tagu",
        "default_serializer = \"TaggedFieldSerializer\"\nconfig = { read_unknown_field_data = true }",
    ),
    (
        "tagch",
        "default_serializer = \"tagged\"\nconfig = { chunked_encoding = true }",
    ),
    (
        "tagush",
        "default_serializer = \"tagged\"\n\
         config = { read_unknown_field_data = true, chunked_encoding = true }",
    ),
    ("ver", "default_serializer = \"version\""),
];

/// `compat.toml` under the header of configuration `config`, with
/// `(old, new)` replacements of its text.
fn compat(config: &str, edits: &[(&str, &str)]) -> Schema {
    let header = CONFIGS
        .iter()
        .find(|c| c.0 == config)
        .unwrap_or_else(|| panic!("no configuration {config}"))
        .1;
    let mut body = COMPAT.to_owned();
    for (old, new) in edits {
        assert!(body.contains(old), "compat.toml holds {old}");
        body = body.replace(old, new);
    }
    Schema::from_toml(&format!("{header}\n{body}"), "compat.toml").expect("the schema loads")
}

fn class(name: &str) -> Root {
    Root::Object(JType::parse(name).expect("a class name"))
}

/// The values of a configuration and the class of each.
fn values(config: &str) -> &'static [(&'static str, &'static str)] {
    if config.starts_with("compat") {
        &[
            ("cpt", "CasesCompat$Pt"),
            ("cpair", "CasesCompat$Pair"),
            ("cnest", "CasesCompat$Pair"),
            ("cmix", "CasesCompat$Mix"),
        ]
    } else if config.starts_with("tag") {
        &[("tg", "CasesCompat$Tg"), ("tgfull", "CasesCompat$Tg")]
    } else {
        &[("vf", "CasesCompat$Vf")]
    }
}

/// Java writes each `(case, entry, schema, root)`; the codec round trips
/// it exactly (common::round_trip: decode, JSON text, encode, truncations).
fn round_trip_all(cases: Vec<(String, &'static str, Schema, Root)>) -> usize {
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), c.1)).collect();
    let java = common::java_write_all(&names);
    for ((name, entry, schema, root), bytes) in cases.into_iter().zip(&java) {
        let mut codec = Codec::new(schema);
        common::round_trip(&mut codec, bytes, &root, &format!("{name} {entry}"));
    }
    java.len()
}

fn entries(class_name: &str) -> [(&'static str, Root); 2] {
    [("obj", class(class_name)), ("cao", Root::ClassAndObject)]
}

#[test]
fn java_compatible_tagged_and_version_graphs_round_trip_exactly() {
    let mut cases = Vec::new();
    for (config, _) in CONFIGS {
        for (value, class_name) in values(config) {
            for (entry, root) in entries(class_name) {
                cases.push((
                    format!("{config}.{value}"),
                    entry,
                    compat(config, &[]),
                    root,
                ));
            }
        }
    }
    assert_eq!(round_trip_all(cases), 2 * (7 * 4 + 4 * 2 + 1));
}

#[test]
fn java_records_and_enum_names_round_trip_exactly() {
    let records = [
        ("rpoint", "CasesRecords$Point"),
        ("rzero", "CasesRecords$Point"),
        ("rempty", "CasesRecords$Empty"),
        ("rprims", "CasesRecords$Prims"),
        ("rline", "CasesRecords$Line"),
        ("rbox", "CasesRecords$Box"),
    ];
    let enums = [
        ("npalette", "CasesEnums$Palette"),
        ("nshade", "CasesEnums$Shade"),
    ];
    let mut cases = Vec::new();
    for (prefix, refs) in [("", false), ("refs.", true)] {
        for (text, values) in [(RECORDS, &records[..]), (ENUMS, &enums[..])] {
            for (value, class_name) in values {
                for (entry, root) in entries(class_name) {
                    let mut schema = Schema::from_toml(text, "s.toml").expect("loads");
                    schema.references = refs;
                    cases.push((format!("{prefix}{value}"), entry, schema, root));
                }
            }
        }
    }
    assert_eq!(round_trip_all(cases), 2 * 2 * 8);
}

/// The spec's examples (format spec 8.21, 10.1 to 10.3), without Java.
#[test]
fn spec_examples() {
    let check = |schema: Schema, root: &Root, json: &str, bytes: &[u8]| {
        let mut codec = Codec::new(schema);
        let v = codec.read(&mut Input::new(bytes), root).expect(json);
        assert_eq!(json::to_json(&codec, &v, root).unwrap().to_string(), json);
        assert_eq!(common::encode(&mut codec, &v, root), bytes, "{json}");
    };
    let pt = class("CasesCompat$Pt");
    let h = |s: &str| kryo5_interop::value::unhex(&s.replace(' ', "")).unwrap();
    check(
        compat("compat", &[]),
        &pt,
        r#"{"name":"a","o":null,"x":1}"#,
        &h("03 6e 61 6d e5 82 6f 82 78 03 82 61 00 02 02"),
    );
    check(
        compat("compatnr", &[]),
        &pt,
        r#"{"name":"a","o":null,"x":1}"#,
        &h("03 6e 61 6d e5 82 6f 82 78 82 61 00 02"),
    );
    check(
        compat("compatch", &[]),
        &pt,
        r#"{"name":"a","o":null,"x":1}"#,
        &h("03 6e 61 6d e5 82 6f 82 78 03 03 82 61 00 01 00 00 02 02 02 00"),
    );
    check(
        compat("compatch", &[]),
        &class("CasesCompat$Pair"),
        r#"{"first":{"@class":"CasesCompat$Pt","name":"a","o":null,"x":1},"second":{"@class":"CasesCompat$Pt","name":"a","o":null,"x":1}}"#,
        &h("02 66 69 72 73 f4 73 65 63 6f 6e e4 \
            0e 0c 03 6e 61 6d e5 82 6f 82 78 03 03 82 61 03 00 01 00 04 00 02 02 02 01 00 00 \
            05 0c 03 03 82 61 03 00 01 00 04 00 02 02 02 01 00 00"),
    );
    let tg = class("CasesCompat$Tg");
    let tg_json = r#"{"name":"a","o":null,"x":1}"#;
    check(
        compat("tag", &[]),
        &tg,
        tg_json,
        &h("04 01 82 61 02 00 05 02"),
    );
    check(
        compat("tagu", &[]),
        &tg,
        tg_json,
        &h("04 01 03 82 61 02 00 05 02 02"),
    );
    check(
        compat("tagch", &[]),
        &tg,
        tg_json,
        &h("04 01 02 82 61 00 02 01 00 00 05 01 02 00"),
    );
    let vf = class("CasesCompat$Vf");
    check(
        compat("ver", &[]),
        &vf,
        r#"{"name":"a","x":1,"y":3}"#,
        &h("03 82 61 02 06"),
    );
    // Version 1 data: `y` is not in it (the schema writes version 2).
    let mut codec = Codec::new(compat("ver", &[]));
    let v = codec.read(&mut Input::new(&h("02 82 62 04")), &vf).unwrap();
    let j = json::to_json(&codec, &v, &vf).unwrap().to_string();
    assert_eq!(j, r#"{"name":"b","x":2}"#);
    let records = || Schema::from_toml(RECORDS, "records.toml").unwrap();
    let point = class("CasesRecords$Point");
    check(
        records(),
        &point,
        r#"{"extra":{"@class":"java.lang.Integer","@value":5},"label":"a","x":2,"y":-1}"#,
        &h("02 0a 82 61 04 01"),
    );
    let mut refs = records();
    refs.references = true;
    check(
        refs,
        &point,
        r#"{"extra":{"@class":"java.lang.Integer","@value":5},"label":"a","x":2,"y":-1}"#,
        &h("01 02 0a 01 82 61 04 01"),
    );
    // Tagged and version serializers write null themselves: 00.
    let or_null = Root::ObjectOrNull(JType::parse("CasesCompat$Tg").unwrap());
    check(compat("tag", &[]), &or_null, "null", &[0]);
}

// ----- evolution -----------------------------------------------------------------

const PT: &str = r#"  { name = "x", type = "int" },
  { name = "name", type = "String" },
  { name = "o", type = "Object" },"#;
const EV: &str = r#"  { name = "a", type = "int" },
  { name = "gone", type = "String" },
  { name = "keep", type = "long" },
  { name = "pt", type = "CasesCompat$Pt" },"#;

/// The next version of `Ev` and `Pt` (as compat.rs's `EvV2`, `PtV2`):
/// `gone` and `o` removed, `added` and `w` added.
const NEWER: [(&str, &str); 2] = [
    (
        PT,
        r#"{ name = "x", type = "int" }, { name = "name", type = "String" }, { name = "w", type = "double" },"#,
    ),
    (
        EV,
        r#"{ name = "a", type = "int" }, { name = "keep", type = "long" },
           { name = "added", type = "String" }, { name = "pt", type = "CasesCompat$Pt" },"#,
    ),
];

/// The previous version: `Ev` without `keep` and `pt`, `Pt` with `x` only.
const OLDER: [(&str, &str); 2] = [
    (PT, r#"{ name = "x", type = "int" },"#),
    (
        EV,
        r#"{ name = "a", type = "int" }, { name = "gone", type = "String" },"#,
    ),
];

const COMPATIBLE: [&str; 7] = [
    "compat",
    "compatnr",
    "compatch",
    "compatnrch",
    "compatch16",
    "compatrefs",
    "compatrefsch",
];

/// Java reads each `(case, bytes)` with `readObject` and compares with its
/// value: `Ok` or Java's complaint, in one JVM run.
fn java_reads(cases: &[(String, Vec<u8>)]) -> Vec<Result<(), String>> {
    let script: String = cases
        .iter()
        .map(|(case, bytes)| format!("GRAPH READ {case} obj x{}\n", hex(bytes)))
        .collect();
    let out = jvm().run_text(&script);
    let lines: Vec<Result<(), String>> = out
        .lines()
        .map(|l| {
            if l.starts_with("OK ") {
                Ok(())
            } else {
                Err(l.to_owned())
            }
        })
        .collect();
    assert_eq!(lines.len(), cases.len(), "one answer per case:\n{out}");
    lines
}

/// Java writes `Ev` (with `gone`, and `Pt` with `o`) in each compatible
/// configuration; the codec reads it with the newer and the older schema:
/// fields it does not know are skipped where Java can skip them (class
/// before value, or chunks), an `InvalidData` error otherwise, as Java's
/// "Unknown field".
#[test]
fn the_codec_reads_java_data_of_older_and_newer_class_versions() {
    let names: Vec<(String, &str)> = COMPATIBLE
        .iter()
        .map(|c| (format!("{c}.evo"), "obj"))
        .collect();
    let java = common::java_write_all(&names);
    let ev = class("CasesCompat$Ev");
    for (config, bytes) in COMPATIBLE.iter().zip(&java) {
        let skippable = *config != "compatnr";
        for (edits, expected) in [
            (
                &NEWER,
                r#"{"a":1,"keep":7,"pt":{"@class":"CasesCompat$Pt","name":"b","x":2}}"#,
            ),
            (&OLDER, r#"{"a":1,"gone":"bye"}"#),
        ] {
            let mut codec = Codec::new(compat(config, edits));
            match codec.read(&mut Input::new(bytes), &ev) {
                Ok(v) => {
                    assert!(skippable, "{config}: read an unknown field it cannot skip");
                    let j = json::to_json(&codec, &v, &ev).unwrap().to_string();
                    assert_eq!(j, expected, "{config}");
                }
                Err(e) => {
                    assert!(!skippable, "{config}: {e}");
                    assert!(
                        matches!(e.kind(), kryo5::ErrorKind::InvalidData(_)),
                        "{config}: {e}"
                    );
                    assert!(e.offset().is_some(), "{config}: {e}");
                }
            }
        }
    }
}

/// JSON written by hand for the newer `Ev`, encoded by the codec in each
/// compatible configuration, read by Java's older class: equal to
/// `value_evoback` (`gone` absent, so null) wherever Java can skip the new
/// fields, Java's "Unknown field" otherwise. Version 1 of `Vf` from JSON
/// is read by Java's version 2 class (`y` keeps its initial value).
#[test]
fn java_reads_evolved_classes_the_codec_encodes_from_hand_written_json() {
    let text = r#"{"a": 1, "keep": 7, "added": "new",
                   "pt": {"@class": "CasesCompat$Pt", "x": 2, "name": "b", "w": 1.5}}"#;
    let j: serde_json::Value = serde_json::from_str(text).unwrap();
    let ev = class("CasesCompat$Ev");
    let mut cases = Vec::new();
    for config in COMPATIBLE {
        let mut codec = Codec::new(compat(config, &NEWER));
        let v = json::from_json(&codec, &j, &ev).unwrap();
        cases.push((
            format!("{config}.evoback"),
            common::encode(&mut codec, &v, &ev),
        ));
    }
    let older_vf = [(r#"  { name = "y", type = "int", since = 2 },"#, "")];
    let mut codec = Codec::new(compat("ver", &older_vf));
    let vf = class("CasesCompat$Vf");
    let v = json::from_json(&codec, &serde_json::json!({"x": 9, "name": "old"}), &vf).unwrap();
    let bytes = common::encode(&mut codec, &v, &vf);
    assert_eq!(bytes[0], 2, "version 1 is written as 2");
    cases.push(("ver.vfold".to_owned(), bytes));
    for ((case, _), answer) in cases.iter().zip(java_reads(&cases)) {
        match answer {
            Ok(()) => assert!(
                !case.starts_with("compatnr."),
                "{case}: Java read an unknown field it cannot skip"
            ),
            Err(e) => {
                assert!(case.starts_with("compatnr."), "{case}: {e}");
                assert!(e.contains("Unknown field"), "{case}: {e}");
            }
        }
    }
}

/// Java's version 2 `Vf` read with a version 3 schema (`z` added): `z` is
/// not in the data; with `compatible = false`, any other version is an
/// error.
#[test]
fn the_codec_reads_older_versions_and_refuses_them_when_not_compatible() {
    let java = common::java_write_all(&[("ver.vf".to_owned(), "obj")]);
    let newer = [(
        r#"  { name = "y", type = "int", since = 2 },"#,
        r#"  { name = "y", type = "int", since = 2 }, { name = "z", type = "long", since = 3 },"#,
    )];
    let vf = class("CasesCompat$Vf");
    let mut codec = Codec::new(compat("ver", &newer));
    let v = codec.read(&mut Input::new(&java[0]), &vf).unwrap();
    let j = json::to_json(&codec, &v, &vf).unwrap().to_string();
    assert_eq!(j, r#"{"name":"a","x":1,"y":3}"#);
    let mut strict = compat("ver", &newer);
    for c in &mut strict.classes {
        if let kryo5_dynamic::ClassSerializer::Version(v) = &mut c.serializer {
            v.compatible = false;
        }
    }
    let e = Codec::new(strict)
        .read(&mut Input::new(&java[0]), &vf)
        .unwrap_err();
    assert!(matches!(e.kind(), kryo5::ErrorKind::InvalidData(_)), "{e}");
    assert_eq!(e.offset(), Some(0), "{e}");
}

// ----- bad input ---------------------------------------------------------------

/// Malformed evolution data: typed errors with offsets, no panics, no
/// allocation the input cannot justify.
#[test]
fn malformed_evolution_data_is_a_typed_error() {
    let pt = class("CasesCompat$Pt");
    let tg = class("CasesCompat$Tg");
    let pair = class("CasesCompat$Pair");
    let cases: [(&str, Root, &[u8]); 8] = [
        // Field `first` (a Pt) with the class Color (id 9) before it.
        ("compat", pair.clone(), b"\x01firs\xf4\x0b\x01"),
        // A field count of 2^31 - 1 on a few bytes.
        (
            "compat",
            pt.clone(),
            &[0xfe, 0xff, 0xff, 0xff, 0x0f, 0x82, 0x78],
        ),
        // A negative field count.
        ("compat", pt.clone(), &[0xff, 0xff, 0xff, 0xff, 0x0f]),
        // Field `x` (int) with the class String before it.
        ("compat", pt.clone(), &[0x01, 0x82, 0x78, 0x03, 0x82, 0x61]),
        // An unknown field without a class: "Unknown field".
        ("compatnr", pt.clone(), &[0x01, 0x82, 0x7a, 0x02]),
        // Tag 9 is no field of Tg.
        ("tag", tg.clone(), &[0x02, 0x09, 0x02]),
        // 2^32 - 2 tags on two bytes.
        ("tag", tg, &[0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
        // A chunk longer than the input.
        ("compatch", pt, &[0x01, 0x82, 0x78, 0x7f, 0x02]),
    ];
    for (config, root, bytes) in cases {
        let e = Codec::new(compat(config, &[]))
            .read(&mut Input::new(bytes), &root)
            .expect_err(config);
        assert!(e.offset().is_some(), "{config} {bytes:02x?}: {e}");
    }
    let e = Codec::new(compat("compat", &[]))
        .read(&mut Input::new(b"\x01firs\xf4\x0b\x01"), &pair)
        .unwrap_err();
    assert!(
        matches!(e.kind(), kryo5::ErrorKind::WrongType { .. }),
        "{e}"
    );
    // Chunked, the field a Pt cannot hold is skipped with its run.
    let v = Codec::new(compat("compatch", &[]))
        .read(&mut Input::new(b"\x01firs\xf4\x02\x0b\x01\x00"), &pair)
        .unwrap();
    assert_eq!(
        v,
        Value::Object {
            class: "CasesCompat$Pair".into(),
            fields: vec![]
        }
    );
    // A constant name the enum does not have.
    let mut codec = Codec::new(Schema::from_toml(ENUMS, "enums.toml").unwrap());
    let e = codec
        .read(&mut Input::new(&[0x82, 0x58]), &class("CasesEnums$Shade"))
        .unwrap_err();
    assert!(matches!(e.kind(), kryo5::ErrorKind::InvalidData(_)), "{e}");
}

/// A value that lacks a field the compatible serializer writes is an error
/// naming it; the tagged serializer writes only its tagged fields.
#[test]
fn values_missing_fields_are_errors_where_the_serializer_writes_them() {
    let pt = class("CasesCompat$Pt");
    let v = Value::Object {
        class: "CasesCompat$Pt".into(),
        fields: vec![("x".into(), Value::Int(1))],
    };
    let mut out = kryo5::io::Output::new();
    let e = Codec::new(compat("compat", &[]))
        .write(&mut out, &v, &pt)
        .unwrap_err();
    assert!(e.to_string().contains("name"), "{e}");
    let tg = Value::Object {
        class: "CasesCompat$Tg".into(),
        fields: vec![
            ("name".into(), Value::Null),
            ("o".into(), Value::Null),
            ("x".into(), Value::Int(1)),
        ],
    };
    let mut codec = Codec::new(compat("tag", &[]));
    let bytes = common::encode(&mut codec, &tg, &class("CasesCompat$Tg"));
    assert_eq!(bytes, [0x04, 0x01, 0x80, 0x02, 0x00, 0x05, 0x02]);
}

// ----- typed and dynamic alike ---------------------------------------------------

/// The typed twins of `CasesCompat`'s classes (as in the graph rig's
/// `tests/graphs/compat.rs`), for the typed-versus-dynamic check.
mod typed {
    use kryo5::{Kryo, Object};

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesCompat$Pt")]
    pub(crate) struct Pt {
        pub(crate) x: i32,
        pub(crate) name: Option<String>,
        pub(crate) o: Option<Box<dyn Object>>,
    }

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesCompat$Pair")]
    pub(crate) struct Pair {
        pub(crate) first: Option<Pt>,
        pub(crate) second: Option<Pt>,
    }

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesCompat$Tg")]
    pub(crate) struct Tg {
        #[kryo(tag = 5)]
        pub(crate) x: i32,
        #[kryo(tag = 1)]
        pub(crate) name: Option<String>,
        pub(crate) untagged: i32,
        #[kryo(tag = 3, deprecated)]
        pub(crate) old: i32,
        #[kryo(tag = 2)]
        pub(crate) o: Option<Box<dyn Object>>,
    }

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesCompat$Vf")]
    pub(crate) struct Vf {
        pub(crate) x: i32,
        #[kryo(since = 1)]
        pub(crate) name: Option<String>,
        #[kryo(since = 2)]
        pub(crate) y: i32,
    }
}

/// The typed Kryo of a configuration of [`CONFIGS`], registered with
/// compat.toml's ids.
fn typed_kryo(config: &str) -> kryo5::Kryo {
    use kryo5::DefaultSerializer;
    use kryo5::serializers::compatible::CompatibleConfig;
    use kryo5::serializers::tagged::TaggedConfig;
    use kryo5::serializers::version::VersionConfig;
    let unknown = !config.contains("nr") && config != "tag" && config != "tagch";
    let chunked = config.contains("ch") || config == "tagush";
    let default = if config.starts_with("compat") {
        DefaultSerializer::Compatible(CompatibleConfig {
            read_unknown_field_data: unknown,
            chunked_encoding: chunked,
            chunk_size: if config.ends_with("16") { 16 } else { 1024 },
        })
    } else if config.starts_with("tag") {
        DefaultSerializer::Tagged(TaggedConfig {
            read_unknown_tag_data: config == "tagu" || config == "tagush",
            chunked_encoding: chunked,
            ..TaggedConfig::default()
        })
    } else {
        DefaultSerializer::Version(VersionConfig::default())
    };
    let mut k = kryo5::Kryo::new();
    k.set_references(config.contains("refs"));
    k.set_default_serializer(default);
    k.register_with_id::<typed::Pt>(10);
    k.register_with_id::<typed::Pair>(11);
    k.register_with_id::<typed::Tg>(13);
    k.register_with_id::<typed::Vf>(14);
    k
}

/// The typed structs and the codec write identical bytes for the same
/// data in every configuration, both entry points: the typed path from
/// Rust values, the dynamic one from JSON.
#[test]
fn typed_and_dynamic_paths_write_identical_bytes() {
    use kryo5::Object;
    let pt = |x, name: Option<&str>, o: Option<Box<dyn Object>>| typed::Pt {
        x,
        name: name.map(Into::into),
        o,
    };
    let pair = typed::Pair {
        first: Some(pt(
            -7,
            Some("été 😀"),
            Some(Box::new(pt(2, None, Some(Box::new(3))))),
        )),
        second: Some(pt(1, Some("a"), None)),
    };
    let pair_json = serde_json::json!({
        "first": {"@class": "CasesCompat$Pt", "name": "été 😀", "x": -7,
                  "o": {"@class": "CasesCompat$Pt", "name": null, "x": 2,
                        "o": {"@class": "java.lang.Integer", "@value": 3}}},
        "second": {"@class": "CasesCompat$Pt", "name": "a", "o": null, "x": 1},
    });
    let tg = typed::Tg {
        x: -100_000,
        name: Some("東京".into()),
        o: Some(Box::new(typed::Vf {
            x: 1,
            name: None,
            y: 2,
        })),
        ..typed::Tg::default()
    };
    let tg_json = serde_json::json!({
        "name": "東京", "x": -100_000, "untagged": 0, "old": 0,
        "o": {"@class": "CasesCompat$Vf", "name": null, "x": 1, "y": 2},
    });
    for (config, _) in CONFIGS {
        let compatible = config.starts_with("compat");
        let (json, class_name) = if compatible {
            (&pair_json, "CasesCompat$Pair")
        } else {
            (&tg_json, "CasesCompat$Tg")
        };
        for (entry, root) in entries(class_name) {
            let mut out = kryo5::io::Output::new();
            let mut kryo = typed_kryo(config);
            if compatible {
                write_typed(&mut kryo, &mut out, entry == "cao", &pair);
            } else {
                write_typed(&mut kryo, &mut out, entry == "cao", &tg);
            }
            let mut codec = Codec::new(compat(config, &[]));
            let mut json = json.clone();
            if entry == "cao" {
                json["@class"] = class_name.into();
            }
            let v = json::from_json(&codec, &json, &root).expect(config);
            let ours = common::encode(&mut codec, &v, &root);
            assert_eq!(ours, out.as_slice(), "{config} {entry}");
        }
    }
}

fn write_typed<T: kryo5::KryoType + Clone + std::fmt::Debug + Send + Sync>(
    kryo: &mut kryo5::Kryo,
    out: &mut kryo5::io::Output,
    class_and_object: bool,
    value: &T,
) {
    if class_and_object {
        kryo.write_class_and_object(out, Some(value))
            .expect("the typed path writes");
    } else {
        kryo.write_object(out, value)
            .expect("the typed path writes");
    }
}

/// Tagged evolution both ways in each tagged configuration: the codec
/// reads Java's `Tg` with a schema that lost tag 1 (`name`), and Java
/// reads the codec's `Tg` with a new tag 7; the unknown tag is skipped
/// where Java can skip it (class before value, or chunks) and an error
/// otherwise, on both sides.
#[test]
fn tagged_classes_evolve_across_java_and_the_codec() {
    let configs = ["tag", "tagu", "tagch", "tagush"];
    let names: Vec<(String, &str)> = configs
        .iter()
        .map(|c| (format!("{c}.tgfull"), "obj"))
        .collect();
    let java = common::java_write_all(&names);
    let tg = class("CasesCompat$Tg");
    let lost = [(r#"  { name = "name", type = "String", tag = 1 },"#, "")];
    let added = [(
        r#"  { name = "o", type = "Object", tag = 2 },"#,
        r#"  { name = "o", type = "Object", tag = 2 }, { name = "extra", type = "String", tag = 7 },"#,
    )];
    let mut cases = Vec::new();
    for (config, bytes) in configs.iter().zip(&java) {
        let skippable = *config != "tag";
        let mut codec = Codec::new(compat(config, &lost));
        match codec.read(&mut Input::new(bytes), &tg) {
            Ok(v) => {
                assert!(skippable, "{config}: read a tag it cannot skip");
                let j = json::to_json(&codec, &v, &tg).unwrap().to_string();
                assert_eq!(
                    j, r#"{"o":{"@class":"CasesCompat$Tg","o":null,"x":1},"x":-100000}"#,
                    "{config}"
                );
            }
            Err(e) => {
                assert!(!skippable, "{config}: {e}");
                assert!(
                    matches!(e.kind(), kryo5::ErrorKind::InvalidData(_)),
                    "{config}: {e}"
                );
            }
        }
        let mut codec = Codec::new(compat(config, &added));
        let j = serde_json::json!({"x": 1, "name": "a", "o": null, "extra": "new"});
        let v = json::from_json(&codec, &j, &tg).unwrap();
        cases.push((format!("{config}.tg"), common::encode(&mut codec, &v, &tg)));
    }
    for ((case, _), answer) in cases.iter().zip(java_reads(&cases)) {
        match answer {
            Ok(()) => assert!(!case.starts_with("tag."), "{case}: Java skipped tag 7"),
            Err(e) => {
                assert!(case.starts_with("tag."), "{case}: {e}");
                assert!(e.contains("Unknown field tag"), "{case}: {e}");
            }
        }
    }
}

/// A name declared in a class and its superclass, with the compatible
/// serializer (`CasesInherit.kryo_compat`): Java writes both fields under
/// the same name and reads both into the first field of that name (its
/// own reader reports `x` = 100, the superclass's value, where 200 was
/// written). The codec reads them as Java does: the first field holds the
/// second value, the other is absent.
#[test]
fn names_declared_twice_are_read_as_java_reads_them() {
    let schema = r#"
default_serializer = "compatible"
[[class]]
name = "CasesInherit$Parent"
fields = [{ name = "z", type = "int" }, { name = "b", type = "String" }, { name = "x", type = "int" }]
[[class]]
name = "CasesInherit$Child"
extends = "CasesInherit$Parent"
fields = [
  { name = "a", type = "int" }, { name = "m", type = "int" }, { name = "x", type = "int" },
  { name = "t", type = "int", transient = true },
]
"#;
    let java = common::java_write_all(&[("compat.inh_child".to_owned(), "obj")]);
    let mut codec = Codec::new(Schema::from_toml(schema, "inherit.toml").unwrap());
    let child = class("CasesInherit$Child");
    let v = codec.read(&mut Input::new(&java[0]), &child).unwrap();
    let j = json::to_json(&codec, &v, &child).unwrap().to_string();
    assert_eq!(j, r#"{"a":2,"b":"p","m":3,"x":100,"z":1}"#);
    let script = format!("GRAPH READ compat.inh_child obj x{}\n", hex(&java[0]));
    let answer = jvm().run_text(&script);
    assert!(
        answer.contains("root.x: expected java.lang.Integer 200, got java.lang.Integer 100"),
        "Java reads its own bytes so: {answer}"
    );
}
