//! The dynamic codec against real Java Kryo 5.6 and the typed Rust twins
//! on `java/CasesInherit.java` (fields of a class and its superclasses
//! sorted together in UTF-16 order, names redeclared in a subclass,
//! transient fields, type variables bound by an extends clause) and
//! `java/CasesRandom.java` (seeded random graphs of every primitive,
//! wrapper, string, enum and `Object` position, shared as DAGs with
//! references off and on, cyclic with references on). Both register their
//! classes (`kryo()`, `kryo_refs()`).

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/inherit.rs"]
mod inherit;
#[path = "../../kryo5-interop/tests/graphs/random.rs"]
mod random;

use kryo5_dynamic::Schema;

/// The schema of a `kryo()` / `kryo_refs()` case of `toml`.
fn schema_of(toml: &'static str, file: &'static str) -> impl Fn(&str) -> Option<Schema> {
    move |case| Some(common::setup(toml, file, case.starts_with("refs."), true))
}

#[test]
fn java_class_hierarchies_decode_encode_and_match_the_typed_twins() {
    let toml = include_str!("schemas/inherit.toml");
    let cov = common::typed_vs_dynamic(inherit::cases, schema_of(toml, "inherit.toml"));
    assert_eq!((cov.covered, cov.total), (10, 10));
}

#[test]
fn java_random_graphs_decode_encode_and_match_the_typed_twins() {
    let toml = include_str!("schemas/random.toml");
    let cov = common::typed_vs_dynamic(random::cases, schema_of(toml, "random.toml"));
    assert_eq!(cov.covered, cov.total);
    assert!(cov.covered >= 3, "{cov:?}");
}
