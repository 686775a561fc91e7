//! The dynamic codec against real Java Kryo 5.6 and the typed Rust twins
//! on `java/CasesValues.java`: Kryo's default serializers of JDK value
//! classes (arrays, BigInteger/BigDecimal, Date and java.sql, Calendar,
//! every java.time class, Optional*, BitSet, StringBuilder/Buffer, Locale,
//! Currency, Charset, URL, TimeZone, EnumSet, Class), registered and by
//! name, references off and on, both entry points.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/values.rs"]
mod values;

use kryo5_dynamic::Schema;

const SCHEMA: &str = include_str!("schemas/values.toml");

/// The schema of a `CasesValues` setup, from the case name's prefix.
fn schema_of(case: &str) -> Option<Schema> {
    let (setup, _) = case.split_once('.').unwrap_or(("", case));
    let (references, registered) = match setup {
        "" => (false, true),
        "vrefs" => (true, true),
        "vbyname" => (false, false),
        "vbyname_refs" => (true, false),
        _ => return None,
    };
    Some(common::setup(SCHEMA, "values.toml", references, registered))
}

#[test]
fn java_value_classes_decode_encode_and_match_the_typed_twins() {
    let cov = common::typed_vs_dynamic(values::cases, schema_of);
    assert_eq!(cov.left_out, Vec::<String>::new());
    assert_eq!(cov.covered, cov.total);
}
