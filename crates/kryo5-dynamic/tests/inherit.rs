//! The dynamic codec against real Java Kryo 5.6 and the typed Rust twins
//! on `java/CasesInherit.java`: fields of a class and its superclasses
//! sorted together (UTF-16 order), names redeclared in a subclass,
//! transient fields, type variables bound by an extends clause.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/inherit.rs"]
mod inherit;

use kryo5_dynamic::Schema;

const SCHEMA: &str = include_str!("schemas/inherit.toml");

/// The schema of a `CasesInherit` setup (`kryo`, `kryo_refs`).
fn schema_of(case: &str) -> Option<Schema> {
    let refs = case.starts_with("refs.");
    Some(common::setup(SCHEMA, "inherit.toml", refs, true))
}

#[test]
fn java_class_hierarchies_decode_encode_and_match_the_typed_twins() {
    let cov = common::typed_vs_dynamic(inherit::cases, schema_of);
    assert_eq!(cov.covered, cov.total);
    assert_eq!(cov.covered, 10);
}
