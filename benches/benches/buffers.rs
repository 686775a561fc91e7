//! Criterion (wall-clock) benchmarks of the buffer layer: each kryo5 case in
//! the safe and the native flavour beside a plain-loop baseline measured in
//! the same run (`kryo5_benches::cases` says what each one does).
//!
//! Benchmarks are named `group/id` and can be filtered by any part of it:
//!
//! | group | ids | throughput per iteration |
//! |---|---|---|
//! | `varint_single/{write,read}` | `kryo5_safe`, `kryo5_native`, `baseline_leb128` | 1M values |
//! | `varint_array/{write,read}_{ints,longs}` | as above | 1M values |
//! | `fixed_array/{write,read}_{ints,longs,doubles,shorts}` | `kryo5_safe`, `kryo5_native`, `baseline_memcpy` | 1 MiB |
//! | `string/{write,read_string_into,read_str}` | `<string>/kryo5_safe`, `<string>/kryo5_native`, `<string>/baseline_cesu8` | the string's wire bytes (reads: from the start of a message where 32 bytes of further fields follow) |
//!
//! ```text
//! cargo bench -p kryo5-benches --bench buffers                  # everything, about 3 minutes
//! cargo bench -p kryo5-benches --bench buffers -- varint_array  # one family
//! cargo bench -p kryo5-benches --bench buffers -- --measurement-time 5 --sample-size 50
//! ```
//!
//! Timings drift on a shared machine: compare kryo5 with its baseline
//! within one run, not across runs.

use std::hint::black_box;

#[path = "support/config.rs"]
mod config;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use kryo5::io::{Input, Native, NativeInput, NativeOutput, Output, Result, Safe};
use kryo5_benches::cases::{self, In, Out};
use kryo5_benches::{ARRAY_BYTES, VARINT_COUNT, data};

/// Id of the safe flavour's case in every group.
const SAFE: &str = "kryo5_safe";
/// Id of the native flavour's case in every group.
const NATIVE: &str = "kryo5_native";

/// Spare output capacity beyond the bytes a case writes: room for the last
/// 8-byte varint store, so no case ever grows its output.
const SLACK: usize = 16;

/// A write case of one flavour.
type WriteCase<F, T> = fn(&mut Out<F>, &T) -> Result<usize>;
/// A read-into case of one flavour.
type ReadCase<'de, F, T, R> = fn(&mut In<'de, F>, &'de [u8], &mut T) -> Result<R>;

/// Benches one write case in both flavours: `safe` and `native` are the same
/// generic function of `kryo5_benches::cases`, once per flavour. Outputs are
/// allocated here with `capacity` bytes and reused (`reset()`) by the case.
fn write_both<T: ?Sized>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    prefix: &str,
    capacity: usize,
    values: &T,
    safe: WriteCase<Safe, T>,
    native: WriteCase<Native, T>,
) {
    let mut out = Output::with_capacity(capacity);
    g.bench_function(format!("{prefix}{SAFE}"), |b| {
        b.iter(|| safe(&mut out, black_box(values)));
    });
    let mut out = NativeOutput::with_capacity(capacity);
    g.bench_function(format!("{prefix}{NATIVE}"), |b| {
        b.iter(|| native(&mut out, black_box(values)));
    });
}

/// Benches one read case in both flavours, decoding `bytes` into `dst`.
fn read_both<'de, T: ?Sized, R>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    prefix: &str,
    bytes: &'de [u8],
    dst: &mut T,
    safe: ReadCase<'de, Safe, T, R>,
    native: ReadCase<'de, Native, T, R>,
) {
    let mut input = Input::new(bytes);
    g.bench_function(format!("{prefix}{SAFE}"), |b| {
        b.iter(|| safe(&mut input, black_box(bytes), dst));
    });
    let mut input = NativeInput::new(bytes);
    g.bench_function(format!("{prefix}{NATIVE}"), |b| {
        b.iter(|| native(&mut input, black_box(bytes), dst));
    });
}

