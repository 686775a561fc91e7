//! Criterion (wall-clock) benchmarks of the kryo5-arch kernels, and of the
//! buffer methods built on them, with every kernel this CPU supports
//! (`Kernel::supported()`: portable, AVX2, AVX-512) side by side and the
//! baselines in the same run: the plain loop (`kryo5_benches::baseline`),
//! `memcpy` where the job is a copy, and the crates.io crates for the same
//! job (`support/crates_io.rs`, each checked against kryo5 by
//! `tests/baselines.rs`).
//!
//! | group | ids | throughput per iteration |
//! |---|---|---|
//! | `kernel_varint/{encode,decode}_i32` | `portable`, `avx2`, `avx512`, `plain_loop`, `integer_encoding`, `leb128`, `varint_simd` | 1M `varint_mix_u32` values |
//! | `kernel_varint/skip_i32`, `kernel_varint/{encode,decode,skip}_i64` | kernels, `plain_loop` (no crate writes Kryo's varlongs) | 1M values (`varint_mix_u64` for i64) |
//! | `kernel_varint/decode_i64_negative` | kernels, `plain_loop` | 1M negative longs (`data::negative_longs`: every value 9 bytes, the ninth with bit 7 set) |
//! | `kernel_text/<op>` | `<text>/<kernel>`, `<text>/plain_loop`, `<text>/std`, `<text>/simd_cesu8`, `<text>/simdutf8_basic`, `<text>/simdutf8_compat`, `<text>/memcpy` (CJK only: its CESU-8 is its UTF-8) | the input's bytes |
//! | `kernel_order/{f32_canonical,f64_canonical,bools_from_bytes}` | kernels, `plain_loop`, `memcpy` | 1 MiB |
//! | `buffer_by_kernel/<method>` | kernels (forced with `dispatch::force`), the buffer suite's baseline | as the buffer suite |
//!
//! Text ops: `utf16_len`, `cesu8_len`, `utf8_to_cesu8`, `cesu8_scan`,
//! `cesu8_to_utf8`, `cesu8_to_utf16`, `utf8` (validation), on
//! `{mostly_ascii,cjk,emoji}_{1k,64k}` (`kryo5_benches::data::kernel_texts`).
//!
//! ```text
//! cargo bench -p kryo5-benches --bench kernels                    # everything, about 9 minutes
//! cargo bench -p kryo5-benches --bench kernels -- kernel_varint   # one family
//! cargo bench -p kryo5-benches --bench kernels -- 'kernel_text/utf8/'
//! ```
//!
//! Compare within one run: timings drift on a shared machine.

use std::hint::black_box;
use std::time::Duration;

#[path = "support/config.rs"]
mod config;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use kryo5::io::{Input, Output};
use kryo5_arch::order::Order;
use kryo5_arch::text::Text;
use kryo5_arch::varint::Varint;
use kryo5_arch::{Kernel, dispatch};
use kryo5_benches::data::{self, KernelText, TextKind};
use kryo5_benches::{ARRAY_BYTES, VARINT_COUNT, cases, kernels};

#[path = "support/crates_io.rs"]
mod crates_io;

/// Spare bytes after every destination: room for the kernels' (and
/// `varint-simd`'s) whole-word stores near the end.
const SLACK: usize = 64;

/// The kernels this CPU runs, portable first.
fn supported() -> Vec<Kernel> {
    Kernel::supported().collect()
}

