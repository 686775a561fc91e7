//! The wrapping serializers in the dynamic codec against real Java Kryo
//! 5.6: `java/CasesDeflate.java` (DeflateSerializer at several levels,
//! with and without zlib headers) and `CasesBlowfish.java`
//! (BlowfishSerializer with keys of 4 to 56 bytes, plaintexts around the
//! block and buffer sizes, ciphertext in a chunked compatible field). Java
//! writes each case; the codec decodes, goes through JSON and back, and
//! must encode Java's bytes exactly. The typed path and the codec write
//! the same bytes for a deflated object, a record and enums by name.

mod common;

use kryo5::io::Input;
use kryo5_dynamic::{Codec, JType, Root, Schema, json};

const DEFLATE: &str = include_str!("schemas/deflate.toml");
const BLOWFISH: &str = include_str!("schemas/blowfish.toml");

/// `text` with `config` added to the class's `serializer` line.
fn configured(text: &str, serializer: &str, config: &str) -> Schema {
    let line = format!("serializer = \"{serializer}\"\n");
    assert!(text.contains(&line), "the schema has {line}");
    let text = text.replacen(&line, &format!("{line}config = {{ {config} }}\n"), 1);
    Schema::from_toml(&text, "wrapped.toml").expect("the schema loads")
}

fn root(entry: &str, class: &str) -> Root {
    match entry {
        "obj" => Root::Object(JType::parse(class).expect("a class")),
        _ => Root::ClassAndObject,
    }
}

/// Decode, JSON text and back, encode == Java's bytes, without the
/// truncation sweep (for cases of hundreds of kilobytes).
fn round_trip_unswept(schema: Schema, java: &[u8], root: &Root, label: &str) {
    let mut codec = Codec::new(schema);
    let v = codec.read(&mut Input::new(java), root).expect(label);
    let text = json::to_json(&codec, &v, root).expect(label).to_string();
    let back = json::from_json(&codec, &serde_json::from_str(&text).unwrap(), root).expect(label);
    assert_eq!(common::encode(&mut codec, &back, root), java, "{label}");
}

#[test]
fn java_deflated_objects_round_trip_exactly() {
    let configs = [
        ("", "compression_level = 4, no_headers = true"),
        ("zlib.", "no_headers = false"),
        ("fast.", "compression_level = 1"),
        ("best.", "compression_level = 9, no_headers = false"),
    ];
    let values = [
        ("dtiny", "CasesDeflate$Blob", true),
        ("d600", "CasesDeflate$Blob", true),
        ("dheld", "CasesDeflate$Holder", true),
        ("dtext", "CasesDeflate$Blob", false),
        ("dbig", "CasesDeflate$Blob", false),
    ];
    let mut cases = Vec::new();
    for (prefix, config) in configs {
        for (value, class, sweep) in values {
            for entry in ["obj", "cao"] {
                cases.push((format!("{prefix}{value}"), entry, config, class, sweep));
            }
        }
    }
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), c.1)).collect();
    let java = common::java_write_all(&names);
    for ((name, entry, config, class, sweep), bytes) in cases.iter().zip(&java) {
        let schema = configured(DEFLATE, "DeflateSerializer", config);
        let root = root(entry, class);
        let label = format!("{name} {entry}");
        if *sweep {
            common::round_trip(&mut Codec::new(schema), bytes, &root, &label);
        } else {
            round_trip_unswept(schema, bytes, &root, &label);
        }
    }
    assert_eq!(java.len(), 4 * 5 * 2);
}

/// `CasesBlowfish.key56()`: byte i is 7i + 3.
fn key56() -> String {
    (0..56u32)
        .map(|i| format!("{:02x}", (7 * i + 3) as u8))
        .collect()
}

