//! The derive's compile errors: each `tests/ui/*.rs` must fail to compile
//! with the message in its `.stderr` (`TRYBUILD=overwrite` regenerates them
//! after a deliberate change).

#[test]
fn derive_errors_say_what_is_wrong() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