/// Varint runs of i32 (`varint_mix_u32`) and i64 (`varint_mix_u64`): every
/// kernel beside the byte-at-a-time loop and, for i32, the crates.io codecs.
fn kernel_varint(c: &mut Criterion) {
    let ints = data::var_ints(VARINT_COUNT);
    let int_bytes = data::var_int_bytes(&ints);
    let mut padded = int_bytes.clone();
    padded.resize(int_bytes.len() + crates_io::VARINT_SIMD_SLACK, 0);
    let longs = data::var_longs(VARINT_COUNT);
    let long_bytes = data::var_long_bytes(&longs);
    let mut out = vec![0u8; 9 * VARINT_COUNT + SLACK];
    let mut vec_out = Vec::with_capacity(9 * VARINT_COUNT + SLACK);
    let mut int_dst = vec![0i32; ints.len()];
    let mut long_dst = vec![0i64; longs.len()];

    let mut g = config::run_group(c, "kernel_varint/encode_i32", ints.len());
    for k in supported() {
        let v = Varint::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::encode_i32s(v, black_box(&ints), &mut out));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_write_u32s(&mut vec_out, black_box(&ints)));
    });
    g.bench_function("integer_encoding", |b| {
        b.iter(|| crates_io::integer_encoding_write_u32s(&mut out, black_box(&ints)));
    });
    g.bench_function("leb128", |b| {
        b.iter(|| crates_io::leb128_write_u32s(&mut out, black_box(&ints)));
    });
    #[cfg(target_arch = "x86_64")]
    g.bench_function("varint_simd", |b| {
        b.iter(|| crates_io::varint_simd_write_u32s(&mut out, black_box(&ints)));
    });
    g.finish();

    let mut g = config::run_group(c, "kernel_varint/decode_i32", ints.len());
    for k in supported() {
        let v = Varint::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::decode_i32s(v, black_box(&int_bytes), &mut int_dst));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_read_u32s(black_box(&int_bytes), &mut int_dst));
    });
    g.bench_function("integer_encoding", |b| {
        b.iter(|| crates_io::integer_encoding_read_u32s(black_box(&int_bytes), &mut int_dst));
    });
    g.bench_function("leb128", |b| {
        b.iter(|| crates_io::leb128_read_u32s(black_box(&int_bytes), &mut int_dst));
    });
    #[cfg(target_arch = "x86_64")]
    g.bench_function("varint_simd", |b| {
        b.iter(|| crates_io::varint_simd_read_u32s(black_box(&padded), &mut int_dst));
    });
    g.finish();

    let mut g = config::run_group(c, "kernel_varint/skip_i32", ints.len());
    for k in supported() {
        let v = Varint::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::skip_i32s(v, black_box(&int_bytes), ints.len()));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| kernels::plain_skip_u32s(black_box(&int_bytes), ints.len()));
    });
    g.finish();

    let mut g = config::run_group(c, "kernel_varint/encode_i64", longs.len());
    for k in supported() {
        let v = Varint::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::encode_i64s(v, black_box(&longs), &mut out));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_write_u64s(&mut vec_out, black_box(&longs)));
    });
    g.finish();

    // The mixed lengths, and all-negative longs: every value 9 bytes, its
    // ninth byte with bit 7 set.
    let negative_bytes = data::var_long_bytes(&data::negative_longs(VARINT_COUNT));
    for (group, bytes) in [
        ("kernel_varint/decode_i64", &long_bytes),
        ("kernel_varint/decode_i64_negative", &negative_bytes),
    ] {
        let mut g = config::run_group(c, group, long_dst.len());
        for k in supported() {
            let v = Varint::new(k).expect("supported");
            g.bench_function(k.name(), |b| {
                b.iter(|| kernels::decode_i64s(v, black_box(bytes), &mut long_dst));
            });
        }
        g.bench_function("plain_loop", |b| {
            b.iter(|| cases::leb128_read_u64s(black_box(bytes), &mut long_dst));
        });
        g.finish();
    }

    let mut g = config::run_group(c, "kernel_varint/skip_i64", longs.len());
    for k in supported() {
        let v = Varint::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::skip_i64s(v, black_box(&long_bytes), longs.len()));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| kernels::plain_skip_u64s(black_box(&long_bytes), longs.len()));
    });
    g.finish();
}

/// Reused destinations of the text cases, sized for the largest text.
struct TextBufs {
    bytes: Vec<u8>,
    fixed: Vec<u8>,
    string: String,
    units: Vec<u16>,
}

impl TextBufs {
    fn new() -> TextBufs {
        let cap = 2 * (64 << 10) + SLACK;
        TextBufs {
            bytes: Vec::with_capacity(cap),
            fixed: vec![0; cap],
            string: String::with_capacity(cap),
            units: Vec::with_capacity(cap),
        }
    }
}

/// A text group: one op on every kernel text, each with its throughput.
fn text_group<'a>(c: &'a mut Criterion, op: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(format!("kernel_text/{op}"));
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_millis(800));
    g
}