fn ascii_hex(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn java_encrypted_objects_round_trip_exactly() {
    let keys = [
        ("", ascii_hex("0123456789abcdef")),
        ("k4.", ascii_hex("abcd")),
        ("k7.", ascii_hex("kryo5!!")),
        ("k56.", key56()),
    ];
    let sealed = [
        "bf3", "bf7", "bf8", "bf9", "bf16", "bf256", "bf257", "bfbig",
    ];
    let mut cases = Vec::new();
    for (prefix, key) in &keys {
        for value in sealed {
            cases.push((
                format!("{prefix}{value}"),
                key.clone(),
                "CasesBlowfish$Sealed",
            ));
        }
        cases.push((
            format!("{prefix}bfheld"),
            key.clone(),
            "CasesBlowfish$Envelope",
        ));
    }
    for value in ["bfchunked", "bfchunked_small"] {
        cases.push((
            format!("chunked.{value}"),
            keys[0].1.clone(),
            "CasesBlowfish$Pair",
        ));
    }
    let names: Vec<(String, &str)> = cases
        .iter()
        .flat_map(|c| [(c.0.clone(), "obj"), (c.0.clone(), "cao")])
        .collect();
    let java = common::java_write_all(&names);
    for ((name, entry), bytes) in names.iter().zip(&java) {
        let (_, key, class) = cases.iter().find(|c| &c.0 == name).expect("a case");
        let schema = configured(BLOWFISH, "BlowfishSerializer", &format!("key = \"{key}\""));
        let label = format!("{name} {entry}");
        let root = root(entry, class);
        // Every cut of a few kilobytes of ciphertext decrypts it again:
        // the small cases sweep.
        if bytes.len() < 200 {
            common::round_trip(&mut Codec::new(schema), bytes, &root, &label);
        } else {
            round_trip_unswept(schema, bytes, &root, &label);
        }
    }
    assert_eq!(java.len(), 2 * (4 * 9 + 2));
}

/// Deflated or encrypted data that is corrupt is a typed error.
#[test]
fn corrupt_wrapped_data_is_a_typed_error() {
    let blob = root("obj", "CasesDeflate$Blob");
    let deflate = configured(DEFLATE, "DeflateSerializer", "no_headers = true");
    // A chunk of 3 bytes that are no deflate stream.
    let e = Codec::new(deflate)
        .read(&mut Input::new(&[0x03, 0xff, 0xff, 0xff, 0x00]), &blob)
        .unwrap_err();
    assert!(matches!(e.kind(), kryo5::ErrorKind::InvalidData(_)), "{e}");
    let sealed = root("obj", "CasesBlowfish$Sealed");
    let blowfish = configured(BLOWFISH, "BlowfishSerializer", "key = \"61626364\"");
    // One block that does not decrypt to valid padding, then half a block.
    for bytes in [&[0u8; 8][..], &[0u8; 12][..]] {
        let e = Codec::new(blowfish.clone())
            .read(&mut Input::new(bytes), &sealed)
            .unwrap_err();
        assert!(e.offset().is_some(), "{e}");
    }
}

#[test]
fn wrapper_settings_are_checked_with_their_line() {
    for (config, message) in [
        ("compression_level = 12", "compression_level"),
        ("wraps = \"enum\"", "wraps"),
        ("no_headers = 1", "no_headers"),
    ] {
        let text = DEFLATE.replacen(
            "serializer = \"DeflateSerializer\"\n",
            &format!("serializer = \"DeflateSerializer\"\nconfig = {{ {config} }}\n"),
            1,
        );
        let e = Schema::from_toml(&text, "d.toml").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (11, "config"), "{e}");
        assert!(e.message.contains(message), "{e}");
    }
    let text = BLOWFISH.replacen(
        "serializer = \"BlowfishSerializer\"\n",
        "serializer = \"BlowfishSerializer\"\nconfig = { key = \"abc\" }\n",
        1,
    );
    let e = Schema::from_toml(&text, "b.toml").unwrap_err();
    assert!(e.to_string().contains("key"), "{e}");
}

/// The typed twins of a record, an enum by name and a deflated class (as
/// in the graph rig's `tests/graphs/{records,enums,deflate}.rs`).
mod typed {
    use kryo5::{Kryo, Object};

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesRecords$Point", record)]
    pub(crate) struct Point {
        pub(crate) y: i32,
        pub(crate) label: Option<String>,
        pub(crate) extra: Option<Box<dyn Object>>,
        pub(crate) x: i64,
    }

