//! Schema errors name file, line and key; bad bytes give typed errors with
//! offsets and graph paths, never a panic or an allocation the input
//! cannot justify; nesting stops at the depth limit. Plus spec hex
//! examples (docs: kryo5-format.md sections 6.1, 8.4, 8.13, 8.15).

use kryo5::ErrorKind;
use kryo5::io::{Input, Output};
use kryo5_dynamic::{Codec, JType, Root, Schema, Value, json};

fn codec(toml: &str) -> Codec {
    Codec::new(Schema::from_toml(toml, "t.toml").unwrap())
}

fn read(c: &mut Codec, bytes: &[u8]) -> kryo5::Result<Value> {
    c.read(&mut Input::new(bytes), &Root::ClassAndObject)
}

#[test]
fn schema_errors_name_file_line_and_key() {
    let cases = [
        ("references = 3\n", 1, "references"),
        ("[[class]]\nname = \"a.B\"\nfeilds = []\n", 3, "feilds"),
        (
            "[[class]]\nname = \"a.B\"\n\nfields = [\n  { name = \"x\", type = \"Map<String,\" },\n]\n",
            5,
            "type",
        ),
        (
            "[[class]]\nname = \"a.B\"\nserializer = \"JavaSerializer\"\n",
            3,
            "serializer",
        ),
        ("default_serializer = \"record\"\n", 1, "default_serializer"),
        ("config = { chunk_size = 9 }\n", 1, "config"),
        (
            "default_serializer = \"tagged\"\n\nconfig = { chunk_size = 0 }\n",
            3,
            "config",
        ),
        (
            "[[class]]\nname = \"a.B\"\nserializer = \"compatible\"\nconfig = { compatible = true }\n",
            4,
            "config",
        ),
        (
            "[[class]]\nname = \"a.B\"\nserializer = \"record\"\nconfig = { fixed_field_types = true }\n",
            4,
            "config",
        ),
        (
            "[[class]]\nname = \"a.B\"\nfields = [{ name = \"x\", type = \"int\", tag = -1 }]\n",
            3,
            "tag",
        ),
        (
            "[[class]]\nname = \"a.B\"\nextends = \"a.<\"\n",
            3,
            "extends",
        ),
    ];
    for (text, line, key) in cases {
        let e = Schema::from_toml(text, "t.toml").expect_err(text);
        assert_eq!(
            (e.file.as_str(), e.line, e.key.as_str()),
            ("t.toml", line, key),
            "{text}: {e}"
        );
        assert!(
            e.to_string().starts_with(&format!("t.toml:{line}: {key}:")),
            "{e}"
        );
    }
}

#[test]
fn spec_examples_decode_and_encode() {
    let mut c = codec("registration_required = false\n");
    let strings = Value::List {
        class: "java.util.ArrayList".into(),
        items: vec![Value::string("a"), Value::string("b")],
    };
    // (bytes, value): section 8.13 and 8.15, writeObject with class descriptors
    // as writeClassAndObject adds (ArrayList by name would differ: use ids).
    let mut k = codec(
        "[[class]]\nname = \"java.util.ArrayList\"\n[[class]]\nname = \"java.util.HashMap\"\n",
    );
    let examples: [(&[u8], Value); 5] = [
        (
            &[0x0b, 0x83, 0x03, 0x00, 0x82, 0x61, 0x82, 0x62],
            strings.clone(),
        ),
        (
            &[0x0b, 0x83, 0x00],
            Value::List {
                class: "java.util.ArrayList".into(),
                items: vec![Value::Null, Value::Null],
            },
        ),
        (
            &[0x0b, 0x03, 0x02, 0x02, 0x03, 0x82, 0x61],
            Value::List {
                class: "java.util.ArrayList".into(),
                items: vec![Value::Int(1), Value::string("a")],
            },
        ),
        (
            &[
                0x0c, 0x03, 0x03, 0x82, 0x61, 0x02, 0x02, 0x03, 0x82, 0x62, 0x00,
            ],
            Value::Map {
                class: "java.util.HashMap".into(),
                entries: vec![
                    (Value::string("a"), Value::Int(1)),
                    (Value::string("b"), Value::Null),
                ],
            },
        ),
        (
            &[0x0b, 0x01],
            Value::List {
                class: "java.util.ArrayList".into(),
                items: vec![],
            },
        ),
    ];
    for (bytes, value) in examples {
        assert_eq!(read(&mut k, bytes).unwrap(), value);
        let mut out = Output::new();
        k.write(&mut out, &value, &Root::ClassAndObject).unwrap();
        assert_eq!(out.as_slice(), bytes);
    }
    // Section 8.4: int[]{1,-1,300} as writeObject.
    let root = Root::Object(JType::parse("int[]").unwrap());
    let v = c
        .read(&mut Input::new(&[0x04, 0x02, 0x01, 0xd8, 0x04]), &root)
        .unwrap();
    assert_eq!(
        v,
        Value::Array {
            class: "int[]".into(),
            items: vec![Value::Int(1), Value::Int(-1), Value::Int(300)]
        }
    );
    // Object[]{1,"a",null}.
    let root = Root::Object(JType::parse("Object[]").unwrap());
    let v = c
        .read(
            &mut Input::new(&[0x04, 0x02, 0x02, 0x03, 0x82, 0x61, 0x00]),
            &root,
        )
        .unwrap();
    assert_eq!(
        json::to_json(&c, &v, &root).unwrap().to_string(),
        r#"[{"@class":"java.lang.Integer","@value":1},{"@class":"java.lang.String","@value":"a"},null]"#
    );
}