/// Every text kernel on 1 KiB and 64 KiB of mostly-ASCII, CJK and emoji
/// text beside the per-character loops, `std`, and the crates.io crates.
fn kernel_text(c: &mut Criterion) {
    let texts = data::kernel_texts();
    let mut bufs = TextBufs::new();
    let handles: Vec<(Kernel, Text)> = supported()
        .into_iter()
        .map(|k| (k, Text::new(k).expect("supported")))
        .collect();
    let utf8 = |t: &KernelText| Throughput::Bytes(t.text.len() as u64);
    let cesu8 = |t: &KernelText| Throughput::Bytes(t.cesu8.len() as u64);

    let mut g = text_group(c, "utf16_len");
    for t in &texts {
        g.throughput(utf8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::utf16_len(*h, black_box(&t.text)));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_utf16_len(black_box(&t.text)));
        });
        g.bench_function(format!("{}/std", t.name), |b| {
            b.iter(|| kernels::std_utf16_len(black_box(&t.text)));
        });
    }
    g.finish();

    let mut g = text_group(c, "cesu8_len");
    for t in &texts {
        g.throughput(utf8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::cesu8_len(*h, black_box(&t.text)));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_cesu8_len(black_box(&t.text)));
        });
    }
    g.finish();

    let mut g = text_group(c, "utf8_to_cesu8");
    for t in &texts {
        g.throughput(utf8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::utf8_to_cesu8(*h, black_box(&t.text), &mut bufs.fixed));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_utf8_to_cesu8(black_box(&t.text), &mut bufs.bytes));
        });
        g.bench_function(format!("{}/simd_cesu8", t.name), |b| {
            b.iter(|| crates_io::simd_cesu8_encode(black_box(&t.text), &mut bufs.bytes));
        });
        if t.kind == TextKind::Cjk {
            let dst = &mut bufs.fixed[..t.text.len()];
            g.bench_function(format!("{}/memcpy", t.name), |b| {
                b.iter(|| cases::memcpy(dst, black_box(t.text.as_bytes())));
            });
        }
    }
    g.finish();

    let mut g = text_group(c, "cesu8_scan");
    for t in &texts {
        g.throughput(cesu8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::cesu8_scan(*h, black_box(&t.cesu8), t.units));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_cesu8_scan(black_box(&t.cesu8), t.units));
        });
    }
    g.finish();

    let mut g = text_group(c, "cesu8_to_utf8");
    for t in &texts {
        g.throughput(cesu8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::cesu8_to_utf8(*h, black_box(&t.cesu8), &mut bufs.bytes));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_cesu8_to_utf8(black_box(&t.cesu8), &mut bufs.string));
        });
        g.bench_function(format!("{}/simd_cesu8", t.name), |b| {
            b.iter(|| crates_io::simd_cesu8_decode(black_box(&t.cesu8)));
        });
        if t.kind == TextKind::Cjk {
            let dst = &mut bufs.fixed[..t.cesu8.len()];
            g.bench_function(format!("{}/memcpy", t.name), |b| {
                b.iter(|| cases::memcpy(dst, black_box(&t.cesu8)));
            });
        }
    }
    g.finish();

    let mut g = text_group(c, "cesu8_to_utf16");
    for t in &texts {
        g.throughput(cesu8(t));
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::cesu8_to_utf16(*h, black_box(&t.cesu8), &mut bufs.units));
            });
        }
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| kernels::plain_cesu8_to_utf16(black_box(&t.cesu8), &mut bufs.units));
        });
    }
    g.finish();

    let mut g = text_group(c, "utf8");
    for t in &texts {
        g.throughput(utf8(t));
        let bytes = t.text.as_bytes();
        for (k, h) in &handles {
            g.bench_function(format!("{}/{k}", t.name), |b| {
                b.iter(|| kernels::utf8(*h, black_box(bytes)));
            });
        }
        g.bench_function(format!("{}/std", t.name), |b| {
            b.iter(|| kernels::std_from_utf8(black_box(bytes)));
        });
        g.bench_function(format!("{}/simdutf8_basic", t.name), |b| {
            b.iter(|| crates_io::simdutf8_basic(black_box(bytes)));
        });
        g.bench_function(format!("{}/simdutf8_compat", t.name), |b| {
            b.iter(|| crates_io::simdutf8_compat(black_box(bytes)));
        });
    }
    g.finish();
}