/// 1M `write_var_int` / `read_var_int` calls against the byte-at-a-time loop.
fn varint_single(c: &mut Criterion) {
    let values = data::var_ints(VARINT_COUNT);
    let bytes = data::var_int_bytes(&values);
    let mut dst = vec![0; values.len()];
    let mut buf = Vec::with_capacity(bytes.len() + SLACK);

    let mut g = config::run_group(c, "varint_single/write", values.len());
    let cap = bytes.len() + SLACK;
    write_both(
        &mut g,
        "",
        cap,
        &values[..],
        cases::write_var_int_each,
        cases::write_var_int_each,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_write_u32s(&mut buf, black_box(&values)));
    });
    g.finish();

    let mut g = config::run_group(c, "varint_single/read", values.len());
    read_both(
        &mut g,
        "",
        &bytes,
        &mut dst[..],
        cases::read_var_int_each,
        cases::read_var_int_each,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_read_u32s(black_box(&bytes), &mut dst));
    });
    g.finish();
}

/// `write_ints_var_or_fixed` / `write_longs_var_or_fixed` over 1M values
/// (and their reads) against the same byte-at-a-time loops.
fn varint_array(c: &mut Criterion) {
    let ints = data::var_ints(VARINT_COUNT);
    let int_bytes = data::var_int_bytes(&ints);
    let mut int_dst = vec![0; ints.len()];
    let longs = data::var_longs(VARINT_COUNT);
    let long_bytes = data::var_long_bytes(&longs);
    let mut long_dst = vec![0; longs.len()];
    // The array writers reserve the worst case (5 or 9 bytes per value)
    // up front; give them that room so no iteration grows the output.
    let mut buf = Vec::with_capacity(9 * VARINT_COUNT + SLACK);

    let mut g = config::run_group(c, "varint_array/write_ints", ints.len());
    let cap = 5 * ints.len() + SLACK;
    write_both(
        &mut g,
        "",
        cap,
        &ints[..],
        cases::write_var_ints,
        cases::write_var_ints,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_write_u32s(&mut buf, black_box(&ints)));
    });
    g.finish();

    let mut g = config::run_group(c, "varint_array/read_ints", ints.len());
    read_both(
        &mut g,
        "",
        &int_bytes,
        &mut int_dst[..],
        cases::read_var_ints,
        cases::read_var_ints,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_read_u32s(black_box(&int_bytes), &mut int_dst));
    });
    g.finish();

    let mut g = config::run_group(c, "varint_array/write_longs", longs.len());
    let cap = 9 * longs.len() + SLACK;
    write_both(
        &mut g,
        "",
        cap,
        &longs[..],
        cases::write_var_longs,
        cases::write_var_longs,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_write_u64s(&mut buf, black_box(&longs)));
    });
    g.finish();

    let mut g = config::run_group(c, "varint_array/read_longs", longs.len());
    read_both(
        &mut g,
        "",
        &long_bytes,
        &mut long_dst[..],
        cases::read_var_longs,
        cases::read_var_longs,
    );
    g.bench_function("baseline_leb128", |b| {
        b.iter(|| cases::leb128_read_u64s(black_box(&long_bytes), &mut long_dst));
    });
    g.finish();
}

/// The kryo5 cases of one fixed-width type, each instantiated per flavour.
struct Fixed<'w, T> {
    write_safe: WriteCase<Safe, [T]>,
    write_native: WriteCase<Native, [T]>,
    read_safe: ReadCase<'w, Safe, [T], ()>,
    read_native: ReadCase<'w, Native, [T], ()>,
}

/// `Fixed` for the `cases::$write` / `cases::$read` pair.
macro_rules! fixed_cases {
    ($write:ident, $read:ident) => {
        Fixed {
            write_safe: cases::$write,
            write_native: cases::$write,
            read_safe: cases::$read,
            read_native: cases::$read,
        }
    };
}

/// One fixed-width array type: write and read 1 MiB in both flavours beside
/// a `memcpy` of the same bytes.
fn fixed<'w, T: Copy + Default>(
    c: &mut Criterion,
    name: &str,
    values: &[T],
    wire: &'w [u8],
    kryo5: Fixed<'w, T>,
) {
    let mut image = vec![0u8; wire.len()];
    let mut dst = vec![T::default(); values.len()];

    let mut g = c.benchmark_group(format!("fixed_array/write_{name}"));
    g.throughput(Throughput::Bytes(wire.len() as u64));
    let cap = wire.len() + SLACK;
    write_both(
        &mut g,
        "",
        cap,
        values,
        kryo5.write_safe,
        kryo5.write_native,
    );
    g.bench_function("baseline_memcpy", |b| {
        b.iter(|| cases::memcpy(&mut image, black_box(wire)));
    });
    g.finish();

    let mut g = c.benchmark_group(format!("fixed_array/read_{name}"));
    g.throughput(Throughput::Bytes(wire.len() as u64));
    read_both(
        &mut g,
        "",
        wire,
        &mut dst[..],
        kryo5.read_safe,
        kryo5.read_native,
    );
    g.bench_function("baseline_memcpy", |b| {
        b.iter(|| cases::memcpy(&mut image, black_box(wire)));
    });
    g.finish();
}

