//! The dynamic codec against real Java Kryo 5.6 on collections, maps and
//! arrays (`java/CasesCollections.java`, `java/CasesValues.java`, their
//! by-name setups): CollectionSerializer's layouts (known element class,
//! same-class header, mixed, all null), MapSerializer with and without
//! generic key/value classes, HashMap iteration orders as Java wrote them,
//! primitive and object arrays, shared arrays with references on.

mod common;

use kryo5_dynamic::{Codec, Root, Schema};

const SCHEMA: &str = include_str!("schemas/collections.toml");

const COLLECTIONS: [&str; 25] = [
    "list_empty",
    "list_strings",
    "list_nulls",
    "list_allnull",
    "list_ints",
    "list_mixed",
    "list_items",
    "list_leaves",
    "list_of_lists",
    "linked",
    "lists",
    "lists_nulls",
    "vec_fields",
    "hashmap_empty",
    "hashmap_small",
    "hashmap_nullkey",
    "hashmap_collide",
    "hashmap_resize",
    "hashmap_tree",
    "hashmap_ints",
    "hashmap_longs",
    "hashmap_mixed_keys",
    "linked_hashmap",
    "hashset",
    "hashset_nulls",
];

#[test]
fn java_collections_maps_and_arrays_round_trip_exactly() {
    let mut cases: Vec<(String, bool)> = Vec::new();
    for v in COLLECTIONS {
        cases.push((format!("byname.{v}"), false));
    }
    cases.push(("byname.linked_hashset".into(), false));
    cases.push(("byname.deque".into(), false));
    for v in ["arrs", "arrs_empty"] {
        cases.push((format!("vbyname.{v}"), false));
        cases.push((format!("vbyname_refs.{v}"), true));
    }
    cases.push(("vbyname_refs.arrs_shared".into(), true));
    let names: Vec<(String, &str)> = cases.iter().map(|c| (c.0.clone(), "cao")).collect();
    let java = common::java_write_all(&names);
    for ((name, refs), bytes) in cases.iter().zip(&java) {
        let mut schema = Schema::from_toml(SCHEMA, "collections.toml").unwrap();
        schema.references = *refs;
        let mut codec = Codec::new(schema);
        common::round_trip(&mut codec, bytes, &Root::ClassAndObject, name);
    }
}
