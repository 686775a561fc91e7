//! Throughput of the text kernels, kernel by kernel, against the portable
//! kernel, a plain per-character loop and (for validation) `std`.
//!
//! ```text
//! cargo run --release -p kryo5-arch --example text_throughput [-- INPUT [OPERATION]]
//! ```
//!
//! `INPUT` and `OPERATION` select inputs and rows whose names contain them.
//!
//! Inputs: 1 KiB and 64 KiB of mostly-ASCII text (90% ASCII), CJK text (90%
//! ideographs) and emoji text (60% supplementary characters, 40% ASCII),
//! plus pure ASCII for the scan. Figures are GB/s of UTF-8 input (of CESU-8
//! input for decoding), best of several rounds; the other core of this
//! machine is shared, so compare within one run only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kryo5_arch::Kernel;
use kryo5_arch::text::{Scan, Text};
use kryo5_testdata::{Rng, TextMix};

/// Best-of-rounds throughput of `f` over `bytes` bytes, in GB/s.
fn gbps(bytes: usize, mut f: impl FnMut()) -> f64 {
    // Calibrate to about 2 ms per round.
    let mut iters = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            f();
        }
        if t.elapsed() > Duration::from_millis(2) || iters >= 1 << 24 {
            break;
        }
        iters *= 2;
    }
    let mut best = Duration::MAX;
    for _ in 0..9 {
        let t = Instant::now();
        for _ in 0..iters {
            f();
        }
        best = best.min(t.elapsed() / iters);
    }
    bytes as f64 / best.as_nanos().max(1) as f64
}

/// Per-character CESU-8 encoding: `encode_utf16` and 1 to 3 bytes per
/// unit, as a direct port of Java's `writeUtf8` would do.
fn encode_per_char(s: &str, out: &mut Vec<u8>) {
    out.clear();
    for u in s.encode_utf16() {
        let c = u32::from(u);
        if c < 0x80 {
            out.push(c as u8);
        } else if c < 0x800 {
            out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
        } else {
            out.extend_from_slice(&[
                0xe0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]);
        }
    }
}

/// One CESU-8 unit decoded byte by byte, as Java's `readUtf8Chars` does.
#[inline(always)]
fn unit_per_byte(src: &[u8], i: &mut usize) -> u16 {
    let b = u16::from(src[*i]);
    *i += 1;
    match b >> 4 {
        0..=7 => b,
        12 | 13 => {
            let b1 = u16::from(src[*i]);
            *i += 1;
            ((b & 0x1f) << 6) | (b1 & 0x3f)
        }
        _ => {
            let (b1, b2) = (u16::from(src[*i]), u16::from(src[*i + 1]));
            *i += 2;
            ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)
        }
    }
}

/// Per-character decoding of `units` units to a `String`.
fn decode_per_char(src: &[u8], units: usize, out: &mut String) {
    out.clear();
    let (mut i, mut n) = (0, 0);
    while n < units {
        let u = unit_per_byte(src, &mut i);
        n += 1;
        if (0xd800..0xdc00).contains(&u) {
            let lo = unit_per_byte(src, &mut i);
            n += 1;
            let cp = 0x1_0000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00);
            out.push(char::from_u32(cp).unwrap());
        } else {
            out.push(char::from_u32(u32::from(u)).unwrap());
        }
    }
}

/// Per-character decoding of `units` units to UTF-16.
fn decode_utf16_per_char(src: &[u8], units: usize, out: &mut Vec<u16>) {
    out.clear();
    let mut i = 0;
    for _ in 0..units {
        out.push(unit_per_byte(src, &mut i));
    }
}

/// Emoji-dense text: 60% supplementary characters, 40% ASCII.
fn emoji(rng: &mut Rng, chars: usize) -> String {
    (0..chars)
        .map(|_| {
            if rng.below(10) < 6 {
                char::from_u32(0x1f300 + rng.below(0x400) as u32).unwrap()
            } else {
                rng.char(TextMix::Ascii)
            }
        })
        .collect()
}