    #[derive(Kryo, Clone, Copy, Debug)]
    #[kryo(class = "CasesEnums$Shade")]
    pub(crate) enum Shade {
        Red,
        DarkBlue,
        #[kryo(rename = "Été")]
        Ete,
    }

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesEnums$Palette")]
    pub(crate) struct Palette {
        pub(crate) main: Option<Shade>,
        pub(crate) other: Option<Shade>,
        pub(crate) any: Option<Box<dyn Object>>,
    }

    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "CasesDeflate$Blob")]
    pub(crate) struct Blob {
        pub(crate) data: Option<Vec<u8>>,
        pub(crate) text: Option<String>,
        pub(crate) n: i32,
    }
}

/// The typed path and the codec (from JSON written by hand) write the
/// same bytes for a record, a palette of enums by name and a deflated
/// object, with references off and on.
#[test]
fn typed_and_dynamic_paths_write_identical_bytes() {
    use kryo5::serializers::deflate::{DeflateConfig, DeflateSerializer};
    use kryo5::serializers::enum_name::EnumNameSerializer;
    for refs in [false, true] {
        let typed = |register: &dyn Fn(&mut kryo5::Kryo), value: &dyn kryo5::Object| {
            let mut k = kryo5::Kryo::new();
            k.set_references(refs);
            register(&mut k);
            let mut out = kryo5::io::Output::new();
            k.write_class_and_object_dyn(&mut out, Some(value)).unwrap();
            out.into_vec()
        };
        let dynamic = |schema: &str, json: serde_json::Value| {
            let mut s = Schema::from_toml(schema, "s.toml").unwrap();
            s.references = refs;
            let mut codec = Codec::new(s);
            let v = json::from_json(&codec, &json, &Root::ClassAndObject).unwrap();
            common::encode(&mut codec, &v, &Root::ClassAndObject)
        };
        let point = typed::Point {
            y: -1,
            label: Some("a".into()),
            extra: Some(Box::new(5_i32)),
            x: 2,
        };
        assert_eq!(
            typed(
                &|k| {
                    k.register::<typed::Point>();
                },
                &point
            ),
            dynamic(
                include_str!("schemas/records.toml"),
                serde_json::json!({"@class": "CasesRecords$Point", "y": -1, "label": "a",
                                   "extra": {"@class": "java.lang.Integer", "@value": 5}, "x": 2}),
            ),
            "record, references {refs}"
        );
        let palette = typed::Palette {
            main: Some(typed::Shade::DarkBlue),
            other: None,
            any: Some(Box::new(typed::Shade::Ete)),
        };
        let register = |k: &mut kryo5::Kryo| {
            k.register_with_serializer::<typed::Shade, _>(EnumNameSerializer::new());
            k.register::<typed::Palette>();
        };
        assert_eq!(
            typed(&register, &palette),
            dynamic(
                include_str!("schemas/enums.toml"),
                serde_json::json!({"@class": "CasesEnums$Palette", "main": "DARK_BLUE",
                                   "other": null, "any": {"@class": "CasesEnums$Shade", "@value": "Été"}}),
            ),
            "enum names, references {refs}"
        );
        let text = "deflate ".repeat(100);
        let blob = typed::Blob {
            data: Some(vec![1, 2, 3]),
            text: Some(text.clone()),
            n: 7,
        };
        let register = |k: &mut kryo5::Kryo| {
            k.register::<Vec<u8>>();
            k.register_with_serializer::<typed::Blob, _>(DeflateSerializer::new(
                DeflateConfig::default(),
            ));
        };
        assert_eq!(
            typed(&register, &blob),
            dynamic(
                DEFLATE,
                serde_json::json!({"@class": "CasesDeflate$Blob", "data": "AQID", "text": text, "n": 7}),
            ),
            "deflate, references {refs}"
        );
    }
}