#[test]
fn huge_declared_lengths_fail_before_allocating() {
    let mut c = codec(
        "[[class]]\nname = \"java.util.ArrayList\"\n[[class]]\nname = \"java.util.HashMap\"\n",
    );
    // ArrayList (id 9) / HashMap (id 10) of 2^31 - 2 elements in a few
    // bytes: same-class String elements, mixed elements, all null; entries.
    let huge = [0xff, 0xff, 0xff, 0xff, 0x07];
    let same = [0xff, 0xff, 0xff, 0xff, 0x0f];
    let inputs: [Vec<u8>; 4] = [
        [&[0x0b][..], &same, &[0x03, 0x00]].concat(),
        [&[0x0b][..], &[0xbf, 0xff, 0xff, 0xff, 0x07]].concat(),
        [&[0x0b][..], &same, &[0x00]].concat(),
        [&[0x0c][..], &huge].concat(),
    ];
    for bytes in inputs {
        let e = read(&mut c, &bytes).expect_err("no such graph in a few bytes");
        assert!(e.offset().is_some(), "{e}");
    }
    for array in ["long[]", "int[]", "byte[]", "String[]", "a.B[]"] {
        let root = Root::Object(JType::parse(array).unwrap());
        let e = c.read(&mut Input::new(&huge), &root).unwrap_err();
        assert!(e.offset().is_some(), "{array}: {e}");
    }
}

#[test]
fn nesting_stops_at_the_depth_limit() {
    let mut c = codec(
        "[[class]]\nname = \"a.Link\"\nfields = [{ name = \"next\", type = \"a.Link\" }, { name = \"v\", type = \"int\" }]\n",
    );
    c.set_max_depth(50);
    // Link{next: Link{...}} 100 deep: each level is class 0b then the next.
    let mut bytes = vec![0x0b; 100];
    bytes.push(0x00);
    bytes.extend(std::iter::repeat_n(0x02, 100));
    let e = read(&mut c, &bytes).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::MaxDepth(50)), "{e}");
    assert!(e.trace().count() >= 40, "the path is kept: {e}");
    c.set_max_depth(1000);
    assert!(read(&mut c, &bytes).is_ok());
}

#[test]
fn wrong_values_are_typed_errors_on_write() {
    let mut c = codec("[[class]]\nname = \"a.P\"\nfields = [{ name = \"x\", type = \"int\" }]\n");
    let bad = [
        Value::Object {
            class: "a.P".into(),
            fields: vec![("x".into(), Value::Long(1))],
        },
        Value::Object {
            class: "a.P".into(),
            fields: vec![],
        },
        Value::Object {
            class: "a.Q".into(),
            fields: vec![],
        },
        Value::Ref(3),
    ];
    for v in bad {
        let mut out = Output::new();
        let e = c
            .write(&mut out, &v, &Root::ClassAndObject)
            .expect_err("not writable");
        assert!(e.offset().is_some(), "{e}");
    }
}

