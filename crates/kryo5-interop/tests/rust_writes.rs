//! kryo5 writes, Java reads: the ops of the write tests, written by kryo5
//! (`Output` for the safe classes, `NativeOutput` for the Unsafe ones, in
//! memory or through a small stream buffer), read back by the matching Java
//! input class from a byte array and from a stream with a small buffer,
//! and by kryo5's own input of the same kind. Every value must be the one
//! written, and Java and kryo5 must agree on `total()` after every read.

mod common;

use std::time::Instant;

use common::{OPS_PER_CASE, seed, summary};
use kryo5_interop::check::{Report, compare_reads, expect_values};
use kryo5_interop::generate::{Gen, edge_write_ops, read_back};
use kryo5_interop::{
    InputClass, InputSource, OutputClass, OutputSink, ReadConfig, ReadOp, Script, Value,
    WriteConfig, jvm, kryo5_read, kryo5_write,
};

/// Random ops per configuration, besides every edge op.
const RANDOM_OPS: usize = 4000;

struct Case {
    cfg: ReadConfig,
    bytes: Vec<u8>,
    reads: Vec<ReadOp>,
    expected: Vec<Value>,
    id: usize,
}

fn java_reads(class: InputClass) {
    let started = Instant::now();
    let writer = if class.native() {
        OutputClass::UnsafeOutput
    } else {
        OutputClass::Output
    };
    let mut script = Script::new();
    let mut cases = Vec::new();
    for var_len in [true, false] {
        for source in [
            InputSource::Array,
            InputSource::Stream { buffer_size: 16 },
            InputSource::Stream { buffer_size: 64 },
        ] {
            let cfg = ReadConfig {
                class,
                var_len,
                source,
            };
            let sink = match source {
                InputSource::Array => OutputSink::Memory {
                    buffer_size: 16,
                    max: None,
                },
                InputSource::Stream { buffer_size } => OutputSink::Stream { buffer_size },
            };
            let wcfg = WriteConfig {
                class: writer,
                var_len,
                sink,
            };
            let mut g = Gen::new(seed(&cfg.to_string()));
            let mut ops = edge_write_ops();
            ops.extend(g.write_ops(RANDOM_OPS));
            g.shuffle(&mut ops);
            for chunk in ops.chunks(OPS_PER_CASE) {
                let written = kryo5_write(&wcfg, chunk);
                assert_eq!(written.failure, None, "kryo5 failed to write {wcfg}");
                let (mut reads, expected) = read_back(chunk, class.native());
                g.vary_apis(&mut reads, &expected);
                let id = script.read(&cfg, &written.bytes, &reads);
                cases.push(Case {
                    cfg,
                    bytes: written.bytes,
                    reads,
                    expected,
                    id,
                });
            }
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new(format!("kryo5 writes, Java {} reads", class.java_name()));
    for case in &cases {
        let label = format!("{} case {}", case.cfg, case.id);
        let theirs = java.read(case.id);
        let ours = kryo5_read(&case.cfg, &case.bytes, &case.reads);
        report.check(
            format!("{label}, Java"),
            expect_values(&case.reads, &case.expected, theirs),
        );
        report.check(
            format!("{label}, kryo5"),
            expect_values(&case.reads, &case.expected, &ours),
        );
        report.check(
            format!("{label}, Java vs kryo5"),
            compare_reads(&case.cfg, &case.bytes, &case.reads, theirs, &ours),
        );
    }
    let checks = report.finish();
    summary(
        &format!("rust_writes/{}", class.java_name()),
        &script,
        checks,
        started,
    );
}

#[test]
fn java_input_reads_kryo5_output() {
    java_reads(InputClass::Input);
}

#[test]
fn java_byte_buffer_input_reads_kryo5_output() {
    java_reads(InputClass::ByteBufferInput);
}

#[test]
fn java_unsafe_input_reads_kryo5_native_output() {
    java_reads(InputClass::UnsafeInput);
}

#[test]
fn java_unsafe_byte_buffer_input_reads_kryo5_native_output() {
    java_reads(InputClass::UnsafeByteBufferInput);
}