/// `write_ints`/`read_ints_into` etc. over 1 MiB arrays against `memcpy`.
fn fixed_array(c: &mut Criterion) {
    let ints = data::ints(ARRAY_BYTES);
    let wire = data::int_bytes(&ints);
    fixed(c, "ints", &ints, &wire, fixed_cases!(write_ints, read_ints));
    let longs = data::longs(ARRAY_BYTES);
    let wire = data::long_bytes(&longs);
    fixed(
        c,
        "longs",
        &longs,
        &wire,
        fixed_cases!(write_longs, read_longs),
    );
    let doubles = data::doubles(ARRAY_BYTES);
    let wire = data::double_bytes(&doubles);
    fixed(
        c,
        "doubles",
        &doubles,
        &wire,
        fixed_cases!(write_doubles, read_doubles),
    );
    let shorts = data::shorts(ARRAY_BYTES);
    let wire = data::short_bytes(&shorts);
    fixed(
        c,
        "shorts",
        &shorts,
        &wire,
        fixed_cases!(write_shorts, read_shorts),
    );
}

/// `write_string`, `read_string_into` and zero-copy `read_str` of one string
/// per iteration against the per-character CESU-8 loops.
fn strings(c: &mut Criterion) {
    let texts = data::strings();
    let wires: Vec<Vec<u8>> = texts.iter().map(|t| data::string_bytes(&t.text)).collect();
    // Reads take the string from the start of a message (fields follow it).
    let messages: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| data::string_in_message(&t.text))
        .collect();
    let mut buf = Vec::with_capacity(1024);
    let mut s = String::with_capacity(1024);

    let mut g = c.benchmark_group("string/write");
    for (t, wire) in texts.iter().zip(&wires) {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        let prefix = format!("{}/", t.name);
        write_both(
            &mut g,
            &prefix,
            wire.len() + SLACK,
            t.text.as_str(),
            cases::write_string,
            cases::write_string,
        );
        g.bench_function(format!("{prefix}baseline_cesu8"), |b| {
            b.iter(|| cases::cesu8_write(&mut buf, black_box(&t.text)));
        });
    }
    g.finish();

    let mut g = c.benchmark_group("string/read_string_into");
    for ((t, wire), message) in texts.iter().zip(&wires).zip(&messages) {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        let wire = message;
        let prefix = format!("{}/", t.name);
        read_both(
            &mut g,
            &prefix,
            wire,
            &mut s,
            cases::read_string_into,
            cases::read_string_into,
        );
        g.bench_function(format!("{prefix}baseline_cesu8"), |b| {
            b.iter(|| cases::cesu8_read(black_box(wire), &mut s));
        });
    }
    g.finish();

    let mut g = c.benchmark_group("string/read_str");
    for ((t, wire), message) in texts.iter().zip(&wires).zip(&messages) {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        let wire = message;
        let mut input = Input::new(wire);
        g.bench_function(format!("{}/{SAFE}", t.name), |b| {
            b.iter(|| cases::read_str(&mut input, black_box(wire)));
        });
        let mut input = NativeInput::new(wire);
        g.bench_function(format!("{}/{NATIVE}", t.name), |b| {
            b.iter(|| cases::read_str(&mut input, black_box(wire)));
        });
        g.bench_function(format!("{}/baseline_cesu8", t.name), |b| {
            b.iter(|| cases::cesu8_read(black_box(wire), &mut s));
        });
    }
    g.finish();
}

criterion_group! {
    name = buffers;
    config = config::config();
    targets = varint_single, varint_array, fixed_array, strings
}

criterion_main!(buffers);