/// NaN canonicalisation (safe `write_floats`/`write_doubles`) and
/// `read_booleans`' conversion over 1 MiB, beside a per-element loop and a
/// `memcpy` of the same bytes.
fn kernel_order(c: &mut Criterion) {
    let floats = data::canon_floats(ARRAY_BYTES);
    let doubles = data::canon_doubles(ARRAY_BYTES);
    let bools = data::bool_bytes(ARRAY_BYTES);
    let float_wire: Vec<u8> = floats.iter().flat_map(|f| f.to_le_bytes()).collect();
    let double_wire = data::double_bytes(&doubles);
    let mut out = vec![0u8; ARRAY_BYTES];
    let mut vec_out = Vec::with_capacity(ARRAY_BYTES);
    let mut flags = vec![false; ARRAY_BYTES];
    let mut flag_vec = Vec::with_capacity(ARRAY_BYTES);

    let mut g = c.benchmark_group("kernel_order/f32_canonical");
    g.throughput(Throughput::Bytes(ARRAY_BYTES as u64));
    for k in supported() {
        let o = Order::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::f32_to_le_canonical(o, black_box(&floats), &mut out));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| kernels::plain_f32_to_le_canonical(black_box(&floats), &mut vec_out));
    });
    g.bench_function("memcpy", |b| {
        b.iter(|| cases::memcpy(&mut out, black_box(&float_wire)));
    });
    g.finish();

    let mut g = c.benchmark_group("kernel_order/f64_canonical");
    g.throughput(Throughput::Bytes(ARRAY_BYTES as u64));
    for k in supported() {
        let o = Order::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::f64_to_le_canonical(o, black_box(&doubles), &mut out));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| kernels::plain_f64_to_le_canonical(black_box(&doubles), &mut vec_out));
    });
    g.bench_function("memcpy", |b| {
        b.iter(|| cases::memcpy(&mut out, black_box(&double_wire)));
    });
    g.finish();

    let mut g = c.benchmark_group("kernel_order/bools_from_bytes");
    g.throughput(Throughput::Bytes(ARRAY_BYTES as u64));
    for k in supported() {
        let o = Order::new(k).expect("supported");
        g.bench_function(k.name(), |b| {
            b.iter(|| kernels::bools_from_bytes(o, black_box(&bools), &mut flags));
        });
    }
    g.bench_function("plain_loop", |b| {
        b.iter(|| kernels::plain_bools_from_bytes(black_box(&bools), &mut flag_vec));
    });
    g.bench_function("memcpy", |b| {
        b.iter(|| cases::memcpy(&mut out, black_box(&bools)));
    });
    g.finish();
}

