//! Chunked encoding (format spec section 5) against Java's `OutputChunked`
//! and `InputChunked`: random op sequences with `endChunk` and `flush` at
//! random points, so every flush point (varints never split, strings and
//! bytes split exactly where Java splits them) shows up as a chunk
//! boundary; chunked outputs nested inside chunked outputs, as Kryo's
//! compatible serializers nest them; and each side reading the other's
//! chunks with `nextChunk`.

mod common;

use std::time::Instant;

use common::{seed, summary};
use kryo5_interop::check::{Report, compare_reads, compare_writes, expect_values};
use kryo5_interop::generate::{Gen, read_back};
use kryo5_interop::{
    InputClass, InputSource, OutputClass, OutputSink, ReadConfig, Script, WriteConfig, WriteOp,
    jvm, kryo5_read, kryo5_write,
};

/// Cases per configuration and ops per case.
const CASES: usize = 24;
const OPS: usize = 120;

/// A chunked output of `size` bytes, and the ops for one case.
struct Setup {
    size: usize,
    nested: Option<usize>,
    var_len: bool,
}

fn setups() -> Vec<Setup> {
    let plain = [4, 8, 16, 64, 1024].map(|size| (size, None));
    let nested = [(16, 8), (64, 16), (1024, 64), (8, 1024), (16, 16), (4, 8)]
        .map(|(size, inner)| (size, Some(inner)));
    plain
        .into_iter()
        .chain(nested)
        .flat_map(|(size, nested)| {
            [true, false].map(|var_len| Setup {
                size,
                nested,
                var_len,
            })
        })
        .collect()
}

fn write_config(s: &Setup) -> WriteConfig {
    WriteConfig {
        class: OutputClass::OutputChunked,
        var_len: s.var_len,
        sink: OutputSink::Stream {
            buffer_size: s.size,
        },
    }
}

/// The reader of a chunked stream: Java needs a buffer of 8 bytes at least
/// (`readLong`); 16 keeps clear of "Buffer too small".
fn read_config(s: &Setup, buffer_size: usize) -> ReadConfig {
    ReadConfig {
        class: InputClass::InputChunked,
        var_len: s.var_len,
        source: InputSource::Stream {
            buffer_size: buffer_size.max(16),
        },
    }
}

fn ops_for(g: &mut Gen, s: &Setup) -> Vec<WriteOp> {
    g.chunked_ops(OPS, s.size, s.var_len, s.nested)
}

/// Java `OutputChunked` (nested or not) writes; kryo5 must write the same
/// chunks, and `Input::chunked` must read Java's chunks back.
#[test]
fn output_chunked_matches_java() {
    let started = Instant::now();
    let mut script = Script::new();
    let mut cases = Vec::new();
    for s in setups() {
        let cfg = write_config(&s);
        let mut g = Gen::new(seed(&format!("chunked write {cfg} {:?}", s.nested)));
        for _ in 0..CASES {
            let ops = ops_for(&mut g, &s);
            let id = script.write(&cfg, &ops);
            cases.push((cfg, read_config(&s, s.size), ops, id));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new("OutputChunked");
    let mut chunks = 0;
    for (cfg, rcfg, ops, id) in &cases {
        let label = format!("{cfg} case {id}");
        let theirs = java.write(*id);
        chunks += ops.iter().filter(|op| **op == WriteOp::EndChunk).count();
        report.check(&label, compare_writes(ops, theirs, &kryo5_write(cfg, ops)));
        let (reads, expected) = read_back(ops, false);
        let back = kryo5_read(rcfg, &theirs.bytes, &reads);
        report.check(
            format!("{label}, kryo5 reading Java's chunks"),
            expect_values(&reads, &expected, &back),
        );
    }
    let checks = report.finish();
    summary(
        &format!("chunked/output ({chunks} endChunk)"),
        &script,
        checks,
        started,
    );
}

/// kryo5 writes chunks (nested or not); Java `InputChunked` and kryo5
/// `Input::chunked` must both read every value back, skipping to each next
/// run with `nextChunk`, and agree on `total()` throughout.
#[test]
fn input_chunked_reads_kryo5_chunks() {
    let started = Instant::now();
    let mut script = Script::new();
    let mut cases = Vec::new();
    for s in setups() {
        let cfg = write_config(&s);
        let mut g = Gen::new(seed(&format!("chunked read {cfg} {:?}", s.nested)));
        for k in 0..CASES {
            let ops = ops_for(&mut g, &s);
            let written = kryo5_write(&cfg, &ops);
            assert_eq!(written.failure, None, "kryo5 failed to write {cfg}");
            let (mut reads, expected) = read_back(&ops, false);
            g.vary_apis(&mut reads, &expected);
            let rcfg = read_config(&s, [16, 64, 1024][k % 3]);
            let id = script.read(&rcfg, &written.bytes, &reads);
            cases.push((rcfg, written.bytes, reads, expected, id));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new("InputChunked");
    for (rcfg, bytes, reads, expected, id) in &cases {
        let label = format!("{rcfg} case {id}");
        let theirs = java.read(*id);
        let ours = kryo5_read(rcfg, bytes, reads);
        report.check(
            format!("{label}, Java"),
            expect_values(reads, expected, theirs),
        );
        report.check(
            format!("{label}, kryo5"),
            expect_values(reads, expected, &ours),
        );
        report.check(
            format!("{label}, Java vs kryo5"),
            compare_reads(rcfg, bytes, reads, theirs, &ours),
        );
    }
    let checks = report.finish();
    summary("chunked/input", &script, checks, started);
}

/// Readers skip the rest of random runs with `nextChunk` (as Kryo's
/// compatible serializers skip unknown fields): Java `InputChunked` and
/// kryo5 `Input::chunked` must land on the same next value and agree on
/// `total()` throughout.
#[test]
fn next_chunk_skips_unread_data_like_java() {
    let started = Instant::now();
    let mut script = Script::new();
    let mut cases = Vec::new();
    let mut skipped = 0;
    for s in setups() {
        let cfg = write_config(&s);
        let mut g = Gen::new(seed(&format!("chunked skip {cfg} {:?}", s.nested)));
        for k in 0..CASES {
            let ops = ops_for(&mut g, &s);
            let written = kryo5_write(&cfg, &ops);
            assert_eq!(written.failure, None, "kryo5 failed to write {cfg}");
            let (reads, expected) = read_back(&ops, false);
            let (reads, expected) = g.skip_ahead(&reads, &expected);
            skipped += read_back(&ops, false).0.len() - reads.len();
            let rcfg = read_config(&s, [16, 64, 1024][k % 3]);
            let id = script.read(&rcfg, &written.bytes, &reads);
            cases.push((rcfg, written.bytes, reads, expected, id));
        }
    }
    let java = jvm().run(&script);
    let mut report = Report::new("InputChunked.nextChunk skipping");
    for (rcfg, bytes, reads, expected, id) in &cases {
        let label = format!("{rcfg} case {id}");
        let theirs = java.read(*id);
        let ours = kryo5_read(rcfg, bytes, reads);
        report.check(
            format!("{label}, Java"),
            expect_values(reads, expected, theirs),
        );
        report.check(
            format!("{label}, kryo5"),
            expect_values(reads, expected, &ours),
        );
        report.check(
            format!("{label}, Java vs kryo5"),
            compare_reads(rcfg, bytes, reads, theirs, &ours),
        );
    }
    assert!(skipped > 1000, "only {skipped} reads were skipped");
    let checks = report.finish();
    summary(
        &format!("chunked/skip ({skipped} reads skipped)"),
        &script,
        checks,
        started,
    );
}
