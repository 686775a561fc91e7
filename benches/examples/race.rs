//! Kernel races for a noisy machine: every implementation of one kernel
//! case (and its baselines) timed in turn, call after call, and each
//! case's **fastest** call kept. Contention from other processes only ever
//! adds time, so the minimum over many interleaved calls is what the code
//! costs when it gets the core, and all contenders saw the same machine.
//! This is how the per-kernel choices of `docs/kernels.md` were made;
//! criterion (`benches/kernels.rs`) gives the means.
//!
//! ```text
//! cargo run --release -p kryo5-benches --example race                 # every case
//! cargo run --release -p kryo5-benches --example race -- order 400    # cases named *order*, 400 rounds
//! ```

use std::hint::black_box;
use std::time::Instant;

use kryo5::io::Input;
use kryo5_arch::order::Order;
use kryo5_arch::text::Text;
use kryo5_arch::varint::Varint;
use kryo5_arch::{Kernel, dispatch};
use kryo5_benches::data::{self, TextKind};
use kryo5_benches::{ARRAY_BYTES, VARINT_COUNT, cases, kernels};

/// One contender: its name and one call of it.
type Run<'a> = (String, Box<dyn FnMut() + 'a>);

/// One case: its contenders and how much work one call does.
struct Race<'a> {
    name: String,
    units: f64,
    unit: &'static str,
    runs: Vec<Run<'a>>,
}

/// A copy of some elements starting `offset` bytes after a 64-byte boundary.
struct Aligned<T> {
    buf: Vec<T>,
    start: usize,
    len: usize,
}

impl<T: Copy + Default> Aligned<T> {
    fn new(len: usize, offset: usize) -> Aligned<T> {
        let size = size_of::<T>();
        assert_eq!(
            offset % size,
            0,
            "offset must be a multiple of the element size"
        );
        let buf = vec![T::default(); len + 128 / size];
        let skew = (64 - buf.as_ptr() as usize % 64) % 64;
        assert_eq!(skew % size, 0, "allocation aligned to its element");
        Aligned {
            start: (skew + offset) / size,
            buf,
            len,
        }
    }

    fn get(&self) -> &[T] {
        &self.buf[self.start..self.start + self.len]
    }

    fn get_mut(&mut self) -> &mut [T] {
        &mut self.buf[self.start..self.start + self.len]
    }
}

fn at_offset<T: Copy + Default>(v: &[T], offset: usize) -> Aligned<T> {
    let mut a = Aligned::new(v.len(), offset / size_of::<T>() * size_of::<T>());
    a.get_mut().copy_from_slice(v);
    a
}

fn kernels_supported() -> Vec<Kernel> {
    Kernel::supported().collect()
}