/// About `bytes` bytes of text (cut at a character boundary).
fn sized(mut make: impl FnMut(usize) -> String, bytes: usize) -> String {
    let mut s = make(bytes);
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let op_filter = std::env::args().nth(2).unwrap_or_default();
    let kernels: Vec<Text> = Kernel::supported().map(|k| Text::new(k).unwrap()).collect();
    let portable = kernels[0];
    let mut rng = Rng::new(2024);
    let mut inputs = Vec::new();
    for size in [1 << 10, 64 << 10] {
        let kib = size >> 10;
        inputs.push((
            format!("ascii {kib}K"),
            sized(|n| rng.string(n, TextMix::Ascii), size),
        ));
        inputs.push((
            format!("mostly-ascii {kib}K"),
            sized(|n| rng.string(n, TextMix::MostlyAscii), size),
        ));
        inputs.push((
            format!("cjk {kib}K"),
            sized(|n| rng.string(n / 2, TextMix::Cjk), size),
        ));
        inputs.push((
            format!("emoji {kib}K"),
            sized(|n| emoji(&mut rng, n / 2), size),
        ));
    }
    let names: Vec<String> = kernels.iter().map(|k| k.kernel().to_string()).collect();
    println!(
        "GB/s of input (UTF-8 for encoding, CESU-8 for decoding); x = fastest kernel / per-char loop (or / std)"
    );
    println!(
        "{:<34} {:>9} {:>9} {}",
        "operation",
        "per-char",
        "std",
        names.iter().map(|n| format!("{n:>9}")).collect::<String>()
    );
    for (name, s) in &inputs {
        if !name.contains(&filter) {
            continue;
        }
        let cesu = {
            let mut v = vec![0; portable.cesu8_len(s)];
            portable.utf8_to_cesu8(s, &mut v);
            v
        };
        let units = portable.utf16_len(s);
        assert_eq!(
            portable.cesu8_scan(&cesu, units),
            Scan::Complete { bytes: cesu.len() }
        );
        println!(
            "-- {name}: {} bytes UTF-8, {} bytes CESU-8, {units} units",
            s.len(),
            cesu.len()
        );
        let (n8, nc) = (s.len(), cesu.len());
        let mut out = vec![0u8; cesu.len() + 64];
        let mut vec_out = Vec::with_capacity(cesu.len());
        let mut str_out = String::with_capacity(cesu.len());
        let mut u16_out = Vec::with_capacity(units);
        let want = |op: &str| op.contains(op_filter.as_str());
        let print_row = |op: &str, per_char: Option<f64>, std: Option<f64>, ks: Vec<f64>| {
            let best = ks.iter().skip(1).copied().fold(ks[0], f64::max);
            let base = per_char.or(std);
            let cell = |v: Option<f64>| v.map_or(format!("{:>9}", "-"), |v| format!("{v:>9.2}"));
            let ratio = base.map_or(String::new(), |b| format!("  x{:.1}", best / b));
            println!(
                "{op:<34} {} {} {}{ratio}",
                cell(per_char),
                cell(std),
                ks.iter().map(|&v| cell(Some(v))).collect::<String>()
            );
        };
        // Arguments are evaluated only for the rows selected.
        macro_rules! row {
            ($op:expr, $per_char:expr, $std:expr, $ks:expr $(,)?) => {
                if want($op) {
                    print_row($op, $per_char, $std, $ks);
                }
            };
        }
        if name.starts_with("ascii") {
            row!(
                "first_non_ascii (whole input)",
                Some(gbps(n8, || {
                    black_box(s.as_bytes().iter().position(|&b| b >= 0x80));
                })),
                Some(gbps(n8, || {
                    black_box(s.is_ascii());
                })),
                kernels
                    .iter()
                    .map(|k| gbps(n8, || {
                        black_box(k.first_non_ascii(black_box(s.as_bytes())));
                    }))
                    .collect(),
            );
        }
        row!(
            "utf16_len",
            Some(gbps(n8, || {
                black_box(black_box(s).encode_utf16().count());
            })),
            None,
            kernels
                .iter()
                .map(|k| gbps(n8, || {
                    black_box(k.utf16_len(black_box(s)));
                }))
                .collect(),
        );
        row!(
            "cesu8_len",
            None,
            None,
            kernels
                .iter()
                .map(|k| gbps(n8, || {
                    black_box(k.cesu8_len(black_box(s)));
                }))
                .collect(),
        );
        row!(
            "utf8_to_cesu8",
            None,
            None,
            kernels
                .iter()
                .map(|k| gbps(n8, || {
                    black_box(k.utf8_to_cesu8(black_box(s), &mut out));
                }))
                .collect(),
        );
        let mut enc = Vec::with_capacity(cesu.len());
        row!(
            "ENCODE (len+cesu8_len+convert)",
            Some(gbps(n8, || {
                encode_per_char(black_box(s), &mut enc);
                black_box(&enc);
            })),
            None,
            kernels
                .iter()
                .map(|k| {
                    gbps(n8, || {
                        let s = black_box(s);
                        black_box(k.utf16_len(s));
                        let n = k.cesu8_len(s);
                        black_box(k.utf8_to_cesu8(s, &mut out[..n]));
                    })
                })
                .collect(),
        );
        row!(
            "cesu8_scan",
            None,
            None,
            kernels
                .iter()
                .map(|k| gbps(nc, || {
                    black_box(k.cesu8_scan(black_box(&cesu), units));
                }))
                .collect(),
        );
        row!(
            "utf8 (validate)",
            None,
            Some(gbps(nc, || {
                black_box(std::str::from_utf8(black_box(&cesu)).is_ok());
            })),
            kernels
                .iter()
                .map(|k| gbps(nc, || {
                    black_box(k.utf8(black_box(&cesu)).is_some());
                }))
                .collect(),
        );
        row!(
            "cesu8_to_utf8",
            None,
            None,
            kernels
                .iter()
                .map(|k| {
                    gbps(nc, || {
                        vec_out.clear();
                        k.cesu8_to_utf8(black_box(&cesu), &mut vec_out).unwrap();
                        black_box(&vec_out);
                    })
                })
                .collect(),
        );
        row!(
            "utf8 (validate valid UTF-8 input)",
            None,
            Some(gbps(n8, || {
                black_box(std::str::from_utf8(black_box(s.as_bytes())).is_ok());
            })),
            kernels
                .iter()
                .map(|k| gbps(n8, || {
                    black_box(k.utf8(black_box(s.as_bytes())).is_some());
                }))
                .collect(),
        );
        row!(
            "cesu8_to_utf16",
            None,
            None,
            kernels
                .iter()
                .map(|k| {
                    gbps(nc, || {
                        u16_out.clear();
                        k.cesu8_to_utf16(black_box(&cesu), &mut u16_out).unwrap();
                        black_box(&u16_out);
                    })
                })
                .collect(),
        );
        row!(
            "DECODE to String (scan+utf8|cesu)",
            Some(gbps(nc, || {
                decode_per_char(black_box(&cesu), units, &mut str_out);
                black_box(&str_out);
            })),
            None,
            kernels
                .iter()
                .map(|k| {
                    gbps(nc, || {
                        let src = black_box(&cesu);
                        let Scan::Complete { bytes } = k.cesu8_scan(src, units) else {
                            unreachable!()
                        };
                        let span = &src[..bytes];
                        vec_out.clear();
                        if let Some(s) = k.utf8(span) {
                            vec_out.extend_from_slice(s.as_bytes());
                        } else {
                            k.cesu8_to_utf8(span, &mut vec_out).unwrap();
                        }
                        black_box(&vec_out);
                    })
                })
                .collect(),
        );
        row!(
            "DECODE to UTF-16 (scan+cesu8_to_utf16)",
            Some(gbps(nc, || {
                decode_utf16_per_char(black_box(&cesu), units, &mut u16_out);
                black_box(&u16_out);
            })),
            None,
            kernels
                .iter()
                .map(|k| {
                    gbps(nc, || {
                        let src = black_box(&cesu);
                        let Scan::Complete { bytes } = k.cesu8_scan(src, units) else {
                            unreachable!()
                        };
                        u16_out.clear();
                        k.cesu8_to_utf16(&src[..bytes], &mut u16_out).unwrap();
                        black_box(&u16_out);
                    })
                })
                .collect(),
        );
    }
}