#[test]
fn lone_surrogates_and_floats_survive_json() {
    let c = codec("");
    let root = Root::ClassAndObject;
    let values = [
        Value::String(kryo5_dynamic::JString::Utf16(vec![0x61, 0xd800])),
        Value::Float(-0.0),
        Value::Float(f32::MIN_POSITIVE),
        Value::Float(0.1),
        Value::Double(f64::NEG_INFINITY),
        Value::Char(0xdc00),
        Value::Bytes(vec![0, 1, 0xff]),
    ];
    for v in values {
        let j = json::to_json(&c, &v, &root).unwrap();
        let back =
            json::from_json(&c, &serde_json::from_str(&j.to_string()).unwrap(), &root).unwrap();
        assert_eq!(format!("{back:?}"), format!("{v:?}"), "{j}");
    }
    let j = json::to_json(&c, &Value::Float(0.1), &root).unwrap();
    assert_eq!(
        j.to_string(),
        r#"{"@class":"java.lang.Float","@value":0.1}"#
    );
}

/// The default depth limit is reached before the stack runs out, on a test
/// thread's small stack, reading and writing.
#[test]
fn deep_graphs_stop_before_the_stack_does() {
    let mut c = codec(
        "[[class]]\nname = \"a.Link\"\nfields = [{ name = \"next\", type = \"Object\" }, { name = \"v\", type = \"int\" }]\n",
    );
    let n = 5000;
    let mut bytes = vec![0x0b; n];
    bytes.push(0x00);
    bytes.extend(std::iter::repeat_n(0x02, n));
    let e = read(&mut c, &bytes).unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::MaxDepth(_) | ErrorKind::MaxStack { .. }
        ),
        "{e}"
    );
    let mut v = Value::Null;
    for _ in 0..n {
        v = Value::Object {
            class: "a.Link".into(),
            fields: vec![("next".into(), v), ("v".into(), Value::Int(1))],
        };
    }
    let e = c
        .write(&mut Output::new(), &v, &Root::ClassAndObject)
        .unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::MaxDepth(_) | ErrorKind::MaxStack { .. }
        ),
        "{e}"
    );
    let e = json::to_json(&c, &v, &Root::ClassAndObject);
    assert!(e.is_err(), "JSON conversion has the depth limit too");
    // Dropping a deep Value recurses too: take it apart iteratively.

    while let Value::Object { mut fields, .. } = v {
        v = std::mem::replace(&mut fields[0].1, Value::Null);
    }
}