/// Benches `f` once per supported kernel, with that kernel forced for the
/// whole process (`dispatch::force`) while it runs; the dispatcher's own
/// choice is restored afterwards.
fn per_kernel(
    g: &mut BenchmarkGroup<'_, WallTime>,
    mut f: impl FnMut(&mut criterion::Bencher<'_>),
) {
    let prefix = String::new();
    per_kernel_named(g, &prefix, &mut f);
}

/// [`per_kernel`] with ids `<prefix><kernel>`.
fn per_kernel_named(
    g: &mut BenchmarkGroup<'_, WallTime>,
    prefix: &str,
    f: &mut impl FnMut(&mut criterion::Bencher<'_>),
) {
    for k in supported() {
        dispatch::force(k).expect("supported");
        g.bench_function(format!("{prefix}{k}"), &mut *f);
    }
    dispatch::force(Kernel::best()).expect("supported");
}

/// The buffer methods that call the kernels (safe flavour: `Output` /
/// `Input`), once per kernel, beside the buffer suite's baselines.
fn buffer_by_kernel(c: &mut Criterion) {
    let ints = data::var_ints(VARINT_COUNT);
    let int_bytes = data::var_int_bytes(&ints);
    let longs = data::var_longs(VARINT_COUNT);
    let long_bytes = data::var_long_bytes(&longs);
    let mut int_dst = vec![0i32; ints.len()];
    let mut long_dst = vec![0i64; longs.len()];
    let mut out = Output::with_capacity(9 * VARINT_COUNT + SLACK);
    let mut vec_out = Vec::with_capacity(9 * VARINT_COUNT + SLACK);

    let mut g = config::run_group(c, "buffer_by_kernel/write_ints_var", ints.len());
    per_kernel(&mut g, |b| {
        b.iter(|| cases::write_var_ints(&mut out, black_box(&ints)));
    });
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_write_u32s(&mut vec_out, black_box(&ints)));
    });
    g.finish();

    let mut g = config::run_group(c, "buffer_by_kernel/read_ints_var", ints.len());
    let mut input = Input::new(&int_bytes);
    per_kernel(&mut g, |b| {
        b.iter(|| cases::read_var_ints(&mut input, black_box(&int_bytes), &mut int_dst));
    });
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_read_u32s(black_box(&int_bytes), &mut int_dst));
    });
    g.finish();

    let mut g = config::run_group(c, "buffer_by_kernel/write_longs_var", longs.len());
    per_kernel(&mut g, |b| {
        b.iter(|| cases::write_var_longs(&mut out, black_box(&longs)));
    });
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_write_u64s(&mut vec_out, black_box(&longs)));
    });
    g.finish();

    let mut g = config::run_group(c, "buffer_by_kernel/read_longs_var", longs.len());
    let mut input = Input::new(&long_bytes);
    per_kernel(&mut g, |b| {
        b.iter(|| cases::read_var_longs(&mut input, black_box(&long_bytes), &mut long_dst));
    });
    g.bench_function("plain_loop", |b| {
        b.iter(|| cases::leb128_read_u64s(black_box(&long_bytes), &mut long_dst));
    });
    g.finish();

    // Safe write_doubles canonicalises NaN through the order kernel (the
    // buffer suite's finite doubles); read_booleans through bools_from_bytes.
    let doubles = data::doubles(ARRAY_BYTES);
    let wire = data::double_bytes(&doubles);
    let mut image = vec![0u8; ARRAY_BYTES];
    let mut g = c.benchmark_group("buffer_by_kernel/write_doubles");
    g.throughput(Throughput::Bytes(ARRAY_BYTES as u64));
    let mut out = Output::with_capacity(ARRAY_BYTES + SLACK);
    per_kernel(&mut g, |b| {
        b.iter(|| cases::write_doubles(&mut out, black_box(&doubles)));
    });
    g.bench_function("memcpy", |b| {
        b.iter(|| cases::memcpy(&mut image, black_box(&wire)));
    });
    g.finish();

    let bools = data::bool_bytes(ARRAY_BYTES);
    let mut flags = vec![false; ARRAY_BYTES];
    let mut g = c.benchmark_group("buffer_by_kernel/read_booleans");
    g.throughput(Throughput::Bytes(ARRAY_BYTES as u64));
    let mut input = Input::new(&bools);
    per_kernel(&mut g, |b| {
        b.iter(|| {
            input.set_buffer(black_box(&bools));
            input.read_booleans_into(&mut flags)
        });
    });
    g.bench_function("memcpy", |b| {
        b.iter(|| cases::memcpy(&mut image, black_box(&bools)));
    });
    g.finish();

    // Strings long enough for the kernels (the ASCII form of `ascii15`
    // never reaches them).
    let texts: Vec<_> = data::strings()
        .into_iter()
        .filter(|t| t.name != "ascii15")
        .collect();
    let mut buf = Vec::with_capacity(1024);
    let mut s = String::with_capacity(1024);
    let mut g = c.benchmark_group("buffer_by_kernel/write_string");
    for t in &texts {
        let wire = data::string_bytes(&t.text);
        g.throughput(Throughput::Bytes(wire.len() as u64));
        let mut out = Output::with_capacity(wire.len() + SLACK);
        per_kernel_named(&mut g, &format!("{}/", t.name), &mut |b| {
            b.iter(|| cases::write_string(&mut out, black_box(&t.text)));
        });
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| cases::cesu8_write(&mut buf, black_box(&t.text)));
        });
    }
    g.finish();

    let mut g = c.benchmark_group("buffer_by_kernel/read_string_into");
    for t in &texts {
        let message = data::string_in_message(&t.text);
        g.throughput(Throughput::Bytes(data::string_bytes(&t.text).len() as u64));
        let mut input = Input::new(&message);
        per_kernel_named(&mut g, &format!("{}/", t.name), &mut |b| {
            b.iter(|| cases::read_string_into(&mut input, black_box(&message), &mut s));
        });
        g.bench_function(format!("{}/plain_loop", t.name), |b| {
            b.iter(|| cases::cesu8_read(black_box(&message), &mut s));
        });
    }
    g.finish();
}

criterion_group! {
    name = kernel_benches;
    config = config::config();
    targets = kernel_varint, kernel_text, kernel_order, buffer_by_kernel
}

criterion_main!(kernel_benches);
