//! Arbitrary bytes read as jvm-serializers' MediaContent by the object
//! layer (`#[derive(Kryo)]` structs) in each of its interop setups
//! (registered, references on, compatible serializer, classes by name) and
//! as any registered class (`read_class_and_object`): no panic, and a graph
//! that reads writes back to bytes that read to the same graph.
#![no_main]

use kryo5::io::{Input, Output};
use kryo5_interop::media::{self, MediaContent};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&setup, bytes)) = data.split_first() else {
        return;
    };
    let mut kryo = match setup % 5 {
        0 => media::kryo(),
        1 => media::kryo_refs(),
        2 => media::kryo_compat(),
        3 => media::kryo_auto(),
        _ => media::kryo_autorefs(),
    };
    // AddressSanitizer keeps locals on a fake stack of its own, so the
    // stack budget (which measures the addresses of locals) misjudges:
    // the depth limit alone bounds nesting here.
    kryo.set_max_stack(usize::MAX);
    kryo.set_max_depth(200);
    let _ = kryo.read_class_and_object(&mut Input::new(bytes));
    let Ok(value) = kryo.read_object::<MediaContent, _>(&mut Input::new(bytes)) else {
        return;
    };
    let mut out = Output::new();
    kryo.write_object(&mut out, &value)
        .expect("a graph that reads writes back");
    let back = kryo
        .read_object::<MediaContent, _>(&mut Input::new(out.as_slice()))
        .expect("what kryo5 writes reads back");
    assert_eq!(back, value);
});
