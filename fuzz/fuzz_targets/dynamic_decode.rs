//! Arbitrary bytes decoded by the dynamic codec under the interop suite's
//! schemas (MediaContent; the basic cases: nested, `Object` fields, enums,
//! generics; the collections), references off or on: no panic, and a graph
//! that decodes goes to JSON and back, encodes, and decodes to itself.
#![no_main]

use kryo5::dynamic::{Codec, Root, Schema, json};
use kryo5::io::{Input, Output};
use libfuzzer_sys::fuzz_target;

const SCHEMAS: [(&str, &str); 3] = [
    (
        "media.toml",
        include_str!("../../crates/kryo5-dynamic/tests/schemas/media.toml"),
    ),
    (
        "basic.toml",
        include_str!("../../crates/kryo5-dynamic/tests/schemas/basic.toml"),
    ),
    (
        "collections.toml",
        include_str!("../../crates/kryo5-dynamic/tests/schemas/collections.toml"),
    ),
];

fuzz_target!(|data: &[u8]| {
    let Some((&setup, bytes)) = data.split_first() else {
        return;
    };
    let (name, text) = SCHEMAS[usize::from(setup) % SCHEMAS.len()];
    let mut schema = Schema::from_toml(text, name).expect("the test schemas load");
    schema.references = setup & 0x80 != 0;
    let mut codec = Codec::new(schema);
    // As in graph_read: under AddressSanitizer only the depth limit.
    codec.set_max_stack(usize::MAX);
    codec.set_max_depth(100);
    let root = Root::ClassAndObject;
    let Ok(value) = codec.read(&mut Input::new(bytes), &root) else {
        return;
    };
    let j = json::to_json(&codec, &value, &root).expect("a decoded graph has a JSON form");
    let back = json::from_json(&codec, &j, &root).expect("the JSON form reads back");
    let mut out = Output::new();
    codec
        .write(&mut out, &back, &root)
        .expect("a decoded graph encodes");
    let again = codec
        .read(&mut Input::new(out.as_slice()), &root)
        .expect("what the codec encodes decodes");
    // Debug forms: NaN is not equal to itself.
    assert_eq!(format!("{again:?}"), format!("{value:?}"));
});
