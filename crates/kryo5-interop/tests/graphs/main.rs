//! Object graphs through real Java Kryo 5.6 and kryo5, both directions,
//! bytes compared exactly (see `kryo5_interop::graph`). Each module mirrors
//! one `java/Cases*.java` file.

#![allow(unreachable_pub)]

mod basic;
mod blowfish;
mod collections;
mod compat;
mod deflate;
mod enums;
mod inherit;
mod media;
mod random;
mod records;
mod values;

use kryo5_interop::graph::Graphs;

#[test]
fn basic_graphs_match_java() {
    let mut g = Graphs::new();
    basic::cases(&mut g);
    let report = g.run();
    report.assert_ok();
    let failures = basic::borrowed_str_pair(&report);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn media_content_matches_java() {
    let mut g = Graphs::new();
    media::cases(&mut g);
    let report = g.run();
    report.assert_ok();
    // The borrowed twins read the same Java bytes (one JVM run for both).
    let failures = media::borrowed_reads(&report);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    media::borrowed_compat_is_refused(&report).unwrap();
}

#[test]
fn list_graphs_match_java() {
    let mut g = Graphs::new();
    collections::list_cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn collection_graphs_match_java() {
    let mut g = Graphs::new();
    collections::cases(&mut g);
    g.run().assert_ok();
}

/// `Set.of`/`Map.of` of two or more: compared as sets both ways.
#[test]
fn unordered_immutables_read_both_ways() {
    let failures = collections::unordered_immutables();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn class_hierarchies_match_java() {
    let mut g = Graphs::new();
    inherit::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn compatible_tagged_and_version_serializers_match_java() {
    let mut g = Graphs::new();
    compat::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn classes_evolve_across_java_and_kryo5() {
    compat::compatible_evolution();
    compat::version_evolution();
}

#[test]
fn enums_by_name_match_java() {
    let mut g = Graphs::new();
    enums::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn deflated_objects_match_java() {
    let mut g = Graphs::new();
    deflate::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn encrypted_objects_match_java() {
    let mut g = Graphs::new();
    blowfish::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn records_match_java() {
    let mut g = Graphs::new();
    records::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn random_graphs_match_java() {
    let mut g = Graphs::new();
    random::cases(&mut g);
    g.run().assert_ok();
}

#[test]
fn value_graphs_match_java() {
    let mut g = Graphs::new();
    values::cases(&mut g);
    g.run().assert_ok();
}

/// The rig itself: a Rust value that is not Java's value, or loses Java's
/// sharing, must fail, and say where.
#[test]
fn the_rig_catches_wrong_values_and_lost_sharing() {
    let mut g = Graphs::new();
    basic::wrong_cases(&mut g);
    let report = g.run();
    let failures = |name: &str| -> String {
        let case = report.cases().iter().find(|c| c.name == name).unwrap();
        case.failures.join("\n")
    };
    let wrong = failures("prims_max");
    assert!(
        wrong.contains("kryo5 wrote other bytes than Java, first difference at offset 1")
            && wrong.contains("Java reading kryo5's bytes: MISMATCH root.b:"),
        "{wrong}"
    );
    let unshared = failures("refs.shared");
    assert!(
        unshared.contains("kryo5 wrote other bytes than Java")
            && unshared.contains("Java reading kryo5's bytes: MISMATCH root.b: expected the object first met at root.a"),
        "{unshared}"
    );
    assert_eq!(report.failing().count(), 2);
}
