//! Criterion (wall-clock) benchmarks of a whole object graph: jvm-serializers'
//! MediaContent (issue 4), written and read by kryo5 with jvm-serializers'
//! Kryo setups beside bincode 2, speedy and postcard encoding the same
//! structs (`support/media.rs` says what each case does). Java Kryo's
//! figures for the same value and setups come from `benches/java.rs`
//! (`writeObject` / `readObject` cases).
//!
//! | group | ids | per iteration |
//! |---|---|---|
//! | `media/write` | `kryo5` (references off), `kryo5_refs` (on), `kryo5_compat` (compatible field serializer, references off), `bincode`, `speedy`, `postcard` | one MediaContent into a reused buffer |
//! | `media/read` | as above, and `kryo5_borrowed`, `kryo5_refs_borrowed` | one MediaContent into owned structs (`_borrowed`: into the zero-copy twins) |
//!
//! ```text
//! cargo bench -p kryo5-benches --bench media
//! cargo bench -p kryo5-benches --bench media -- media/read --measurement-time 5
//! ```

use std::hint::black_box;

// `config::run_group` is for the suites of 1M-value runs, not used here.
#[allow(dead_code)]
#[path = "support/config.rs"]
mod config;
#[path = "support/media.rs"]
mod media;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kryo5::io::Output;

fn writes(c: &mut Criterion) {
    let value = media::value();
    let mirror = media::Mirror::from(&value);
    let mut g = c.benchmark_group("media/write");
    g.throughput(Throughput::Elements(1));
    for (name, kryo) in media::SETUPS {
        let mut kryo = kryo();
        let mut out = Output::with_capacity(media::CAPACITY);
        g.bench_function(name, |b| {
            b.iter(|| media::kryo5_write(&mut kryo, &mut out, black_box(&value)).unwrap());
        });
    }
    let mut buf = vec![0u8; media::CAPACITY];
    g.bench_function("bincode", |b| {
        b.iter(|| media::bincode_write(&mut buf, black_box(&mirror)).unwrap());
    });
    g.bench_function("speedy", |b| {
        b.iter(|| media::speedy_write(&mut buf, black_box(&mirror)).unwrap());
    });
    g.bench_function("postcard", |b| {
        b.iter(|| media::postcard_write(&mut buf, black_box(&mirror)).unwrap());
    });
    g.finish();
}

fn reads(c: &mut Criterion) {
    let encodings = media::encodings();
    let bytes = |name: &str| -> &[u8] {
        &encodings
            .iter()
            .find(|(n, _)| *n == name)
            .expect("every case is encoded")
            .1
    };
    let mut g = c.benchmark_group("media/read");
    g.throughput(Throughput::Elements(1));
    for (name, kryo) in media::SETUPS {
        let mut kryo = kryo();
        let input = bytes(name);
        g.bench_function(name, |b| {
            b.iter(|| media::kryo5_read(&mut kryo, black_box(input)).unwrap());
        });
    }
    for (name, kryo) in &media::SETUPS[..media::BORROWED_SETUPS] {
        let mut kryo = kryo();
        let input = bytes(name);
        g.bench_function(format!("{name}_borrowed"), |b| {
            b.iter(|| media::kryo5_read_borrowed(&mut kryo, black_box(input)).unwrap());
        });
    }
    let input = bytes("bincode");
    g.bench_function("bincode", |b| {
        b.iter(|| media::bincode_read(black_box(input)).unwrap());
    });
    let input = bytes("speedy");
    g.bench_function("speedy", |b| {
        b.iter(|| media::speedy_read(black_box(input)).unwrap());
    });
    let input = bytes("postcard");
    g.bench_function("postcard", |b| {
        b.iter(|| media::postcard_read(black_box(input)).unwrap());
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = config::config();
    targets = writes, reads
}
criterion_main!(benches);
