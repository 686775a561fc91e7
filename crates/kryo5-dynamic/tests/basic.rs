//! The dynamic codec against real Java Kryo 5.6 on `java/CasesBasic.java`:
//! primitives and wrappers, strings (lone surrogates too), nested and
//! `Object` fields, enums, shared objects and cycles, classes by name,
//! explicit ids, `@NotNull`, fixed-length ints, transients, generic
//! classes, deep chains. Java writes each case; the codec decodes, goes
//! through JSON and back, and must encode Java's bytes exactly.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/basic.rs"]
mod basic;

use kryo5_dynamic::{Codec, JType, Root, Schema};

const SCHEMA: &str = include_str!("schemas/basic.toml");

/// Every value of `CasesBasic.java` but `cafe` (`Café` is registered only
/// in the by-name setups).
const VALUES: [&str; 30] = [
    "prims_zero",
    "prims_max",
    "prims_min",
    "prims_special",
    "texts",
    "lone",
    "top_string",
    "top_lone",
    "top_ascii",
    "outer",
    "anys",
    "anys_ids",
    "enums",
    "top_enum",
    "top_op",
    "cycle",
    "selfloop",
    "triangle",
    "ring",
    "shared",
    "strpair",
    "pair",
    "top_inner",
    "notnull",
    "fixed",
    "transients",
    "deep",
    "boxes",
    "top_gbox",
    "cafe",
];

/// `setup` prefix, references, registered; with references off and on,
/// registered and by name.
const SETUPS: [(&str, bool, bool); 4] = [
    ("", false, true),
    ("refs.", true, true),
    ("byname.", false, false),
    ("byname_refs.", true, false),
];

#[test]
fn java_basic_graphs_decode_to_json_and_encode_back_exactly() {
    let mut cases = Vec::new();
    for (prefix, refs, registered) in SETUPS {
        for value in VALUES {
            // Café is not registered by registerAll; cycles need references.
            let cyclic = ["cycle", "selfloop", "triangle", "ring"].contains(&value);
            if (registered && value == "cafe") || (cyclic && !refs) {
                continue;
            }
            cases.push((format!("{prefix}{value}"), "cao", refs, registered));
        }
    }
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), c.1)).collect();
    let java = common::java_write_all(&names);
    assert_eq!(java.len(), 4 * 30 - 2 - 2 * 4);
    for ((name, entry, refs, registered), bytes) in cases.iter().zip(&java) {
        let mut codec = Codec::new(schema(*refs, *registered));
        common::round_trip(
            &mut codec,
            bytes,
            &Root::ClassAndObject,
            &format!("{name} {entry}"),
        );
    }
}

/// `writeObject` roots: no class descriptor, the schema's root class.
#[test]
fn java_basic_roots_written_with_write_object() {
    let roots = [
        ("outer", "CasesBasic$Outer"),
        ("refs.cycle", "CasesBasic$Node"),
        ("top_string", "String"),
        ("top_enum", "CasesBasic$Color"),
        ("refs.prims_max", "CasesBasic$Prims"),
        ("byname.boxes", "CasesBasic$Boxes"),
    ];
    let names: Vec<(String, &str)> = roots.iter().map(|r| (r.0.to_owned(), "obj")).collect();
    let java = common::java_write_all(&names);
    for ((name, class), bytes) in roots.iter().zip(&java) {
        let refs = name.contains("refs.");
        let registered = !name.starts_with("byname");
        let mut codec = Codec::new(schema(refs, registered));
        let root = Root::Object(JType::parse(class).unwrap());
        common::round_trip(&mut codec, bytes, &root, name);
    }
}

/// `kryo_ids`: explicit ids (some past one varint byte), the next free id
/// for Color.
const IDS: &str = r#"
[[class]]
name = "CasesBasic$Outer"
id = 200
fields = [
  { name = "inner", type = "CasesBasic$Inner" },
  { name = "fin", type = "CasesBasic$FinalInner" },
  { name = "noInner", type = "CasesBasic$Inner" },
  { name = "noFin", type = "CasesBasic$FinalInner" },
]
[[class]]
name = "CasesBasic$Inner"
id = 63
fields = [{ name = "x", type = "int" }, { name = "name", type = "String" }]
[[class]]
name = "CasesBasic$FinalInner"
id = 64
final = true
fields = [{ name = "y", type = "long" }]
[[class]]
name = "CasesBasic$Anys"
id = 10
fields = [
  { name = "a", type = "Object" }, { name = "b", type = "Object" }, { name = "c", type = "Object" },
  { name = "d", type = "Object" }, { name = "e", type = "Object" }, { name = "f", type = "Object" },
  { name = "g", type = "Object" }, { name = "h", type = "Object" }, { name = "i", type = "Object" },
  { name = "j", type = "Object" }, { name = "k", type = "Object" }, { name = "l", type = "Object" },
  { name = "m", type = "Object" }, { name = "n", type = "Object" },
]
[[class]]
name = "CasesBasic$Color"
constants = ["RED", "GREEN", "BLUE"]
"#;

fn schema(references: bool, registered: bool) -> Schema {
    common::setup(SCHEMA, "basic.toml", references, registered)
}

/// The schema of a `CasesBasic` setup, from the case name's prefix; `None`
/// for `kryo_refsafter`, which turns references on after registering (its
/// String fields keep the reference-less form: a schema describes programs
/// that set references first).
fn schema_of(case: &str) -> Option<Schema> {
    let (setup, _) = case.split_once('.').unwrap_or(("", case));
    let only = |mut s: Schema, class: &str| {
        s.classes
            .iter_mut()
            .for_each(|c| c.register = c.name == class);
        s
    };
    Some(match setup {
        "" => schema(false, true),
        "refs" => schema(true, true),
        "byname" => schema(false, false),
        "byname_refs" => schema(true, false),
        // Pair registered, the rest by name.
        "mixed" => only(schema(false, false), "CasesBasic$Pair"),
        // Spec 7.4: only Node registered.
        "spec" => {
            let mut s = only(schema(true, true), "CasesBasic$Node");
            s.registration_required = true;
            s
        }
        "ids" => Schema::from_toml(IDS, "ids.toml").expect("the ids schema loads"),
        _ => return None,
    })
}

#[test]
fn java_basic_graphs_decode_encode_and_match_the_typed_twins() {
    let cov = common::typed_vs_dynamic(basic::cases, schema_of);
    assert!(cov.left_out.iter().all(|c| c.starts_with("refsafter.")));
    assert_eq!(cov.covered + cov.left_out.len(), cov.total);
}
