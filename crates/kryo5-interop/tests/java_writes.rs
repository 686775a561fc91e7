//! Java writes, kryo5 compares: every write method with seeded random and
//! edge values, for each Java output class against the kryo5 output of the
//! same flavour, variable-length encoding on and off, in memory and through
//! small stream buffers. The bytes, `total()` and returned lengths must be
//! identical, and kryo5 must read Java's bytes back to the values written.
//! Bounded outputs must fail on the same op as Java.

mod common;

use std::time::Instant;

use common::{OPS_PER_CASE, seed, summary};
use kryo5_interop::check::{Report, compare_writes, expect_values};
use kryo5_interop::generate::{Gen, edge_write_ops, read_back};
use kryo5_interop::{
    InputSource, OutputClass, OutputSink, ReadConfig, Script, WriteConfig, WriteOp, jvm,
    kryo5_read, kryo5_write,
};

/// Random ops per configuration, besides every edge op.
const RANDOM_OPS: usize = 4000;

/// Every configuration of one Java class.
fn configs(class: OutputClass) -> Vec<WriteConfig> {
    let sinks = [
        OutputSink::Memory {
            buffer_size: 16,
            max: None,
        },
        OutputSink::Stream { buffer_size: 16 },
        OutputSink::Stream { buffer_size: 64 },
    ];
    [true, false]
        .into_iter()
        .flat_map(|var_len| {
            sinks.map(|sink| WriteConfig {
                class,
                var_len,
                sink,
            })
        })
        .collect()
}

fn java_writes(class: OutputClass) {
    let started = Instant::now();
    let mut script = Script::new();
    let mut cases: Vec<(WriteConfig, Vec<WriteOp>, usize)> = Vec::new();
    for cfg in configs(class) {
        let mut g = Gen::new(seed(&cfg.to_string()));
        let mut ops = edge_write_ops();
        ops.extend(g.write_ops(RANDOM_OPS));
        g.shuffle(&mut ops);
        for chunk in ops.chunks(OPS_PER_CASE) {
            cases.push((cfg, chunk.to_vec(), script.write(&cfg, chunk)));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new(format!("Java {} vs kryo5", class.java_name()));
    for (cfg, ops, case) in &cases {
        let label = format!("{cfg} case {case}");
        let theirs = java.write(*case);
        report.check(&label, compare_writes(ops, theirs, &kryo5_write(cfg, ops)));
        let (reads, expected) = read_back(ops, class.native());
        let rcfg = ReadConfig {
            class: class.input(),
            var_len: cfg.var_len,
            source: InputSource::Array,
        };
        let back = kryo5_read(&rcfg, &theirs.bytes, &reads);
        report.check(
            format!("{label}, kryo5 reading Java's bytes"),
            expect_values(&reads, &expected, &back),
        );
    }
    let checks = report.finish();
    summary(
        &format!("java_writes/{}", class.java_name()),
        &script,
        checks,
        started,
    );
}

#[test]
fn output_matches_kryo5_output() {
    java_writes(OutputClass::Output);
}

#[test]
fn byte_buffer_output_matches_kryo5_output() {
    java_writes(OutputClass::ByteBufferOutput);
}

#[test]
fn unsafe_output_matches_kryo5_native_output() {
    java_writes(OutputClass::UnsafeOutput);
}

#[test]
fn unsafe_byte_buffer_output_matches_kryo5_native_output() {
    java_writes(OutputClass::UnsafeByteBufferOutput);
}

/// `new Output(n, max)` against `Output::bounded(n, max)`: the same op
/// fails with a buffer overflow, with the same bytes before it.
#[test]
fn bounded_outputs_overflow_on_the_same_op() {
    let started = Instant::now();
    let mut g = Gen::new(seed("bounded"));
    let mut script = Script::new();
    let mut cases: Vec<(WriteConfig, Vec<WriteOp>, usize)> = Vec::new();
    for class in OutputClass::PLAIN {
        for _ in 0..150 {
            let max = 1 + g.rng.below(400) as usize;
            // At least 1: with a 0-byte buffer Java's UnsafeOutput and
            // ByteBufferOutput loop forever in writeBytes (require(0)).
            let buffer_size = 1 + g.rng.below(max as u64) as usize;
            let cfg = WriteConfig {
                class,
                var_len: g.rng.bool(),
                sink: OutputSink::Memory {
                    buffer_size,
                    max: Some(max),
                },
            };
            let ops: Vec<WriteOp> = (0..60).map(|_| g.write_op()).collect();
            cases.push((cfg, ops.clone(), script.write(&cfg, &ops)));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new("bounded outputs");
    let mut overflows = 0;
    for (cfg, ops, case) in &cases {
        let theirs = java.write(*case);
        overflows += usize::from(theirs.failure.is_some());
        report.check(
            format!("{cfg} case {case}"),
            compare_writes(ops, theirs, &kryo5_write(cfg, ops)),
        );
    }
    // The sizes are chosen so that most cases overflow: the test must see them.
    assert!(
        overflows > cases.len() / 2,
        "only {overflows} of {} cases overflowed",
        cases.len()
    );
    let checks = report.finish();
    summary("java_writes/bounded", &script, checks, started);
}

/// Stream outputs whose buffer (1 to 9 bytes) is narrower than some values:
/// Java flushes, then throws `KryoBufferOverflowException` for a value
/// wider than the buffer; kryo5 must fail on the same op, after the same
/// bytes, including inside chunked encoding.
#[test]
fn tiny_stream_buffers_overflow_on_the_same_op() {
    let started = Instant::now();
    let mut g = Gen::new(seed("tiny streams"));
    let mut script = Script::new();
    let mut cases: Vec<(WriteConfig, Vec<WriteOp>, usize)> = Vec::new();
    for class in OutputClass::PLAIN
        .into_iter()
        .chain([OutputClass::OutputChunked])
    {
        for _ in 0..150 {
            let cfg = WriteConfig {
                class,
                var_len: g.rng.bool(),
                sink: OutputSink::Stream {
                    buffer_size: 1 + g.rng.below(9) as usize,
                },
            };
            let ops = g.write_ops(40);
            cases.push((cfg, ops.clone(), script.write(&cfg, &ops)));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new("tiny stream buffers");
    let mut overflows = 0;
    for (cfg, ops, case) in &cases {
        let theirs = java.write(*case);
        overflows += usize::from(theirs.failure.is_some());
        report.check(
            format!("{cfg} case {case}"),
            compare_writes(ops, theirs, &kryo5_write(cfg, ops)),
        );
    }
    assert!(
        overflows > cases.len() / 2,
        "only {overflows} of {} cases overflowed",
        cases.len()
    );
    let checks = report.finish();
    summary("java_writes/tiny streams", &script, checks, started);
}
