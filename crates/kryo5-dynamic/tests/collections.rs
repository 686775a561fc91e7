//! The dynamic codec against real Java Kryo 5.6 and the typed Rust twins
//! on `java/CasesCollections.java`: CollectionSerializer's layouts (known
//! element class, same-class header, mixed, all null), MapSerializer with
//! and without generic key/value classes, HashMap and ConcurrentHashMap
//! iteration orders as Java wrote them, TreeMap/TreeSet/PriorityQueue/
//! ConcurrentSkipListMap (comparator header), Vector, ArrayDeque,
//! CopyOnWriteArrayList, `Arrays.asList`, `Collections.empty*`/
//! `singleton*`, `List.of`/`Set.of`/`Map.of`, shared and self-containing
//! collections; registered and by name, references off and on.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/collections.rs"]
mod collections;

use kryo5_dynamic::Schema;

const SCHEMA: &str = include_str!("schemas/collections.toml");

/// The schema of a `CasesCollections` setup, from the case name's prefix;
/// `None` for `kryo_compat` (CompatibleFieldSerializer).
fn schema_of(case: &str) -> Option<Schema> {
    let (setup, _) = case.split_once('.').unwrap_or(("", case));
    let (references, registered) = match setup {
        "" => (false, true),
        "refs" | "cycles" => (true, true),
        "byname" => (false, false),
        _ => return None,
    };
    Some(common::setup(
        SCHEMA,
        "collections.toml",
        references,
        registered,
    ))
}

#[test]
fn java_collections_and_maps_decode_encode_and_match_the_typed_twins() {
    let cov = common::typed_vs_dynamic(
        |g| {
            collections::list_cases(g);
            collections::cases(g);
        },
        schema_of,
    );
    // The compatible setup is the compatible serializer's (not the codec's yet).
    assert!(cov.left_out.iter().all(|c| c.starts_with("compat.")));
    assert_eq!(cov.covered + cov.left_out.len(), cov.total);
}

/// `Set.of`/`Map.of` of two or more iterate in an order Java randomises
/// per JVM, so the typed twins cannot match Java's bytes; the codec keeps
/// the wire order, so it gives back Java's bytes of the run exactly.
#[test]
fn java_unordered_immutables_decode_and_encode_back_exactly() {
    let names = ["set_of2", "set_of5", "map_of3"];
    let cases: Vec<(String, &str)> = names.iter().map(|n| ((*n).to_owned(), "cao")).collect();
    for (name, java) in names.iter().zip(common::java_write_all(&cases)) {
        let mut codec = kryo5_dynamic::Codec::new(schema_of(name).unwrap());
        common::round_trip(
            &mut codec,
            &java,
            &kryo5_dynamic::Root::ClassAndObject,
            name,
        );
    }
}