/// JDK classes: JSON that is not the class's form is an error naming the
/// form and the path; bytes the schema cannot describe are typed errors.
#[test]
fn jdk_classes_refuse_bad_json_and_bad_bytes() {
    let c = codec(
        "[[class]]\nname = \"a.H\"\nconstants = [\"R\", \"G\"]\n\
         [[class]]\nname = \"a.T\"\nfields = [\n  { name = \"d\", type = \"java.time.LocalDate\" },\n  \
         { name = \"n\", type = \"java.math.BigDecimal\" },\n  \
         { name = \"s\", type = \"java.util.EnumSet<a.H>\" },\n]\n",
    );
    let root = Root::Object(JType::parse("a.T").unwrap());
    let bad = [
        (
            r#"{"d": "2023-02-29", "n": null, "s": null}"#,
            "ISO-8601",
            "d",
        ),
        (
            r#"{"d": null, "n": {"@class": "java.math.BigDecimal", "@value": 1.5}, "s": null}"#,
            "decimal string",
            "n",
        ),
        (
            r#"{"d": null, "n": null, "s": {"@class": "java.util.EnumSet", "@value": {"elementType": "a.H", "constants": ["B"]}}}"#,
            "no constant B",
            "s",
        ),
    ];
    for (text, what, field) in bad {
        let j: serde_json::Value = serde_json::from_str(text).unwrap();
        let e = json::from_json(&c, &j, &root).expect_err(text);
        let msg = e.to_string();
        assert!(msg.contains(what) && msg.contains(field), "{text}: {msg}");
    }
    // A TreeMap with a comparator other than natural ordering: 2 entries,
    // then a comparator of class id 9 (a.H is an enum, not a comparator:
    // any non-null comparator is refused).
    let mut t = codec("[[class]]\nname = \"java.util.TreeMap\"\n[[class]]\nname = \"a.C\"\n");
    let e = read(&mut t, &[0x0b, 0x03, 0x0c]).expect_err("a comparator");
    assert!(
        matches!(e.kind(), ErrorKind::Unsupported(m) if m.contains("comparator")),
        "{e}"
    );
    // An EnumSet declaring more elements than bytes left.
    let mut s =
        codec("registration_required = false\n[[class]]\nname = \"a.H\"\nconstants = [\"R\"]\n");
    let set = Value::Jdk {
        class: "java.util.RegularEnumSet".into(),
        json: serde_json::json!({"elementType": "a.H", "constants": ["R"]}),
    };
    let mut out = Output::new();
    s.write(&mut out, &set, &Root::ClassAndObject).unwrap();
    // The size and the one ordinal (01 01) become a size of 2^30.
    let mut bytes = out.into_vec();
    assert_eq!(bytes.split_off(bytes.len() - 2), [1, 1]);
    bytes.extend([0x80, 0x80, 0x80, 0x80, 0x04]);
    let e = read(&mut s, &bytes).expect_err("a huge EnumSet");
    assert!(matches!(e.kind(), ErrorKind::InvalidData(_)), "{e}");
    assert!(e.offset().is_some(), "{e}");
}

/// `List.of` and `Map.of` hold no null (Java's factories throw): a null
/// element, key or value in their bytes is refused on read, as on write.
/// Found by the `dynamic_decode` fuzz target.
#[test]
fn immutable_collections_refuse_null_elements_on_read() {
    let mut c = codec(
        "[[class]]\nname = \"java.util.ImmutableCollections$ListN\"\n\
         [[class]]\nname = \"java.util.ImmutableCollections$MapN\"\n",
    );
    // ListN (id 9): one element, the null class.
    let e = read(&mut c, &[0x0b, 0x02, 0x00]).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)), "{e}");
    assert_eq!(e.offset(), Some(1));
    // MapN (id 10): one entry, key String "k", value null.
    let e = read(&mut c, &[0x0c, 0x02, 0x03, 0x82, b'k', 0x00]).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)), "{e}");
}

#[test]
fn wrong_values_are_typed_errors_in_json_with_their_path() {
    let c = codec(
        "[[class]]\nname = \"a.P\"\nfields = [{ name = \"x\", type = \"int\" }, { name = \"q\", type = \"java.util.ArrayList\" }]\n[[class]]\nname = \"java.util.ArrayList\"\n",
    );
    let p = |q| Value::Object {
        class: "a.P".into(),
        fields: vec![("x".into(), Value::Int(1)), ("q".into(), q)],
    };
    let list = |items| Value::List {
        class: "java.util.ArrayList".into(),
        items,
    };
    // The second element of p.q is of a class the schema does not have;
    // then an int field holding a long.
    let deep = p(list(vec![
        Value::Int(2),
        Value::Enum {
            class: "a.Nope".into(),
            name: "X".into(),
        },
    ]));
    let shallow = Value::Object {
        class: "a.P".into(),
        fields: vec![("x".into(), Value::Long(1)), ("q".into(), Value::Null)],
    };
    let root = Root::ClassAndObject;
    for (v, kind, path) in [
        (&deep, "Unsupported", vec!["a.P.q", "[1]"]),
        (&shallow, "WrongType", vec!["a.P.x"]),
    ] {
        let e = json::to_json(&c, v, &root).expect_err("not convertible");
        let mut text = Vec::new();
        let streamed = json::write_json(&c, v, &root, &mut text).expect_err("not convertible");
        for e in [&e, &streamed] {
            assert!(format!("{:?}", e.kind()).starts_with(kind), "{e}");
            assert_eq!(e.trace().collect::<Vec<_>>(), path, "{e}");
        }
    }
    // A good value still converts after a failed walk.
    assert!(json::to_json(&c, &p(list(vec![])), &root).is_ok());
}
