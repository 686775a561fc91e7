//! Random bytes, both readers: arbitrary byte strings (biased towards
//! varint and UTF-8 patterns, mixed with real encoded values) read by Java
//! and by kryo5 with the same random sequence of reads. Values, `total()`
//! after every read, and "error or not" must agree; underflow in Java is
//! `UnexpectedEnd` in kryo5. Strings are compared where their bytes are
//! what Kryo writes; where they are not, Java returns garbage and kryo5
//! must refuse them (see `kryo5_interop::oracle`).

mod common;

use std::time::Instant;

use common::{seed, summary};
use kryo5_interop::check::{Report, Tally, compare_reads};
use kryo5_interop::generate::Gen;
use kryo5_interop::value::hex;
use kryo5_interop::{InputClass, InputSource, ReadConfig, ReadOp, Script, jvm, kryo5_read};

/// Cases per configuration.
const CASES: usize = 1200;

fn random_reads(class: InputClass) {
    let started = Instant::now();
    let mut script = Script::new();
    let mut cases = Vec::new();
    for var_len in [true, false] {
        for source in [InputSource::Array, InputSource::Stream { buffer_size: 16 }] {
            let cfg = ReadConfig {
                class,
                var_len,
                source,
            };
            let mut g = Gen::new(seed(&format!("random bytes {cfg}")));
            for _ in 0..CASES {
                // Java's byte-array inputs of capacity 0 loop forever in
                // skip, readBytes and the Unsafe bulk reads (they call
                // require(min(count, capacity)) = require(0) again and
                // again), so arrays hold a byte at least; the stream source
                // covers empty input.
                let min = usize::from(source == InputSource::Array);
                let len = min + g.rng.below(48) as usize;
                let input = g.input(len);
                let ops: Vec<ReadOp> = (0..1 + g.rng.below(16)).map(|_| g.read_op()).collect();
                let id = script.read(&cfg, &input, &ops);
                cases.push((cfg, input, ops, id));
            }
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new(format!("random bytes, Java {} vs kryo5", class.java_name()));
    let mut tally = Tally::default();
    for (cfg, input, ops, id) in &cases {
        let ours = kryo5_read(cfg, input, ops);
        let result = compare_reads(cfg, input, ops, java.read(*id), &ours);
        tally += report.check(
            format!("{cfg} case {id}"),
            result.map_err(|e| format!("{e}\n    input x{}", hex(input))),
        );
    }
    let checks = report.finish();
    eprintln!("random_bytes/{}: {tally:?}", class.java_name());
    // Every kind of outcome must have been reached, or the test proves little.
    for (what, n) in [
        ("agreeing values", tally.values),
        ("validated strings", tally.strings),
        ("matching errors", tally.same_errors),
        ("refused malformed strings", tally.refused_garbage),
        ("refused lone surrogates", tally.lone_surrogates),
        ("oversized declared lengths", tally.bad_lengths),
    ] {
        assert!(n >= 10, "only {n} cases reached {what}: {tally:?}");
    }
    summary(
        &format!("random_bytes/{}", class.java_name()),
        &script,
        checks,
        started,
    );
}

#[test]
fn input_and_kryo5_input_agree_on_random_bytes() {
    random_reads(InputClass::Input);
}

#[test]
fn byte_buffer_input_and_kryo5_input_agree_on_random_bytes() {
    random_reads(InputClass::ByteBufferInput);
}

#[test]
fn unsafe_input_and_kryo5_native_input_agree_on_random_bytes() {
    random_reads(InputClass::UnsafeInput);
}

#[test]
fn unsafe_byte_buffer_input_and_kryo5_native_input_agree_on_random_bytes() {
    random_reads(InputClass::UnsafeByteBufferInput);
}