/// Times every contender of `race` once per round, keeps each one's minimum.
fn run(race: &mut Race<'_>, rounds: usize) {
    // Short calls are timed in batches (the clock ticks too coarsely).
    let reps = (65_536.0 / race.units).ceil() as usize;
    let mut best = vec![f64::INFINITY; race.runs.len()];
    for _ in 0..rounds {
        for (i, (_, f)) in race.runs.iter_mut().enumerate() {
            let t = Instant::now();
            for _ in 0..reps {
                f();
            }
            best[i] = best[i].min(t.elapsed().as_secs_f64() * 1e9 / reps as f64);
        }
    }
    let base = best[0];
    println!("{}", race.name);
    for ((name, _), ns) in race.runs.iter().zip(&best) {
        println!(
            "  {name:<14} {ns:>12.0} ns  {:>8.3} {}  {:>6.2}x {}",
            race.units / ns,
            race.unit,
            base / ns,
            race.runs[0].0
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filter = args.first().cloned().unwrap_or_default();
    let rounds = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(200);
    let ks = kernels_supported();
    let longs = data::var_long_bytes(&data::var_longs(VARINT_COUNT));
    let negatives = data::var_long_bytes(&data::negative_longs(VARINT_COUNT));
    // Every other value negative, in runs of 1 to 4, the rest the mix.
    let half: Vec<i64> = data::var_longs(VARINT_COUNT)
        .iter()
        .zip(data::negative_longs(VARINT_COUNT))
        .enumerate()
        .map(|(i, (&m, n))| if (i / (1 + i % 4)) % 2 == 0 { n } else { m })
        .collect();
    let half_negative = data::var_long_bytes(&half);
    // The order cases' destinations (and memcpy's source) start
    // `RACE_OFFSET` bytes (default 16: where the allocator puts a 1 MiB
    // `Vec`) after a 64-byte boundary.
    let offset: usize = std::env::var("RACE_OFFSET")
        .ok()
        .and_then(|o| o.parse().ok())
        .unwrap_or(16);
    let floats = at_offset(&data::canon_floats(ARRAY_BYTES), offset);
    let doubles = at_offset(&data::canon_doubles(ARRAY_BYTES), offset);
    let bools = at_offset(&data::bool_bytes(ARRAY_BYTES), offset);
    let copy_src = at_offset(&vec![0x5au8; ARRAY_BYTES], offset);
    let texts = data::kernel_texts();
    let strings: Vec<_> = data::strings()
        .into_iter()
        .filter(|t| t.name != "ascii15")
        .map(|t| (t.name, data::string_in_message(&t.text)))
        .collect();
    let mut races = Vec::new();

    // Varlongs: the mixed lengths, and all-negative longs (9 bytes each,
    // the ninth with bit 7 set). Every closure owns its destination.
    for (name, bytes) in [
        ("decode_i64", &longs),
        ("decode_i64_negative", &negatives),
        ("decode_i64_half_negative", &half_negative),
    ] {
        let mut runs: Vec<Run<'_>> = Vec::new();
        for &k in &ks {
            let v = Varint::new(k).expect("supported");
            let mut d = vec![0i64; VARINT_COUNT];
            runs.push((
                k.name().into(),
                Box::new(move || {
                    black_box(kernels::decode_i64s(v, black_box(bytes), &mut d));
                }),
            ));
        }
        let mut d = vec![0i64; VARINT_COUNT];
        runs.push((
            "plain_loop".into(),
            Box::new(move || {
                black_box(cases::leb128_read_u64s(black_box(bytes), &mut d));
            }),
        ));
        races.push(Race {
            name: format!("varint/{name}"),
            units: VARINT_COUNT as f64,
            unit: "values/ns",
            runs,
        });
        let mut runs: Vec<Run<'_>> = Vec::new();
        for &k in &ks {
            let v = Varint::new(k).expect("supported");
            runs.push((
                k.name().into(),
                Box::new(move || {
                    black_box(kernels::skip_i64s(v, black_box(bytes), VARINT_COUNT));
                }),
            ));
        }
        runs.push((
            "plain_loop".into(),
            Box::new(move || {
                black_box(kernels::plain_skip_u64s(black_box(bytes), VARINT_COUNT));
            }),
        ));
        races.push(Race {
            name: format!("varint/{}", name.replace("decode", "skip")),
            units: VARINT_COUNT as f64,
            unit: "values/ns",
            runs,
        });
    }

    // Order kernels, 1 MiB each, beside memcpy.
    for op in ["f32_canonical", "f64_canonical", "bools_from_bytes"] {
        let mut runs: Vec<Run<'_>> = Vec::new();
        for &k in &ks {
            let o = Order::new(k).expect("supported");
            let mut d = Aligned::new(ARRAY_BYTES, offset);
            let (f, dd, bb) = (floats.get(), doubles.get(), bools.get());
            let f: Box<dyn FnMut()> = match op {
                "f32_canonical" => {
                    Box::new(move || kernels::f32_to_le_canonical(o, black_box(f), d.get_mut()))
                }
                "f64_canonical" => {
                    Box::new(move || kernels::f64_to_le_canonical(o, black_box(dd), d.get_mut()))
                }
                _ => {
                    let mut b = Aligned::<bool>::new(ARRAY_BYTES, offset);
                    Box::new(move || kernels::bools_from_bytes(o, black_box(bb), b.get_mut()))
                }
            };
            runs.push((k.name().into(), f));
        }
        let (mut d, s) = (Aligned::new(ARRAY_BYTES, offset), copy_src.get());
        runs.push((
            "memcpy".into(),
            Box::new(move || {
                black_box(cases::memcpy(d.get_mut(), black_box(s)));
            }),
        ));
        races.push(Race {
            name: format!("order/{op}"),
            units: ARRAY_BYTES as f64,
            unit: "GB/s",
            runs,
        });
    }

    // Text: both directions of the CESU-8 conversion on every text.
    for t in &texts {
        let (s, c) = (t.text.as_str(), t.cesu8.as_slice());
        let mut enc: Vec<Run<'_>> = Vec::new();
        let mut dec: Vec<Run<'_>> = Vec::new();
        for &k in &ks {
            let x = Text::new(k).expect("supported");
            let mut d = vec![0u8; c.len() + 64];
            enc.push((
                k.name().into(),
                Box::new(move || {
                    black_box(kernels::utf8_to_cesu8(x, black_box(s), &mut d));
                }),
            ));
            let mut d = Vec::with_capacity(s.len() + 64);
            dec.push((
                k.name().into(),
                Box::new(move || {
                    black_box(kernels::cesu8_to_utf8(x, black_box(c), &mut d));
                }),
            ));
        }
        let mut d = Vec::with_capacity(c.len() + 64);
        enc.push((
            "plain_loop".into(),
            Box::new(move || {
                black_box(kernels::plain_utf8_to_cesu8(black_box(s), &mut d));
            }),
        ));
        let mut d = String::with_capacity(s.len() + 64);
        dec.push((
            "plain_loop".into(),
            Box::new(move || {
                black_box(kernels::plain_cesu8_to_utf8(black_box(c), &mut d));
            }),
        ));
        if t.kind == TextKind::Cjk {
            // CJK's CESU-8 is its UTF-8: decoding can at best copy.
            let mut d = vec![0u8; c.len()];
            dec.push((
                "memcpy".into(),
                Box::new(move || {
                    black_box(cases::memcpy(&mut d, black_box(c)));
                }),
            ));
        }
        races.push(Race {
            name: format!("text/utf8_to_cesu8/{}", t.name),
            units: s.len() as f64,
            unit: "GB/s",
            runs: enc,
        });
        races.push(Race {
            name: format!("text/cesu8_to_utf8/{}", t.name),
            units: c.len() as f64,
            unit: "GB/s",
            runs: dec,
        });
    }

    // `read_string_into` through the buffer, each kernel forced for its
    // calls (a string of 100 characters: dispatch and setup count).
    for (name, message) in &strings {
        let mut runs: Vec<Run<'_>> = Vec::new();
        for &k in &ks {
            let (mut input, mut dst) = (Input::new(message), String::with_capacity(1024));
            runs.push((
                k.name().into(),
                Box::new(move || {
                    dispatch::force(k).expect("supported");
                    black_box(cases::read_string_into(
                        &mut input,
                        black_box(message),
                        &mut dst,
                    ))
                    .ok();
                }),
            ));
        }
        let mut dst = String::with_capacity(1024);
        runs.push((
            "plain_loop".into(),
            Box::new(move || {
                black_box(cases::cesu8_read(black_box(message), &mut dst));
            }),
        ));
        races.push(Race {
            name: format!("buffer/read_string_into/{name}"),
            units: message.len() as f64,
            unit: "GB/s",
            runs,
        });
    }

    for race in races.iter_mut().filter(|r| r.name.contains(&filter)) {
        run(race, rounds);
    }
}
