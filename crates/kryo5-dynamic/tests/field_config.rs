//! FieldSerializerConfig in the dynamic codec against real Java Kryo 5.6
//! (`java/CasesFieldConfig.java`): `fields_can_be_null`,
//! `fixed_field_types`, `variable_length_encoding` and
//! `serialize_transient`, alone and together, as the default serializer's
//! settings. Java writes each case; the codec decodes, goes through JSON
//! and back, and must encode Java's bytes exactly; Java reads what the
//! codec encodes from JSON written by hand.

mod common;

use kryo5_dynamic::{Codec, JType, Root, Schema, json};

const SCHEMA: &str = include_str!("schemas/field_config.toml");

/// Case prefix, the `config` saying what the Java configuration does,
/// whether its fields can be null.
const CONFIGS: [(&str, &str, bool); 6] = [
    ("", "", true),
    ("notnull.", "fields_can_be_null = false", false),
    ("fixed.", "fixed_field_types = true", true),
    ("fixedlen.", "variable_length_encoding = false", true),
    ("transient.", "serialize_transient = true", true),
    (
        "all.",
        "fields_can_be_null = false, fixed_field_types = true, \
         variable_length_encoding = false, serialize_transient = true",
        false,
    ),
];

fn schema(config: &str) -> Schema {
    let text = format!("default_serializer = \"field\"\nconfig = {{ {config} }}\n{SCHEMA}");
    Schema::from_toml(&text, "field_config.toml").expect("the schema loads")
}

fn whole() -> Root {
    Root::Object(JType::parse("CasesFieldConfig$Whole").unwrap())
}

#[test]
fn java_field_serializer_configs_round_trip_exactly() {
    let mut cases = Vec::new();
    for (prefix, config, nullable) in CONFIGS {
        let values: &[&str] = if nullable {
            &["fwhole", "fnulls"]
        } else {
            &["fwhole"]
        };
        for value in values {
            cases.push((format!("{prefix}{value}"), "obj", config, whole()));
            cases.push((
                format!("{prefix}{value}"),
                "cao",
                config,
                Root::ClassAndObject,
            ));
        }
    }
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), c.1)).collect();
    let java = common::java_write_all(&names);
    for ((name, entry, config, root), bytes) in cases.iter().zip(&java) {
        let mut codec = Codec::new(schema(config));
        common::round_trip(&mut codec, bytes, root, &format!("{name} {entry}"));
    }
    assert_eq!(java.len(), 2 * (6 + 4));
    // Each setting changes the bytes of the full value.
    let mut whole: Vec<&Vec<u8>> = cases
        .iter()
        .zip(&java)
        .filter(|(c, _)| c.0.ends_with("fwhole") && c.1 == "obj")
        .map(|(_, b)| b)
        .collect();
    whole.sort();
    whole.dedup();
    assert_eq!(whole.len(), CONFIGS.len());
}

/// Hand-written JSON encoded with every configuration and read by Java:
/// equal to `value_fwhole()` (transient fields only where they are
/// written: elsewhere Java's reader leaves them 0 and null, which the
/// comparison sees, so those configurations are checked on bytes above).
#[test]
fn java_reads_what_the_codec_encodes_from_hand_written_json() {
    let text = r#"{"i": -300, "l": 1099511627776, "str": "text", "boxed": 70000,
                  "part": {"a": 7, "s": "p"}, "list": ["x"], "t": 5, "ts": "t"}"#;
    let j: serde_json::Value = serde_json::from_str(text).unwrap();
    let mut script = String::new();
    for (prefix, config) in [
        ("transient.", "serialize_transient = true"),
        ("all.", CONFIGS[5].1),
    ] {
        let mut codec = Codec::new(schema(config));
        let mut j = j.clone();
        if !config.contains("fixed") {
            // Without fixed types, non-final field types carry their class.
            j["part"]["@class"] = "CasesFieldConfig$Part".into();
            j["list"] = serde_json::json!({"@class": "java.util.ArrayList", "@value": ["x"]});
        }
        let v = json::from_json(&codec, &j, &whole()).unwrap();
        let bytes = common::encode(&mut codec, &v, &whole());
        script.push_str(&format!(
            "GRAPH READ {prefix}fwhole obj x{}\n",
            kryo5_interop::value::hex(&bytes)
        ));
    }
    let out = kryo5_interop::jvm().run_text(&script);
    for line in out.lines() {
        assert!(line.starts_with("OK "), "Java: {line}");
    }
    assert_eq!(out.lines().count(), 2);
}
